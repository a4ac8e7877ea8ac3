// The request engine end to end: a matrix of request shapes all accepted by Steady (OpenAI's
// spec), streaming, n split into parallel requests, retries, and one test per failure case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, showMore, showEndpoint } from './harness.mjs';

// Backoffs at 1/100 of their length: retries are tested without waiting for them (a wait an
// endpoint asks for with Retry-After is still waited for in full).
const ctx = useApp({ timingScale: 0.01 });

const images = (page) => page.evaluate(() =>
  [...document.querySelectorAll('[data-testid=result-image]')].filter((i) => i.dataset.width).length);

async function waitForImages(page, count) {
  await page.waitForFunction((n) =>
    [...document.querySelectorAll('[data-testid=result-image]')].filter((i) => i.dataset.width).length >= n, count);
}

async function setNumber(page, id, value) {
  await page.getByTestId(id).fill(String(value));
  await page.getByTestId(id).press('Tab');
}

async function openLimits(page) {
  await showEndpoint(page);
  await page.locator('details.endpoint-options summary').click();
}

async function send(page, prompt) {
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('generate').click();
}

async function errorText(page) {
  const error = page.locator('.run [data-testid=error-message]').first();
  await error.waitFor({ timeout: 30_000 });
  return error.innerText();
}

/** Each row: how to set the form, and the exact body (or bodies) the endpoint must see. */
const MATRIX = [
  { name: 'quality low', set: { quality: 'low' }, body: { quality: 'low' } },
  { name: 'quality medium', set: { quality: 'medium' }, body: { quality: 'medium' } },
  { name: 'quality high', set: { quality: 'high' }, body: { quality: 'high' } },
  { name: 'quality auto', set: { quality: 'auto' }, body: {} },
  { name: 'jpeg 50', set: { 'output-format': 'jpeg', 'output-compression': 50 }, body: { output_format: 'jpeg', output_compression: 50 }, mime: 'image/jpeg' },
  { name: 'webp 90', set: { 'output-format': 'webp', 'output-compression': 90 }, body: { output_format: 'webp', output_compression: 90 }, mime: 'image/webp' },
  { name: 'png', set: { 'output-format': 'png' }, body: {} },
  { name: 'opaque', set: { background: 'opaque' }, body: { background: 'opaque' } },
  { name: 'transparent gpt-image-2.5-flare', model: 'gpt-image-2.5-flare', set: { background: 'transparent' }, body: { background: 'transparent' } },
  { name: 'transparent gpt-image-2.5-sunburst webp', model: 'gpt-image-2.5-sunburst', set: { 'output-format': 'webp', background: 'transparent' }, body: { output_format: 'webp', background: 'transparent' } },
  { name: 'moderation low', set: { moderation: 'low' }, body: { moderation: 'low' } },
  { name: 'n=3 native', set: { n: 3 }, body: { n: 3 }, images: 3 },
  { name: 'n=3 split by 1', limit: 1, set: { n: 3 }, bodies: [{}, {}, {}], images: 3 },
  { name: 'n=5 split by 2', limit: 2, set: { n: 5 }, bodies: [{ n: 2 }, { n: 2 }, {}], images: 5 },
  { name: 'stream, no partials', set: { stream: true }, body: { stream: true } },
  { name: 'stream, 1 partial', set: { stream: true, 'partial-images': '1' }, body: { stream: true, partial_images: 1 } },
  { name: 'stream, 2 partials', set: { stream: true, 'partial-images': '2' }, body: { stream: true, partial_images: 2 } },
  { name: 'stream, 3 partials', set: { stream: true, 'partial-images': '3' }, body: { stream: true, partial_images: 3 } },
  { name: 'stream n=2', set: { stream: true, n: 2 }, body: { stream: true, n: 2 }, images: 2 },
  { name: '2048x1152', set: { 'size-input': '2048x1152' }, body: { size: '2048x1152' }, dims: [2048, 1152] },
  { name: 'gpt-image-2.5-flare portrait', model: 'gpt-image-2.5-flare', set: { 'size-input': '1024x1536', quality: 'low' }, body: { size: '1024x1536', quality: 'low' }, dims: [1024, 1536] },
  { name: 'everything at once', set: { quality: 'low', 'output-format': 'jpeg', 'output-compression': 70, background: 'opaque', moderation: 'low', n: 2, 'size-input': '1536x1024' }, body: { quality: 'low', output_format: 'jpeg', output_compression: 70, background: 'opaque', moderation: 'low', n: 2, size: '1536x1024' }, images: 2, mime: 'image/jpeg', dims: [1536, 1024] },
];

async function applyRow(page, row) {
  const model = row.model ?? 'gpt-image-2';
  await page.getByTestId('model').fill(model);
  // Leaving the field settles the model: the controls follow it.
  await page.getByTestId('model').blur();
  await page.waitForFunction((m) => document.querySelector('[data-testid=model]').dataset.settled === m, model);
  if ('output-compression' in row.set || 'moderation' in row.set) await showMore(page);
  for (const [id, value] of Object.entries(row.set)) {
    const el = page.getByTestId(id);
    if (id === 'stream') await el.setChecked(value);
    else if (['output-compression', 'n'].includes(id)) await setNumber(page, id, value);
    else if (id === 'size-input') { await el.fill(value); await el.press('Tab'); }
    else await el.selectOption(value);
  }
}

test(`a matrix of ${MATRIX.length} request shapes: every body exact and accepted by Steady`, async () => {
  assert.ok(MATRIX.length >= 20);
  const { page, problems } = ctx.app;
  await openLimits(page);
  let shown = 0;
  for (const row of MATRIX) {
    // Each row starts from the defaults: the draft a reload keeps is dropped first.
    await page.evaluate(() => localStorage.removeItem('gis.draft'));
    await page.reload();
    await page.getByTestId('generate').waitFor();
    await openLimits(page);
    await setNumber(page, 'max-per-request', row.limit ?? 10);
    await ctx.backend.clearRequests();
    await applyRow(page, row);
    const prompt = `matrix ${row.name}`;
    await send(page, prompt);
    const expected = row.images ?? 1;
    await waitForImages(page, expected);
    shown = await images(page);
    assert.equal(shown, expected, row.name);
    const log = await ctx.backend.requests();
    const bodies = (row.bodies ?? [row.body]).map((b) => ({ model: row.model ?? 'gpt-image-2', prompt, ...b }));
    assert.equal(log.length, bodies.length, `${row.name}: ${log.length} requests`);
    for (const r of log) assert.equal(r.steady?.status, 200, `${row.name}: Steady rejected ${JSON.stringify(r.json)}`);
    const canonical = (b) => JSON.stringify(Object.fromEntries(Object.entries(b).sort(([a], [c]) => a.localeCompare(c))));
    const sort = (list) => list.map(canonical).sort();
    assert.deepEqual(sort(log.map((r) => r.json)), sort(bodies), row.name);
    for (const img of await page.getByTestId('result-image').all()) {
      if (row.mime) assert.equal(await img.getAttribute('data-mime'), row.mime, row.name);
      if (row.dims) assert.deepEqual([+await img.getAttribute('data-width'), +await img.getAttribute('data-height')], row.dims, row.name);
    }
  }
  assert.deepEqual(problems, []);
});

test('streaming shows partial previews, then the final image with its usage and cost', async () => {
  const { page } = ctx.app;
  await page.getByTestId('stream').check();
  await page.getByTestId('partial-images').selectOption('3');
  await send(page, 'streamed fox');
  const partial = page.getByTestId('partial-image');
  await partial.waitFor();
  assert.match(await partial.getAttribute('src'), /^data:image\/png;base64,/);
  await waitForImages(page, 1);
  assert.equal(await partial.count(), 0, 'the preview gives way to the final image');
  const meta = await page.getByTestId('result-meta').innerText();
  assert.match(meta, /\d+ tokens · ~\$0\.\d+ at list prices/);
  assert.match(meta, /request \S+/, 'x-request-id is readable');
});

test('a gateway that answers plain JSON to a stream request still delivers', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'ignores stream', variant: 'ignore_stream' });
  await page.getByTestId('stream').check();
  await send(page, 'ignores stream');
  await waitForImages(page, 1);
});

test('a stream cut after a partial says the server may still bill, and is not retried', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'cut stream', variant: 'drop_stream' });
  await page.getByTestId('stream').check();
  await page.getByTestId('partial-images').selectOption('2');
  await send(page, 'cut stream');
  assert.match(await errorText(page), /stream ended before the final image \(1 partial image arrived\)\. The server may still finish and bill it/);
  assert.equal((await ctx.backend.requests()).length, 1);
});

test('an error event in the stream is shown', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({
    match: 'stream error', status: 200, content_type: 'text/event-stream',
    body: ': hi\r\n\r\nevent: error\r\ndata: {"type":"error","error":{"message":"Your request was rejected by the safety system."}}\r\n\r\n',
  });
  await page.getByTestId('stream').check();
  await send(page, 'stream error');
  assert.match(await errorText(page), /error while streaming: Your request was rejected by the safety system/);
});

test('a 503 with Retry-After is retried and then succeeds; the wait and the attempts are shown', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'flaky', status: 503, times: 1, headers: { 'retry-after': '1' } });
  await send(page, 'flaky');
  const status = page.getByTestId('retry-status');
  await status.waitFor();
  assert.match(await status.innerText(), /busy \(503\).*Retrying automatically in \d+(\.\d)? s \(attempt 2 of 3\)/s);
  await waitForImages(page, 1);
  assert.equal((await ctx.backend.requests()).length, 2);
  assert.match(await page.getByTestId('attempts').innerText(), /2 attempts/);
  await page.getByTestId('attempts').locator(':scope > summary').click();
  const listed = await page.getByTestId('attempts').innerText();
  assert.match(listed, /Attempt 1 · not streamed · HTTP 503 · \d+\.\d s · not billed: The endpoint is busy \(503\).*Sent again after 1(\.\d)? s\./s);
  assert.match(listed, /Attempt 2 · not streamed · HTTP 200 · \d+\.\d s · billed: answered/);
});

test('5xx: retried as often as the profile says (once by default); the message says how many and how long', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'down', status: 500, times: 0 });
  await send(page, 'down');
  const text = await errorText(page);
  assert.match(text, /failed \(500\)/);
  assert.match(text, /Gave up after 1 automatic retry \(waited \d+(\.\d)? s between attempts\)/);
  assert.equal((await ctx.backend.requests()).length, 2);
  assert.match(await page.getByTestId('attempts').innerText(), /2 attempts/);
  assert.deepEqual(await page.getByTestId('attempt').evaluateAll((li) => li.map((l) => [l.dataset.status, l.dataset.mayHaveBilled])),
    [['500', 'true'], ['500', 'true']], 'a 5xx may have been billed');
  assert.equal(await page.getByTestId('retry').innerText(), 'Retry');
  await ctx.backend.clearFaults();
  await page.getByTestId('retry').click();
  await waitForImages(page, 1);
  assert.deepEqual(ctx.app.problems, []);
  // Set to three in the profile: four attempts in all.
  await ctx.backend.fault({ match: 'still down', status: 502, times: 0 });
  await ctx.backend.clearRequests();
  await openLimits(page);
  await setNumber(page, 'server-retries', 3);
  await send(page, 'still down');
  const latest = page.locator('.run').first().getByTestId('error-message');
  await latest.waitFor();
  assert.match(await latest.innerText(), /Gave up after 3 automatic retries/);
  assert.equal((await ctx.backend.requests()).length, 4);
});

test('429 honours Retry-After, then succeeds', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'busy', status: 429, times: 1, headers: { 'retry-after': '2' } });
  const started = Date.now();
  await send(page, 'busy');
  await waitForImages(page, 1);
  const log = await ctx.backend.requests();
  assert.equal(log.length, 2);
  assert.ok(Date.now() - started >= 2000, 'waited at least the 2 s asked for');
});

test('429 that persists: rate limit or balance, and how long it waited', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'no balance', status: 429, times: 0, headers: { 'retry-after': '1' } });
  await send(page, 'no balance');
  const text = await errorText(page);
  assert.match(text, /Rate limited or out of balance \(429\)/);
  assert.match(text, /Still limited after 2 retries \(waited [2-9](\.\d)? s in all\)/);
});

for (const [status, expected] of [
  [401, /key was refused \(401\).*Check the API key for this base URL/s],
  [403, /Blocked \(403\).*reword the prompt, or set moderation to low/s],
  [413, /too large \(413\).*Lower the upload budget.*1 MB/s],
]) {
  test(`${status} is explained and never retried automatically`, async () => {
    const { page } = ctx.app;
    await ctx.backend.fault({ match: `status ${status}`, status, times: 0 });
    await send(page, `status ${status}`);
    assert.match(await errorText(page), expected);
    assert.equal((await ctx.backend.requests()).length, 1);
  });
}

test('a timeout says what the timeout was, is not retried, and Retry warns about billing', async () => {
  const { page } = ctx.app;
  await openLimits(page);
  await setNumber(page, 'timeout', 5);
  await ctx.backend.fault({ match: 'too slow', delay_ms: 8000 });
  await send(page, 'too slow');
  assert.match(await errorText(page), /No answer within 5 s.*may still finish and bill/s);
  assert.equal((await ctx.backend.requests()).length, 1);
  assert.match(await page.getByTestId('retry').innerText(), /may still be billed/);
});

test('an endpoint without CORS is explained: a proxy is needed', async () => {
  const { page } = ctx.app;
  // Steady itself sends no CORS headers, like many gateways.
  ctx.app.allowOrigin(new URL(ctx.steadyUrl).origin);
  await page.getByTestId('base-url').fill(ctx.steadyUrl);
  await send(page, 'no cors');
  const text = await errorText(page);
  assert.match(text, /does not accept calls from a browser \(CORS\) and a proxy is needed: the browser stopped the request before it was sent, so nothing was billed/);
  // Nothing went out, so it was tried again by itself.
  assert.match(text, /Gave up after 2 automatic retries/);
  assert.equal(await page.getByTestId('retry').innerText(), 'Retry');
});

test('no connection at all: nothing was sent, so it is tried again by itself, and Retry does not warn', async () => {
  const { page } = ctx.app;
  // A port nothing listens on.
  const closed = `http://127.0.0.1:9/v1`;
  ctx.app.allowOrigin('http://127.0.0.1:9');
  await page.getByTestId('base-url').fill(closed);
  await send(page, 'nobody home');
  const text = await errorText(page);
  assert.match(text, /Could not reach http:\/\/127\.0\.0\.1:9\/v1 .*no connection was made, so nothing was sent or billed/s);
  assert.match(text, /Gave up after 2 automatic retries/);
  assert.equal(await page.getByTestId('retry').innerText(), 'Retry');
});

test('a connection that breaks after the request went out is not sent again by itself; Retry warns about billing', async () => {
  const { page } = ctx.app;
  // The endpoint is up (its probe answers) but this request's connection is reset: the
  // browser cannot say whether the body reached the model.
  let sent = 0;
  await page.route('**/v1/images/generations', (route) => { sent += 1; return route.abort('connectionreset'); });
  await send(page, 'cut off');
  const text = await errorText(page);
  assert.match(text, /connection to .* broke before an answer arrived.*may be billed, so it was not sent again by itself/s);
  assert.doesNotMatch(text, /automatic retr/);
  assert.equal(sent, 1, 'sent once');
  await page.unroute('**/v1/images/generations');
  assert.match(await page.getByTestId('retry').innerText(), /may still be billed/);
});

test('cancel says the server may still finish and bill', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'cancel me', delay_ms: 10_000 });
  await send(page, 'cancel me');
  await page.getByTestId('cancel').click();
  assert.match(await errorText(page), /Cancelled\. The server may still finish the image and bill it/);
});

test('url-only answers are fetched; a link the page may not read is shown as a link', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'linked', variant: 'url_only' });
  await send(page, 'linked');
  await waitForImages(page, 1);
  assert.match(await page.getByTestId('result-image').getAttribute('src'), /^data:image\/png;base64,/);

  await ctx.backend.fault({ match: 'no cors link', variant: 'url_only_no_cors' });
  await send(page, 'no cors link');
  const note = page.getByTestId('link-only');
  await note.waitFor();
  assert.match(await note.innerText(), /CORS/);
  assert.match(await note.locator('a').getAttribute('href'), /^http:\/\/127\.0\.0\.1:\d+\/v1\/__files\//);
});

test('empty data and garbage JSON each get a clear message', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'empty', variant: 'empty_data' });
  await send(page, 'empty');
  assert.match(await errorText(page), /answered with no images \(empty "data"\)/);
  await page.reload();
  await page.getByTestId('generate').waitFor();
  await ctx.backend.fault({ match: 'garbage', variant: 'garbage' });
  await send(page, 'garbage');
  assert.match(await errorText(page), /not with JSON/);
});

test('a silent size downgrade is named', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'downgraded', variant: 'downgrade_size' });
  await page.getByTestId('size-input').fill('2048x2048');
  await send(page, 'downgraded');
  await waitForImages(page, 1);
  const warnings = await page.getByTestId('delivery-warning').allInnerTexts();
  assert.ok(warnings.some((w) => /says it made 1024x1024, not the 2048x2048/.test(w)), warnings.join('\n'));
  assert.ok(warnings.some((w) => /Asked 2048x2048, got 1024x1024: the gateway downgraded it/.test(w)), warnings.join('\n'));
});

test('native transparent is not offered for gpt-image-2, with the reason (a cut-out is); the 2.5 models offer it', async () => {
  const { page } = ctx.app;
  const options = () => page.getByTestId('background').locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(await options(), ['auto', 'opaque', 'transparent-local']);
  assert.match(await page.getByTestId('background-note').innerText(), /gpt-image-2 has no native transparent background: choose transparent-local/);
  await page.getByTestId('model').fill('gpt-image-2.5-flare');
  await page.waitForFunction(() => document.querySelector('[data-testid=model]').dataset.settled === 'gpt-image-2.5-flare');
  assert.deepEqual(await options(), ['auto', 'opaque', 'transparent']);
  await page.getByTestId('output-format').selectOption('jpeg');
  assert.deepEqual(await options(), ['auto', 'opaque']);
  assert.match(await page.getByTestId('background-note').innerText(), /needs PNG or WebP/);
});

test('split requests show each image as it completes', async () => {
  const { page } = ctx.app;
  await openLimits(page);
  await setNumber(page, 'max-per-request', 1);
  // The first of the two requests is slow; the second one's image shows while it runs.
  await ctx.backend.fault({ match: 'one slow one fast', delay_ms: 4000, times: 1 });
  await setNumber(page, 'n', 2);
  await send(page, 'one slow one fast');
  await waitForImages(page, 1);
  assert.equal(await page.getByTestId('waiting').count(), 1, 'still waiting for the slow one');
  await waitForImages(page, 2);
  assert.equal(await page.getByTestId('waiting').count(), 0);
});

test('the parallel cap holds: one at a time sends the requests one after another', async () => {
  const { page } = ctx.app;
  await openLimits(page);
  await setNumber(page, 'max-per-request', 1);
  await setNumber(page, 'parallel-requests', 1);
  await ctx.backend.fault({ match: 'serial', delay_ms: 1500, times: 0 });
  await setNumber(page, 'n', 3);
  await send(page, 'serial');
  await page.getByText('Queued: waiting for a free place').first().waitFor();
  const inFlight = async () => (await ctx.backend.requests()).filter((r) => r.response_status === null).length;
  for (let i = 0; i < 3; i++) {
    assert.ok((await inFlight()) <= 1, 'never more than one request at once');
    await waitForImages(page, i + 1);
  }
  assert.equal((await ctx.backend.requests()).length, 3);
});

/** PNG files drawn in the page (so the browser itself encodes them); `hole` cuts alpha. */
async function pagePngs(page, specs) {
  const list = await page.evaluate(async (specs) => Promise.all(specs.map(async ({ w, h, hue, hole }) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    g.fillStyle = `hsl(${hue} 70% 50%)`;
    g.fillRect(0, 0, w, h);
    if (hole) g.clearRect(w / 4, h / 4, w / 2, h / 2);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    return btoa(String.fromCharCode(...bytes));
  })), specs);
  return list.map((b64, i) => ({ name: `ref-${i + 1}.png`, mimeType: 'image/png', buffer: Buffer.from(b64, 'base64') }));
}

for (const [count, mask] of [[1, false], [3, false], [16, false], [1, true], [3, true]]) {
  test(`an edit with ${count} reference${count > 1 ? 's' : ''}${mask ? ' and a mask' : ''} is valid multipart, accepted by Steady`, async () => {
    const { page, problems } = ctx.app;
    const files = await pagePngs(page, Array.from({ length: count }, (_, i) => ({ w: 96 + 16 * (i % 3), h: 64, hue: i * 20 })));
    await page.getByTestId('reference-input').setInputFiles(files);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=reference-item][data-state=ready]').length === n, count);
    if (mask) {
      const [maskFile] = await pagePngs(page, [{ w: 96, h: 64, hue: 0, hole: true }]);
      await page.getByTestId('mask-input').setInputFiles({ ...maskFile, name: 'mask.png' });
    }
    await showMore(page);
    assert.match(await page.getByTestId('moderation-note').innerText(), /Edits take no moderation/);
    await page.getByTestId('quality').selectOption('low');
    await page.getByTestId('moderation').selectOption('low');
    const prompt = `edit ${count}${mask ? ' masked' : ''}`;
    await page.getByTestId('prompt').fill(prompt);
    // A mask may still be in the worker: the one press sends as soon as it is ready.
    await page.getByTestId('generate').click();
    await waitForImages(page, 1);
    const [req] = await ctx.backend.requests();
    assert.match(req.path, /\/images\/edits$/);
    assert.equal(req.steady?.status, 200, `Steady: ${JSON.stringify(req.parts.map((p) => p.name))}`);
    const images = req.parts.filter((p) => p.name === 'image[]');
    assert.equal(images.length, count);
    for (const p of images) assert.match(p.filename, new RegExp(`\\.${p.content_type.split('/')[1].replace('jpeg', 'jpe?g')}$`));
    const text = Object.fromEntries(req.parts.filter((p) => p.text != null).map((p) => [p.name, p.text]));
    assert.deepEqual(text, { model: 'gpt-image-2', prompt, quality: 'low' }, 'scalars as text parts; no moderation for edits');
    const maskPart = req.parts.find((p) => p.name === 'mask');
    if (mask) {
      assert.equal(maskPart.format, 'png');
      assert.equal(maskPart.has_alpha, true);
      assert.deepEqual([maskPart.width, maskPart.height], [images[0].width, images[0].height]);
      const card = await page.locator('[data-testid=reference-item]').first().evaluate((i) => ({ ...i.dataset }));
      assert.deepEqual(
        [images[0].content_type, images[0].width, images[0].height, images[0].bytes],
        [card.mime, Number(card.width), Number(card.height), Number(card.bytes)],
        'with a mask, image 1 goes as its card says',
      );
    } else {
      assert.equal(maskPart, undefined);
    }
    assert.deepEqual(problems, []);
  });
}

test("Retry goes with the run's own profile and key, not the profile switched to since", async () => {
  const { page } = ctx.app;
  await page.getByTestId('api-key').fill('sk-home');
  await ctx.backend.fault({ match: 'retry at home', status: 401, times: 0 });
  await send(page, 'retry at home');
  await errorText(page);
  await ctx.backend.clearFaults();
  // Another profile, on another endpoint with another key, is active when Retry is pressed.
  await page.getByTestId('profile-new').click();
  await page.getByTestId('base-url').fill('http://127.0.0.1:9/v1');
  await page.getByTestId('api-key').fill('sk-elsewhere');
  await ctx.backend.clearRequests();
  await page.locator('.run [data-testid=retry]').first().click();
  await waitForImages(page, 1);
  const log = await ctx.backend.requests();
  assert.equal(log.length, 1, 'one request, to the run\'s endpoint');
  assert.equal(log[0].headers.authorization, 'Bearer sk-home');
  assert.equal(await page.getByTestId('base-url').inputValue(), ctx.backend.apiUrl);
  assert.match(await page.getByTestId('notice').innerText(), /Switched back to the profile .*where this request was sent/);
});
