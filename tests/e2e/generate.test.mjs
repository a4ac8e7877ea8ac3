// Text to image end to end: the built dist/, the local backend, every request validated
// against OpenAI's spec by Steady.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, showMore } from './harness.mjs';

const ctx = useApp();

/** Every request the app made was accepted by Steady (OpenAI's spec). */
async function assertAllSpecValid() {
  const log = await ctx.backend.requests();
  assert.ok(log.length > 0, 'the backend saw requests');
  for (const r of log) assert.equal(r.steady?.status, 200, `Steady rejected ${JSON.stringify(r.json)}`);
  return log;
}

test('a prompt becomes an image that downloads as a real PNG', async () => {
  const { page, problems } = ctx.app;
  await page.getByTestId('prompt').fill('A lighthouse at dusk, e2e');
  await page.getByTestId('generate').click();
  const img = page.getByTestId('result-image');
  await img.waitFor();
  await assert.doesNotReject(page.waitForFunction(() => document.querySelector('[data-testid=result-image]')?.dataset.width));
  assert.equal(await img.getAttribute('data-width'), '1024');
  assert.equal(await img.getAttribute('data-height'), '1024');
  assert.equal(await img.getAttribute('data-mime'), 'image/png');
  assert.match(await img.getAttribute('src'), /^data:image\/png;base64,iVBOR/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  assert.match(download.suggestedFilename(), /^gpt-image-2_a-lighthouse-at-dusk-e2e_\d{8}-\d{6}_1\.png$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

  const [req] = await assertAllSpecValid();
  assert.deepEqual(req.json, { model: 'gpt-image-2', prompt: 'A lighthouse at dusk, e2e' });
  assert.equal(req.headers.authorization, undefined, 'no key entered, no Authorization header');
  assert.deepEqual(problems, []);
});

test('Ctrl+Enter sends exactly the chosen parameters, with the key, and shows every image', async () => {
  const { page, problems } = ctx.app;
  await page.getByTestId('api-key').fill('sk-e2e-123');
  await page.getByTestId('size-preset').selectOption('1536x1024');
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('output-format').selectOption('jpeg');
  await showMore(page);
  await page.getByTestId('output-compression').fill('80');
  await page.getByTestId('output-compression').press('Tab');
  await page.getByTestId('background').selectOption('opaque');
  await page.getByTestId('moderation').selectOption('low');
  await page.getByTestId('n').fill('2');
  await page.getByTestId('n').press('Tab');
  await page.getByTestId('prompt').fill('Two foxes, e2e');
  await page.getByTestId('prompt').press('Control+Enter');

  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=result-image]')].filter((i) => i.dataset.width).length === 2);
  for (const img of await page.getByTestId('result-image').all()) {
    assert.equal(await img.getAttribute('data-width'), '1536');
    assert.equal(await img.getAttribute('data-height'), '1024');
    assert.equal(await img.getAttribute('data-mime'), 'image/jpeg');
  }
  const [req] = await assertAllSpecValid();
  assert.deepEqual(req.json, {
    model: 'gpt-image-2', prompt: 'Two foxes, e2e', n: 2, size: '1536x1024', quality: 'low',
    output_format: 'jpeg', output_compression: 80, background: 'opaque', moderation: 'low',
  });
  assert.equal(req.headers.authorization, 'Bearer sk-e2e-123');
  const custom = Object.keys(req.headers).filter((h) => h.startsWith('x-'));
  assert.deepEqual(custom, [], 'no custom headers reach the endpoint');
  assert.deepEqual(problems, []);
});

test('while waiting, elapsed time shows beside the expected range', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'slow e2e', delay_ms: 2500 });
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('prompt').fill('slow e2e');
  await page.getByTestId('generate').click();
  const waiting = page.getByTestId('waiting');
  await waiting.waitFor();
  assert.match(await waiting.innerText(), /elapsed · usually 3-12 s for low quality at auto/);
  await page.getByTestId('cancel').waitFor();
  await page.getByTestId('result-image').waitFor();
  assert.equal(await waiting.count(), 0);
});

test('an injected 400 shows the message and the parameter', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({
    match: 'bad size e2e', status: 400,
    body: JSON.stringify({ error: { message: "Invalid size '1000x1000'. Both edges must be multiples of 16.", type: 'invalid_request_error', param: 'size', code: 'invalid_value' } }),
  });
  await page.getByTestId('prompt').fill('bad size e2e');
  await page.getByTestId('generate').click();
  const error = page.getByTestId('error-message');
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /400, parameter "size"/);
  assert.match(text, /Both edges must be multiples of 16/);
  assert.equal(await page.getByTestId('result-image').count(), 0);
});

test('an injected 500 that persists shows the server error', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'boom e2e', status: 500, times: 0, body: JSON.stringify({ error: { message: 'The server had an error while processing your request.', type: 'server_error' } }) });
  await page.getByTestId('prompt').fill('boom e2e');
  await page.getByTestId('generate').click();
  const error = page.getByTestId('error-message');
  await error.waitFor();
  assert.match(await error.innerText(), /failed \(500\): The server had an error/);
});

test('a proxy HTML error page is summarised, never dumped', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'proxy e2e', variant: 'html_502', times: 0 });
  await page.getByTestId('prompt').fill('proxy e2e');
  await page.getByTestId('generate').click();
  const text = await page.getByTestId('error-message').innerText();
  assert.match(text, /502 with a web page \("502 Bad Gateway"\)/);
  assert.ok(!text.includes('<'), text);
  // One click, at most two attempts: the first and the profile's one automatic 5xx retry.
  assert.equal((await ctx.backend.requests()).length, 2);
});

test('an unreachable endpoint is explained in words', async () => {
  const { page } = ctx.app;
  ctx.app.allowOrigin('http://127.0.0.1:9');
  await page.getByTestId('base-url').fill('http://127.0.0.1:9/v1');
  await page.getByTestId('prompt').fill('nowhere e2e');
  await page.getByTestId('generate').click();
  const text = await page.getByTestId('error-message').innerText();
  assert.match(text, /Could not reach http:\/\/127\.0\.0\.1:9\/v1/);
  assert.match(text, /no connection was made, so nothing was sent or billed/);
});

test('bad input is refused before sending, with a clear message, and nothing is lost', async () => {
  const { page } = ctx.app;
  await page.getByTestId('generate').click();
  assert.match(await page.getByTestId('error-message').innerText(), /Write a prompt first/);
  await page.getByTestId('base-url').fill('api.example.com/v1');
  await page.getByTestId('prompt').fill('kept prompt');
  await page.getByTestId('generate').click();
  assert.match(await page.getByTestId('error-message').innerText(), /must start with https:\/\//);
  // The field to fix is unfolded and focused.
  await page.waitForFunction(() => document.activeElement?.id === 'base-url');
  assert.equal(await page.getByTestId('prompt').inputValue(), 'kept prompt');
  assert.deepEqual(await ctx.backend.requests(), []);
});

test('every control is labelled', async () => {
  const { page } = ctx.app;
  await page.getByTestId('output-format').selectOption('webp');
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label'))
      .map((el) => el.outerHTML));
  assert.deepEqual(unlabelled, []);
});
