// Prompt checks, copy as code, and the preset library with JSON export/import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp } from './harness.mjs';

const ctx = useApp();

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
