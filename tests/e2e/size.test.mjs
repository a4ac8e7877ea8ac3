// The size builder through its hooks: ratio x tier, rule messages, suggestions, exact sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { useApp } from './harness.mjs';

const ctx = useApp();

const resolved = () => ctx.app.page.getByTestId('size-resolved').innerText();

test('ratio x tier resolves live, with the facts sheet examples', async () => {
  const { page } = ctx.app;
  await page.getByTestId('size-ratio').selectOption('16:9');
  assert.equal(await resolved(), '1360x768');
  await page.getByTestId('size-tier').selectOption('4K');
  assert.equal(await resolved(), '3840x2160');
  assert.match(await page.getByTestId('size-warning').innerText(), /experimental/);
  await page.getByTestId('size-ratio').selectOption('21:9');
  assert.equal(await resolved(), '3840x1632');
  await page.getByTestId('size-ratio').selectOption('9:21');
  assert.equal(await resolved(), '1632x3840');
  assert.equal(await page.getByTestId('size-input').inputValue(), '1632x3840');
  assert.equal(await page.getByTestId('size-error').count(), 0);
});

test('an invalid size names the broken rule, is not sent, and a suggestion fixes it in one click', async () => {
  const { page } = ctx.app;
  await page.getByTestId('size-input').fill('1920x1080');
  assert.match(await page.getByTestId('size-error').innerText(), /1080 is not a multiple of 16/);
  const suggestions = await page.getByTestId('size-suggestion').allInnerTexts();
  assert.deepEqual(suggestions.slice(0, 2), ['1920x1088', '1904x1072']);
  await page.getByTestId('prompt').fill('slides e2e');
  await page.getByTestId('generate').click();
  assert.match(await page.getByTestId('error-message').innerText(), /not a multiple of 16/);
  assert.deepEqual(await ctx.backend.requests(), []);

  await page.getByTestId('size-suggestion').first().click();
  assert.equal(await page.getByTestId('size-input').inputValue(), '1920x1088');
  assert.equal(await page.getByTestId('size-error').count(), 0);
  assert.equal(await resolved(), '1920x1088');

  await page.getByTestId('size-input').fill('4000x4000');
  const text = await page.getByTestId('size-error').innerText();
  assert.match(text, /4000 is above the maximum edge of 3840/);
  assert.match(text, /16,000,000 pixels is above the maximum of 8,294,400/);
  await page.getByTestId('size-input').fill('3840x1000');
  assert.match(await page.getByTestId('size-error').innerText(), /at most 3 times the short edge/);
  await page.getByTestId('size-input').fill('wide');
  assert.match(await page.getByTestId('size-error').innerText(), /expected WIDTHxHEIGHT/);
});

test('spellings are accepted and the model rules apply', async () => {
  const { page } = ctx.app;
  await page.getByTestId('size-input').fill(' 1536 × 1024 ');
  assert.equal(await resolved(), '1536x1024');
  await page.getByTestId('size-input').fill('AUTO');
  assert.equal(await resolved(), 'auto');
  await page.getByTestId('model').fill('gpt-image-1');
  await page.getByTestId('size-preset').selectOption('2048x2048');
  assert.match(await page.getByTestId('size-error').innerText(), /gpt-image-1 takes only 1024x1024, 1536x1024, 1024x1536 or auto/);
  assert.deepEqual(await page.getByTestId('size-suggestion').allInnerTexts(), ['1024x1024']);
});

test('cost and latency are shown before sending', async () => {
  const { page } = ctx.app;
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('size-preset').selectOption('1024x1024');
  assert.match(await page.getByTestId('expected-time').innerText(), /3-8 s · cost \$0\.006 \(low quality, 1024x1024/);
  await page.getByTestId('quality').selectOption('high');
  assert.match(await page.getByTestId('quality-warning').innerText(), /minutes/);
  await page.getByTestId('size-ratio').selectOption('16:9');
  assert.match(await page.getByTestId('expected-time').innerText(), /cost ~\$/);
});

test('an exact size the API cannot make is delivered exactly, and the UI says how', async () => {
  const { page, problems } = ctx.app;
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('size-input').fill('1920x1080');
  await page.getByTestId('size-exact').click();
  assert.equal(await resolved(), '1920x1088');
  assert.match(await page.getByTestId('size-exact-note').innerText(), /1920x1088 is requested .* exactly 1920x1080/);
  await page.getByTestId('prompt').fill('exact slide e2e');
  // The fitting runs in the prep worker, started for it on demand.
  const workers = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await page.getByTestId('generate').click();
  await page.getByTestId('fit-note').waitFor();
  assert.ok(workers.some((p) => p.endsWith('/prep_worker_loader.js')), `workers started: ${workers}`);
  assert.equal(await page.getByTestId('fit-note').innerText(), 'Cropped 1920x1088 to 1920x1080 (4 px off top and bottom).');
  const img = page.getByTestId('result-image');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-image]')?.dataset.height === '1080');
  assert.equal(await img.getAttribute('data-width'), '1920');
  assert.match(await page.getByTestId('fit-note').innerText(), /1920x1088.*1920x1080/);
  const [req] = await ctx.backend.requests();
  assert.equal(req.json.size, '1920x1088');
  assert.equal(req.steady.status, 200);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const png = await readFile(await download.path());
  assert.equal(png.readUInt32BE(16), 1920, 'IHDR width');
  assert.equal(png.readUInt32BE(20), 1080, 'IHDR height');
  assert.deepEqual(problems, []);
});

test('fit jobs that fail answer with an error, and the worker runs the next one', async () => {
  const { page } = ctx.app;
  // The wire format of `studio_core::prep::protocol`, posted to the real worker by hand.
  const answers = await page.evaluate(async () => {
    const worker = new Worker('./prep_worker_loader.js');
    const next = () => new Promise((resolve) => {
      worker.onmessage = (e) => resolve({ ...JSON.parse(e.data.json), buffers: e.data.buffers.map((b) => [...b.subarray(0, 24)]) });
    });
    const fit = (id, bytes, width, height) => {
      const answer = next();
      const kind = { FitExact: { source_mime: 'image/png', width, height, mime: 'image/png' } };
      const settings = { max_edge: 2048, budget_bytes: 1500000, text_mode: false };
      worker.postMessage({ json: JSON.stringify({ id, kind, settings }), buffers: [bytes] }, [bytes.buffer]);
      return answer;
    };
    const ready = await next();
    const broken = await fit(1, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 64, 32);
    const unreadableAnswer = next();
    worker.postMessage({ json: '{"id":', buffers: [] });
    const unreadable = await unreadableAnswer;
    const canvas = new OffscreenCanvas(64, 40);
    canvas.getContext('2d').fillRect(0, 0, 64, 40);
    const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    const fitted = await fit(2, png, 64, 32);
    worker.terminate();
    return { ready, broken, unreadable, fitted };
  });
  assert.ok('Ready' in answers.ready, JSON.stringify(answers.ready));
  assert.deepEqual(answers.broken, { Failed: { id: 1, message: 'the image could not be decoded' }, buffers: [] });
  assert.deepEqual(answers.unreadable, { Failed: { id: 0, message: 'The page sent the prep worker an unreadable job.' }, buffers: [] });
  const { Fitted: fitted, buffers: [head] } = answers.fitted;
  assert.deepEqual(fitted, {
    id: 2, mime: 'image/png', width: 64, height: 32, unchanged: false,
    note: 'Cropped 64x40 to 64x32 (4 px off top and bottom).',
  });
  const ihdr = Buffer.from(head);
  assert.deepEqual([ihdr.readUInt32BE(16), ihdr.readUInt32BE(20)], [64, 32], 'PNG IHDR size');
});

test('the page\'s own wasm carries no resizer: exact-size fitting is the worker\'s', async () => {
  const dist = new URL('../../dist/', import.meta.url);
  const wasm = (await readdir(dist)).filter((f) => f.endsWith('_bg.wasm'));
  const page = wasm.find((f) => f.startsWith('gpt-image-studio-'));
  const worker = wasm.find((f) => f.startsWith('prep_worker'));
  assert.ok(page && worker, wasm.join(', '));
  // Panic locations name the crate's source files even in a stripped release build.
  const names = async (file) => (await readFile(new URL(file, dist))).toString('latin1');
  assert.ok((await names(worker)).includes('fast_image_resize'), 'the check can see the resizer');
  assert.ok(!(await names(page)).includes('fast_image_resize'), `${page} links fast_image_resize`);
});
