// Prompt checks, copy as code (generations, and edits with their prepared files), and the
// preset library with JSON export/import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { png, bmp } from './files.mjs';
import { useApp, showMore } from './harness.mjs';

const ctx = useApp();
const run = promisify(execFile);

/** An RGBA PNG; `alpha(x, y)` gives each pixel's alpha. */
const rgba = (width, height, alpha = () => 255) =>
  png(width, height, { colorType: 6, pixel: (x, y) => [x * 4, y * 5, 90, alpha(x, y)] });

const hasTool = (name) => run('sh', ['-c', `command -v ${name}`]).then(() => true, () => false);

test('resolution words are flagged and removed in one click; long high-quality prompts warned', async () => {
  const { page } = ctx.app;
  await page.getByTestId('prompt').fill('A fox in snow, 4K, ultra HD');
  assert.match(await page.getByTestId('prompt-flag').innerText(), /"4K", "ultra HD" in the prompt change nothing/);
  await page.getByTestId('prompt-flag-remove').click();
  assert.equal(await page.getByTestId('prompt').inputValue(), 'A fox in snow');
  assert.equal(await page.getByTestId('prompt-flag').count(), 0);
  assert.match(await page.locator('#prompt-hint').innerText(), /13 \/ 32,000 characters/);
  await page.getByTestId('quality').selectOption('high');
  await page.getByTestId('prompt').fill('word '.repeat(205));
  assert.match(await page.getByTestId('prompt-long').innerText(), /205 words at high quality/);
});

test('copy as code shows the exact request with the key as $OPENAI_API_KEY', async () => {
  const { page } = ctx.app;
  await page.getByTestId('api-key').fill('sk-never-shown');
  await page.getByTestId('prompt').fill("It's a fox");
  await page.getByTestId('quality').selectOption('low');
  await page.locator('.code-export summary').click();
  const curl = await page.getByTestId('code-snippet').innerText();
  assert.match(curl, /^curl '.*\/v1\/images\/generations'/);
  assert.ok(curl.includes('$OPENAI_API_KEY') && !curl.includes('sk-never-shown'), curl);
  assert.ok(curl.includes(`"prompt": "It'\\''s a fox"`) && curl.includes('"quality": "low"'), curl);
  await page.getByTestId('code-language').selectOption('Python');
  const py = await page.getByTestId('code-snippet').innerText();
  assert.match(py, /client\.images\.generate\(\n    model="gpt-image-2",\n    prompt="It's a fox",\n    quality="low",\n\)/);
  await page.getByTestId('code-language').selectOption('JavaScript');
  assert.match(await page.getByTestId('code-snippet').innerText(), /process\.env\.OPENAI_API_KEY/);
});

test('with references, copy as code is the edit Generate sends, and offers the files it reads', async () => {
  const { page, problems } = ctx.app;
  const snippetIn = async (language) => {
    await page.getByTestId('code-language').selectOption(language);
    return page.getByTestId('code-snippet').textContent();
  };
  const prompt = "Put the fox of image 1 on image 2's sofa: 把狐狸放到沙发上";
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('quality').selectOption('low');
  await showMore(page);
  await page.getByTestId('moderation').selectOption('low');
  await page.locator('.code-export summary').click();
  assert.match(await snippetIn('curl'), /\/images\/generations'/, 'no references: a generation');
  assert.equal(await page.getByTestId('code-file').count(), 0);

  // A small PNG goes as it is; a BMP is prepared as WebP; the mask is image 1's size.
  await page.getByTestId('reference-input').setInputFiles([
    { name: "my fox's photo.png", mimeType: 'image/png', buffer: rgba(64, 48) },
    { name: '沙发 照片.bmp', mimeType: 'image/bmp', buffer: bmp(40, 30) },
  ]);
  await page.getByTestId('mask-input').setInputFiles({ name: 'mask; v2.png', mimeType: 'image/png', buffer: rgba(64, 48, (x) => (x < 32 ? 0 : 255)) });
  await page.locator('[data-testid=mask-status][data-width]').waitFor({ timeout: 60_000 });
  const names = ["my fox's photo.png", '沙发 照片.webp', 'mask; v2.png'];
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=code-file]').length === n, names.length);
  assert.deepEqual(await page.getByTestId('code-file').allTextContents(), names);

  const curl = await snippetIn('curl');
  assert.match(curl, /^curl '.*\/v1\/images\/edits' \\\n  -H "Authorization: Bearer \$OPENAI_API_KEY" \\\n/);
  for (const part of [
    "--form-string 'model=gpt-image-2'",
    `--form-string 'prompt=${prompt.replaceAll("'", "'\\''")}'`,
    "--form-string 'quality=low'",
    `-F 'image[]=@"my fox'\\''s photo.png";type=image/png'`,
    `-F 'image[]=@"沙发 照片.webp";type=image/webp'`,
    `-F 'mask=@"mask; v2.png";type=image/png'`,
  ]) assert.ok(curl.includes(part), `${part}\n${curl}`);
  assert.ok(!/generations|application\/json|moderation/.test(curl), curl);

  const py = await snippetIn('Python');
  assert.match(py, /result = client\.images\.edit\(\n    model="gpt-image-2",\n/);
  assert.ok(py.includes(`    prompt=${JSON.stringify(prompt)},\n    quality="low",\n`), py);
  assert.ok(py.includes(`    image=[\n        open("my fox's photo.png", "rb"),\n        open("沙发 照片.webp", "rb"),\n    ],\n    mask=open("mask; v2.png", "rb"),\n)`), py);
  assert.ok(!/generate\(|moderation/.test(py), py);

  const js = await snippetIn('JavaScript');
  assert.match(js, /const form = new FormData\(\);/);
  for (const [field, name, type] of [['image[]', names[0], 'image/png'], ['image[]', names[1], 'image/webp'], ['mask', names[2], 'image/png']]) {
    const file = JSON.stringify(name);
    assert.ok(js.includes(`form.append(${JSON.stringify(field)}, new Blob([await readFile(${file})], { type: "${type}" }), ${file});`), js);
  }
  assert.ok(js.includes('body: form,') && !/generations|moderation|Content-Type/.test(js), js);

  // The offered files download under the snippet's names; the snippets run there as they are.
  const dir = await mkdtemp(path.join(tmpdir(), 'code-export-'));
  try {
    for (const [i, button] of (await page.getByTestId('code-file').all()).entries()) {
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      assert.equal(download.suggestedFilename(), names[i]);
      await download.saveAs(path.join(dir, download.suggestedFilename()));
    }
    assert.deepEqual((await readdir(dir)).sort(), [...names].sort());
    await ctx.backend.clearRequests();
    const env = { ...process.env, OPENAI_API_KEY: 'sk-from-the-environment' };
    await writeFile(path.join(dir, 'edit.mjs'), js);
    await run(process.execPath, ['edit.mjs'], { cwd: dir, env });
    const runners = ['JavaScript'];
    if (await hasTool('curl') && await hasTool('jq')) {
      await run('bash', ['-c', curl], { cwd: dir, env });
      assert.deepEqual([...(await readFile(path.join(dir, 'image.png'))).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'curl saved the image');
      runners.push('curl');
    }
    // Generate sends the same parts (the app numbers its uploads: image-1.png, ...).
    await page.getByTestId('generate').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=result-image]')].some((i) => i.dataset.width));
    const log = (await ctx.backend.requests()).filter((r) => /\/images\/edits$/.test(r.path));
    assert.equal(log.length, runners.length + 1, JSON.stringify(log.map((r) => r.path)));
    const generated = log.at(-1);
    const shape = (r) => r.parts.map(({ filename, ...rest }) => rest);
    for (const [i, r] of log.slice(0, -1).entries()) {
      assert.equal(r.steady?.status, 200, `${runners[i]}: Steady ${JSON.stringify(r.steady)}`);
      assert.equal(r.headers.authorization, 'Bearer sk-from-the-environment', runners[i]);
      assert.deepEqual(r.parts.filter((p) => p.filename).map((p) => p.filename), names, runners[i]);
      assert.deepEqual(shape(r), shape(generated), `${runners[i]} sends what Generate sends`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // Removing the mask and a reference updates the snippet and the files; none left, a generation.
  await page.getByTestId('mask-remove').click();
  await page.getByTestId('reference-remove').nth(1).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=code-file]').length === 1);
  assert.deepEqual(await page.getByTestId('code-file').allTextContents(), [names[0]]);
  const one = await snippetIn('curl');
  assert.ok(one.includes(`-F 'image[]=@"my fox'\\''s photo.png";type=image/png'`) && !one.includes('mask') && !one.includes('webp'), one);
  await page.getByTestId('reference-remove').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=code-file]').length === 0);
  assert.match(await snippetIn('curl'), /\/images\/generations'/);
  assert.deepEqual(problems, []);
});

test('presets are saved, applied, renamed, exported, deleted and imported back', async () => {
  const { page } = ctx.app;
  await page.getByTestId('prompt').fill('Saved slide e2e');
  await page.getByTestId('size-preset').selectOption('1536x1024');
  await page.getByTestId('quality').selectOption('medium');
  await page.getByTestId('preset-name').fill('Slides');
  await page.getByTestId('preset-save').click();
  await page.getByTestId('preset-item').waitFor();

  await page.getByTestId('prompt').fill('something else');
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('preset-apply').click();
  assert.equal(await page.getByTestId('prompt').inputValue(), 'Saved slide e2e');
  assert.equal(await page.getByTestId('quality').inputValue(), 'medium');
  assert.equal(await page.getByTestId('size-resolved').innerText(), '1536x1024');

  await page.getByTestId('preset-item-name').fill('Slides 3:2');
  await page.getByTestId('preset-item-name').press('Tab');
  await page.reload();
  assert.equal(await page.getByTestId('preset-item-name').inputValue(), 'Slides 3:2', 'kept across reloads');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('preset-export').click()]);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.format, 'gpt-image-studio-presets');
  assert.equal(exported.presets[0].name, 'Slides 3:2');
  assert.match(exported.presets[0].link, /^v1&prompt=Saved%20slide%20e2e/);

  await page.getByTestId('preset-delete').click();
  assert.equal(await page.getByTestId('preset-item').count(), 0);
  // Import reads the file asynchronously: wait for its own message, not the previous one.
  const messageMatches = (re) => page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-testid=preset-message]')?.textContent ?? ''),
    re.source,
  );
  await page.getByTestId('preset-import').setInputFiles(file);
  await messageMatches(/Imported 1 preset\./);
  assert.equal(await page.getByTestId('preset-item-name').inputValue(), 'Slides 3:2');

  await page.getByTestId('preset-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
  await messageMatches(/not a presets file/);
  assert.equal(await page.getByTestId('preset-item').count(), 1, 'a bad file changes nothing');
});
