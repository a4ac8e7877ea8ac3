// The mask painter end to end: a stroke painted with the mouse over image 1 becomes the
// `mask` part of the edit (a PNG with alpha at image 1's size, alpha 0 exactly under the
// stroke); the tools (rectangle, eraser, invert, clear, undo/redo) change what is sent; and
// "keep outside the mask" pastes image 1 back onto the result and stores it beside the raw one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './harness.mjs';

const ctx = useApp({ viewport: { width: 1280, height: 1600 } });

/** A flat-colour PNG of w x h made in the page. */
async function flatPng(page, w, h, rgb) {
  const b64 = await page.evaluate(async ({ w, h, rgb }) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    g.fillStyle = `rgb(${rgb.join(',')})`;
    g.fillRect(0, 0, w, h);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, { w, h, rgb });
  return { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(b64, 'base64') };
}

/** RGBA of an image (data URL or base64 PNG) at the given points, read in the page. */
async function pixels(page, src, points) {
  return page.evaluate(async ({ src, points }) => {
    // From the data: URL's bytes (the page's CSP allows no fetch of data: URLs).
    const [head, b64] = src.split(',');
    const raw = atob(b64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    const blob = new Blob([bytes], { type: head.slice(5).split(';')[0] });
    const bitmap = await createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = c.getContext('2d', { willReadFrequently: true });
    g.drawImage(bitmap, 0, 0);
    const data = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const at = ([x, y]) => { const i = (y * bitmap.width + x) * 4; return [data[i], data[i + 1], data[i + 2], data[i + 3]]; };
    let zero = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] === 0) zero++;
    return { width: bitmap.width, height: bitmap.height, values: points.map(at), zero };
  }, { src, points });
}

async function addImage1(page, w, h, rgb = [20, 180, 60]) {
  await page.getByTestId('reference-input').setInputFiles(await flatPng(page, w, h, rgb));
  await page.waitForFunction(() => document.querySelector('[data-testid=reference-item][data-state=ready]'));
  await page.getByTestId('mask-paint-open').click();
  await page.getByTestId('mask-canvas').waitFor();
}

/** Sets a range input (Playwright cannot fill one). */
async function setRange(page, id, value) {
  await page.getByTestId(id).evaluate((input, v) => {
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Drags the mouse across the canvas between two points given as fractions of its size. */
async function drag(page, from, to, steps = 12) {
  await page.getByTestId('mask-canvas').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('mask-canvas').boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at(to), { steps });
  await page.mouse.up();
  return box;
}

/** Sends the edit once the painted mask is ready (Generate refuses while it is prepared). */
async function sendEdit(page, prompt) {
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('quality').selectOption('low');
  // The newest mask may still be on its way (encoded, then prepared with image 1): the one
  // press sends as soon as it is ready.
  await page.getByTestId('generate').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=result-image]')].some((i) => i.dataset.width));
  const [req] = await ctx.backend.requests();
  return req;
}

const maskOf = (req) => {
  const part = req.parts.find((p) => p.name === 'mask');
  assert.ok(part, 'a mask part was sent');
  return { part, src: `data:image/png;base64,${part.data_base64}` };
};

test('a painted stroke is sent as the mask: PNG with alpha, image 1\'s size, alpha 0 exactly under the stroke', async () => {
  const { page, problems } = ctx.app;
  await addImage1(page, 640, 480);
  await setRange(page, 'mask-brush-size', 40);
  // Painting before anything is painted sends no mask: the status says so.
  assert.match(await page.getByTestId('mask-paint-status').innerText(), /nothing painted/);
  await drag(page, [0.2, 0.5], [0.8, 0.5]);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=mask-paint-status]').dataset.painted) > 0);
  const req = await sendEdit(page, 'paint a stroke');
  assert.equal(req.steady?.status, 200, 'Steady accepts the edit with the painted mask');
  const image1 = req.parts.find((p) => p.name === 'image[]');
  const { part, src } = maskOf(req);
  assert.equal(part.format, 'png');
  assert.equal(part.has_alpha, true);
  assert.deepEqual([part.width, part.height], [image1.width, image1.height]);
  assert.deepEqual([part.width, part.height], [640, 480]);
  // Under the stroke (y = 240, x from 128 to 512, radius 20 px): alpha 0. Away from it: 255.
  const under = [[128, 240], [200, 240], [320, 240], [511, 240], [320, 225], [320, 255], [115, 240]];
  const away = [[320, 200], [320, 280], [60, 240], [600, 240], [10, 10], [630, 470]];
  const read = await pixels(page, src, [...under, ...away]);
  assert.deepEqual(read.values.slice(0, under.length).map((v) => v[3]), under.map(() => 0), 'alpha 0 under the stroke');
  assert.deepEqual(read.values.slice(under.length).map((v) => v[3]), away.map(() => 255), 'opaque elsewhere');
  // The transparent area is the stroke's capsule: 384 x 40 plus a disc of radius 20.
  const capsule = 384 * 40 + Math.PI * 400;
  assert.ok(Math.abs(read.zero - capsule) / capsule < 0.06, `${read.zero} transparent pixels vs ~${capsule.toFixed(0)}`);
  assert.deepEqual(problems, []);
});

test('rectangle, eraser, invert, undo and redo change the mask that is sent; clear sends none', async () => {
  const { page, problems } = ctx.app;
  await addImage1(page, 400, 400);
  await page.getByTestId('mask-tool-rect').click();
  await drag(page, [0.25, 0.25], [0.75, 0.75]);
  await page.getByTestId('mask-tool-eraser').click();
  await setRange(page, 'mask-brush-size', 20);
  await drag(page, [0.5, 0.3], [0.5, 0.7]);
  const share = async () => Number(await page.getByTestId('mask-paint-status').getAttribute('data-painted'));
  const withHole = await share();
  assert.ok(withHole > 0.2 && withHole < 0.25, `rectangle minus an erased line: ${withHole}`);
  await page.getByTestId('mask-undo').click();
  assert.ok(Math.abs((await share()) - 0.25) < 0.01, 'undo brings the erased line back');
  await page.getByTestId('mask-redo').click();
  assert.equal(await share(), withHole, 'redo erases it again');
  await page.getByTestId('mask-invert').click();
  assert.ok(Math.abs((await share()) - (1 - withHole)) < 1e-3, 'invert');
  let req = await sendEdit(page, 'inverted rectangle');
  let { src } = maskOf(req);
  const read = await pixels(page, src, [[200, 200], [200, 150], [20, 20], [120, 120], [380, 380]]);
  // Inverted: the rectangle (100..300) is kept except the erased line (x 190..210), the frame is redrawn.
  assert.deepEqual(read.values.map((v) => v[3]), [0, 0, 0, 255, 0]);
  // Clear: nothing painted, so the next edit has no mask at all.
  await page.getByTestId('mask-clear').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=mask-status]'));
  await ctx.backend.clearRequests();
  await page.getByTestId('generate').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result-image][data-width]').length >= 2);
  [req] = await ctx.backend.requests();
  assert.equal(req.parts.find((p) => p.name === 'mask'), undefined, 'no mask after clear');
  assert.deepEqual(problems, []);
});

test('keep outside the mask: image 1 is pasted back outside the stroke and stored beside the raw result', async () => {
  const { page, problems } = ctx.app;
  const colour = [20, 180, 60];
  await addImage1(page, 512, 512, colour);
  await page.getByTestId('keep-outside-mask').check();
  await page.getByTestId('mask-feather').fill('6');
  await page.getByTestId('mask-feather').press('Tab');
  await setRange(page, 'mask-brush-size', 64);
  await drag(page, [0.1, 0.5], [0.9, 0.5]);
  await sendEdit(page, 'keep the rest');
  const composite = page.getByTestId('composite-image');
  await composite.waitFor({ timeout: 30_000 });
  const raw = await page.getByTestId('result-image').first().getAttribute('src');
  const kept = await composite.getAttribute('src');
  assert.deepEqual([await composite.getAttribute('data-width'), await composite.getAttribute('data-height')], ['1024', '1024']);
  console.log(`composite of a 1024x1024 PNG result in the worker: ${await composite.getAttribute('data-ms')} ms`);
  // The result is 1024x1024 (size auto): image 1 (512) is scaled 2x. Stroke: y 512 +- 64.
  const outside = [[100, 100], [900, 150], [512, 900], [30, 1000]];
  const inside = [[300, 512], [512, 480], [700, 540]];
  const r = await pixels(page, raw, [...outside, ...inside]);
  const k = await pixels(page, kept, [...outside, ...inside]);
  const diff = (a, b) => Math.max(...a.slice(0, 3).map((v, i) => Math.abs(v - b[i])));
  let rawDistance = 0;
  for (let i = 0; i < outside.length; i++) {
    assert.ok(diff(k.values[i], colour) <= 2, `outside ${outside[i]}: image 1's colour, got ${k.values[i]}`);
    rawDistance += diff(r.values[i], colour);
  }
  assert.ok(rawDistance > 40, `the raw result differs from image 1 outside the mask (so the check can fail): ${rawDistance}`);
  for (let i = outside.length; i < outside.length + inside.length; i++) {
    assert.deepEqual(k.values[i], r.values[i], `inside ${inside[i - outside.length]}: the model's pixel`);
  }
  // Both are in the history, and survive a reload.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-item]').length === 2);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-item]').length === 2);
  assert.match(await page.locator('[data-testid=history-item]').first().innerText(), /kept outside the mask/);
  assert.deepEqual(problems, []);
});

test('a result whose aspect differs from image 1 says why image 1 cannot be kept outside the mask', async () => {
  const { page, problems } = ctx.app;
  await addImage1(page, 512, 512);
  await page.getByTestId('keep-outside-mask').check();
  await drag(page, [0.3, 0.3], [0.6, 0.6]);
  await page.getByTestId('size-input').fill('1536x1024');
  await page.getByTestId('size-input').press('Tab');
  await sendEdit(page, 'wide result');
  const note = page.getByTestId('composite-note');
  await note.waitFor({ timeout: 30_000 });
  assert.match(await note.innerText(), /1536x1024 \(3:2\) and image 1 is 1024x1024 \(1:1\)|1536x1024 \(3:2\) and image 1 is 512x512 \(1:1\)/);
  assert.equal(await page.getByTestId('composite-image').count(), 0);
  assert.deepEqual(problems, []);
});

test('touch and pen paint too (pointer events)', async () => {
  const { page, problems } = ctx.app;
  await addImage1(page, 320, 320);
  await setRange(page, 'mask-brush-size', 30);
  await page.getByTestId('mask-canvas').scrollIntoViewIfNeeded();
  // Synthetic pointer events of type pen and touch, as a tablet sends them.
  for (const [pointerType, y] of [['pen', 0.3], ['touch', 0.7]]) {
    await page.getByTestId('mask-canvas').evaluate((canvas, { pointerType, y }) => {
      // Measured now: the mask's status line above may have moved the canvas.
      const box = canvas.getBoundingClientRect();
      const fire = (type, fx) => canvas.dispatchEvent(new PointerEvent(type, {
        pointerId: pointerType === 'pen' ? 7 : 8, pointerType, bubbles: true, button: 0, buttons: 1, isPrimary: true,
        clientX: box.x + fx * box.width, clientY: box.y + y * box.height, pressure: 0.5,
      }));
      fire('pointerdown', 0.2);
      for (let fx = 0.25; fx <= 0.8; fx += 0.05) fire('pointermove', fx);
      fire('pointerup', 0.8);
    }, { pointerType, y });
  }
  const req = await sendEdit(page, 'pen and touch');
  const { src } = maskOf(req);
  const read = await pixels(page, src, [[160, 96], [160, 224], [160, 160]]);
  assert.deepEqual(read.values.map((v) => v[3]), [0, 0, 255]);
  assert.deepEqual(problems, []);
});

test('strokes survive a new long-edge setting: the same mask is re-rasterised at the new size', async () => {
  const { page, problems } = ctx.app;
  await addImage1(page, 800, 800);
  await setRange(page, 'mask-brush-size', 80);
  await drag(page, [0.5, 0.2], [0.5, 0.8]);
  await page.waitForFunction(() => document.querySelector('[data-testid=mask-status][data-width="800"]'));
  await page.getByText(/^Prep: long edge/).click();
  await page.getByTestId('prep-max-edge').fill('400');
  await page.getByTestId('prep-max-edge').press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid=mask-status][data-width="400"]'));
  assert.ok(Number(await page.getByTestId('mask-paint-status').getAttribute('data-painted')) > 0.05, 'the strokes are still there');
  const req = await sendEdit(page, 'smaller edge');
  const image1 = req.parts.find((p) => p.name === 'image[]');
  const { part, src } = maskOf(req);
  assert.deepEqual([part.width, part.height, image1.width, image1.height], [400, 400, 400, 400]);
  // The stroke (x = 200, y 80..320, radius 20 at the new size) is still where it was painted.
  const read = await pixels(page, src, [[200, 100], [200, 300], [190, 200], [100, 200], [300, 200]]);
  assert.deepEqual(read.values.map((v) => v[3]), [0, 0, 0, 255, 255]);
  assert.deepEqual(problems, []);
});
