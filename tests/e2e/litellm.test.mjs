// Through a real gateway: LiteLLM's proxy (PyPI, pinned in tests/gateways) in front of the
// local backend, whose every request is still validated by Steady. The app talks to LiteLLM
// only; the backend's log shows what reached "upstream" (each of those may be billed).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, startLitellm, showParams } from './harness.mjs';

const ctx = useApp({ timingScale: 0.01 });
let litellm;
after(async () => { await litellm?.stop(); });

/** The POSTs the page sent LiteLLM in this test (their bodies). */
let sent;

/** Points this test's page at LiteLLM (started once, in front of this file's backend). */
async function viaLitellm() {
  litellm ??= await startLitellm(ctx.backend.apiUrl);
  const { page, context } = ctx.app;
  ctx.app.allowOrigin(new URL(litellm.url).origin);
  sent = [];
  context.on('request', (r) => {
    if (r.method() === 'POST' && r.url().startsWith(litellm.url)) sent.push(r.postData() ?? '');
  });
  await page.getByTestId('base-url').fill(litellm.url);
  await page.getByTestId('api-key').fill(litellm.key);
  return page;
}

async function send(page, prompt) {
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('generate').click();
}

async function waitForImages(page, count) {
  await page.waitForFunction((n) =>
    [...document.querySelectorAll('[data-testid=result-image]')].filter((i) => i.dataset.width).length >= n, count, { timeout: 60_000 });
}

const upstream = async () => (await ctx.backend.requests()).filter((r) => r.method === 'POST');

test('a generation through LiteLLM: one request, an image, Steady accepts what reached upstream', async () => {
  const page = await viaLitellm();
  await page.getByTestId('quality').selectOption('low');
  await send(page, 'a lighthouse through litellm');
  await waitForImages(page, 1);
  assert.equal(sent.length, 1);
  const log = await upstream();
  assert.equal(log.length, 1);
  assert.equal(log[0].steady?.status, 200, 'Steady accepted the request LiteLLM forwarded');
  assert.equal(log[0].json.prompt, 'a lighthouse through litellm');
  // LiteLLM answers without `url` and may echo the size asked for: the size shown is the
  // decoded one.
  const img = page.getByTestId('result-image').first();
  assert.deepEqual([await img.getAttribute('data-width'), await img.getAttribute('data-height')], ['1024', '1024']);
  assert.deepEqual(ctx.app.problems, []);
});

test('n=2 through LiteLLM gives two images', async () => {
  const page = await viaLitellm();
  await page.getByTestId('n').fill('2');
  await page.getByTestId('n').press('Tab');
  await send(page, 'two foxes through litellm');
  await waitForImages(page, 2);
  assert.equal(sent.length, 1);
  const [req] = await upstream();
  assert.equal(req.json.n, 2);
});

test('a 2-reference edit with a mask goes through LiteLLM as multipart', async () => {
  const page = await viaLitellm();
  const files = await page.evaluate(async () => Promise.all([[20, false], [200, false], [0, true]].map(async ([hue, hole]) => {
    const c = new OffscreenCanvas(96, 64);
    const g = c.getContext('2d');
    g.fillStyle = `hsl(${hue} 70% 50%)`;
    g.fillRect(0, 0, 96, 64);
    if (hole) g.clearRect(24, 16, 48, 32);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    return btoa(String.fromCharCode(...bytes));
  })));
  const [a, b, mask] = files.map((b64, i) => ({ name: `ref-${i + 1}.png`, mimeType: 'image/png', buffer: Buffer.from(b64, 'base64') }));
  await page.getByTestId('reference-input').setInputFiles([a, b]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=reference-item][data-state=ready]').length === 2);
  await page.getByTestId('mask-input').setInputFiles({ ...mask, name: 'mask.png' });
  await send(page, 'edit two references through litellm');
  await waitForImages(page, 1);
  assert.equal(sent.length, 1);
  const [req] = await upstream();
  assert.match(req.path, /\/images\/edits$/);
  const names = req.parts.map((p) => p.name);
  assert.equal(names.filter((n) => n.startsWith('image')).length, 2, `parts upstream: ${names}`);
  assert.ok(names.includes('mask'), `parts upstream: ${names}`);
  assert.equal(req.steady?.status, 200, `Steady on what LiteLLM forwarded: ${names}`);
});

test('streaming through LiteLLM ends in an image with at most two requests from the app', async () => {
  const page = await viaLitellm();
  await showParams(page);
  await page.getByTestId('stream').check();
  await send(page, 'a streamed lighthouse through litellm');
  await waitForImages(page, 1);
  const streamed = sent.map((body) => JSON.parse(body).stream === true);
  assert.ok(sent.length <= 2, `requests from the app: ${sent.length}`);
  assert.equal(streamed[0], true, 'the first request streams');
  const up = await upstream();
  console.log(`measured: streaming through LiteLLM ${sent.length} request(s) from the app (streamed: ${streamed.join(', ')}), ${up.length} upstream (LiteLLM's own retries included)`);
  if (sent.length === 2) {
    assert.equal(streamed[1], false, 'the second goes without streaming');
    assert.match(await page.getByTestId('stream-fallback-note').innerText(), /That worked/);
    // The profile remembers: the next click is one plain request.
    sent.length = 0;
    await send(page, 'another streamed lighthouse through litellm');
    await waitForImages(page, 2);
    assert.deepEqual(sent.map((body) => JSON.parse(body).stream === true), [false]);
  }
});

test('an upstream refusal through LiteLLM reads as one sentence, raw text behind Details, not sent again', async () => {
  const page = await viaLitellm();
  await ctx.backend.fault({
    match: 'refuse via litellm', status: 400, times: 0,
    body: JSON.stringify({ error: { message: 'Your request was rejected as a result of our safety system.', type: 'invalid_request_error', param: null, code: 'moderation_blocked' } }),
  });
  await send(page, 'refuse via litellm');
  const error = page.locator('.run [data-testid=error-message]').first();
  await error.waitFor({ timeout: 60_000 });
  const text = await error.innerText();
  assert.match(text, /Your request was rejected as a result of our safety system/);
  assert.ok(!/litellm\.\w+Error/.test(text), `one sentence, no exception chain: ${text}`);
  assert.ok(!text.includes('\n'), text);
  assert.equal(sent.length, 1, 'a 400 is not sent again');
  const details = page.locator('.run').first().getByTestId('error-details');
  if (await details.count()) {
    await details.locator('summary').click();
    assert.match(await details.innerText(), /litellm\./);
  }
  console.log(`measured: a 400 through LiteLLM: ${sent.length} request from the app, ${(await upstream()).length} upstream; shown: ${text}`);
});
