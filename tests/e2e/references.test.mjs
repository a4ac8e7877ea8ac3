// Reference-image prep end to end: files of every kind (made here or in the page, plus one
// committed CMYK JPEG) through the `reference-*` and `mask-*` hooks; prepared in the worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { png, bmp } from './files.mjs';
import { useApp } from './harness.mjs';
import { zipEntries } from './zip.mjs';

const ctx = useApp();

// ---- file makers (node side) ----

/** Inserts an EXIF APP1 segment with the given orientation right after a JPEG's SOI. */
function withOrientation(jpeg, orientation) {
  const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const seg = Buffer.alloc(4);
  seg[0] = 0xff; seg[1] = 0xe1; seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, body, jpeg.subarray(2)]);
}

const GIF_1x1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A noisy photo-like canvas image encoded by the page itself. */
async function canvasImage(page, width, height, type, quality = 0.92) {
  const b64 = await page.evaluate(async ({ width, height, type, quality }) => {
    const c = new OffscreenCanvas(width, height);
    const g = c.getContext('2d');
    const grad = g.createLinearGradient(0, 0, width, height);
    grad.addColorStop(0, '#c33'); grad.addColorStop(0.5, '#3c6'); grad.addColorStop(1, '#36c');
    g.fillStyle = grad; g.fillRect(0, 0, width, height);
    const img = g.getImageData(0, 0, width, height);
    let s = 7;
    for (let i = 0; i < img.data.length; i += 4) { s = (s * 1103515245 + 12345) >>> 0; const n = (s >>> 24) % 24; img.data[i] += n; img.data[i + 1] += n; }
    g.putImageData(img, 0, 0);
    const blob = await c.convertToBlob({ type, quality });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }, { width, height, type, quality });
  return Buffer.from(b64, 'base64');
}

async function addFiles(page, files) {
  await page.getByTestId('reference-input').setInputFiles(files.map(([name, buffer, mimeType = 'application/octet-stream']) => ({ name, mimeType, buffer })));
}

/** Waits until no item is working; returns each item's attributes and error text. */
async function settled(page, count) {
  await page.waitForFunction((n) => {
    const items = [...document.querySelectorAll('[data-testid=reference-item]')];
    return items.length === n && items.every((i) => i.dataset.state !== 'working');
  }, count, { timeout: 60_000 });
  return page.$$eval('[data-testid=reference-item]', (items) => items.map((i) => ({
    state: i.dataset.state,
    bytes: Number(i.dataset.bytes ?? 0),
    width: Number(i.dataset.width ?? 0),
    height: Number(i.dataset.height ?? 0),
    mime: i.dataset.mime ?? null,
    error: i.querySelector('[data-testid=reference-error]')?.textContent ?? null,
    name: i.querySelector('.reference-name')?.textContent,
  })));
}

test('photos are oriented, resized and encoded to the budget; small uploadable files pass through', async () => {
  const { page, problems } = ctx.app;
  const photo = withOrientation(await canvasImage(page, 3000, 2000, 'image/jpeg'), 6);
  const small = png(300, 200, { pixel: (x, y) => [x % 256, y % 256, 90] });
  await addFiles(page, [['photo.jpg', photo, 'image/jpeg'], ['small.png', small, 'image/png']]);
  const [p, s] = await settled(page, 2);
  assert.deepEqual([p.state, p.width, p.height, p.mime], ['ready', 1365, 2048, 'image/webp'], JSON.stringify(p));
  assert.ok(p.bytes > 10_000 && p.bytes <= 1_500_000, `${p.bytes} bytes`);
  assert.deepEqual([s.state, s.width, s.height, s.mime, s.bytes], ['ready', 300, 200, 'image/png', small.length]);
  assert.deepEqual(problems, []);
});

test('16-bit, grayscale, palette PNG, CMYK JPEG, GIF and BMP are all read', async () => {
  const { page, problems } = ctx.app;
  const cmyk = await readFile(new URL('./fixtures/cmyk.jpg', import.meta.url));
  await addFiles(page, [
    ['deep.png', png(2500, 60, { depth: 16, pixel: (x, y) => [x * 20, y * 900, 30000] })],
    ['gray.png', png(2500, 60, { colorType: 0, pixel: (x) => [x % 256] })],
    ['palette.png', png(2500, 60, { colorType: 3, palette: [255, 0, 0, 0, 255, 0, 0, 0, 255], pixel: (x) => [x % 3] })],
    ['cmyk.jpg', cmyk],
    ['one.gif', GIF_1x1],
    ['plain.bmp', bmp(120, 80)],
  ]);
  const items = await settled(page, 6);
  for (const i of items) assert.equal(i.state, 'ready', `${i.name}: ${i.error}`);
  assert.deepEqual(items.slice(0, 4).map((i) => i.width), [2048, 2048, 2048, 2048]);
  assert.deepEqual(items.slice(0, 3).map((i) => i.height), [49, 49, 49]);
  assert.deepEqual([items[4].width, items[4].height], [1, 1]);
  assert.deepEqual([items[5].width, items[5].height, items[5].mime], [120, 80, 'image/webp']);
  assert.deepEqual(problems, []);
});

test('bad files each get their own message and leave the others alone', async () => {
  const { page, problems } = ctx.app;
  const good = png(64, 64, { pixel: () => [1, 2, 3] });
  const bomb = png(2, 2, { pixel: () => [0, 0, 0] });
  bomb.writeUInt32BE(20000, 16); bomb.writeUInt32BE(20000, 20);
  bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)) >>> 0, 29);
  const truncated = png(400, 300, { pixel: (x, y) => [x % 256, y % 256, (x * y) % 256] });
  await addFiles(page, [
    ['empty.jpg', Buffer.alloc(0)],
    ['cut.png', truncated.subarray(0, truncated.length >> 1)],
    ['photo.heic', Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1')],
    ['logo.svg', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['doc.pdf', Buffer.from('%PDF-1.7\n%...')],
    ['scan.tif', Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0])],
    ['bomb.png', bomb],
    ['good.png', good],
  ]);
  const items = await settled(page, 8);
  const errors = items.map((i) => [i.state, i.error]);
  const expect = [/empty \(0 bytes\)/, /truncated or corrupt/, /^HEIC: export as JPEG first/, /^SVG/, /^PDF/, /^TIFF/, /400 megapixels.*100 MP/];
  expect.forEach((re, n) => {
    assert.equal(errors[n][0], 'error', items[n].name);
    assert.match(errors[n][1], re, items[n].name);
  });
  assert.equal(items[7].state, 'ready');
  assert.deepEqual(problems, []);
});

test('the byte budget and long edge are settings; items can be reordered, removed and downloaded', async () => {
  const { page, problems } = ctx.app;
  await page.getByText(/^Prep: long edge/).click();
  await page.getByTestId('prep-budget').fill('0.2');
  await page.getByTestId('prep-max-edge').fill('1024');
  const photo = await canvasImage(page, 2400, 1600, 'image/png');
  await addFiles(page, [['a.png', photo, 'image/png'], ['b.bmp', bmp(50, 40)]]);
  let [a, b] = await settled(page, 2);
  assert.deepEqual([a.state, a.width, a.height], ['ready', 1024, 683]);
  assert.ok(a.bytes <= 200_000, `${a.bytes} bytes`);
  assert.equal(await page.evaluate(() => localStorage.getItem('gis.prep.budget_mb')), '0.2');

  await page.getByRole('button', { name: 'Move b.bmp up' }).click();
  [b, a] = await settled(page, 2);
  assert.equal(b.name, 'b.bmp');

  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('prep-download').click()]);
  assert.equal(zip.suggestedFilename(), 'references.zip');
  const bytes = await readFile(await zip.path());
  assert.deepEqual(zipEntries(bytes).map((e) => [e.name, e.magic]), [['01-b.webp', 'webp'], ['02-a.webp', 'webp']]);

  await page.getByTestId('reference-remove').first().click();
  const left = await settled(page, 1);
  assert.equal(left[0].name, 'a.png');
  assert.deepEqual(problems, []);
});

test('a mask must match image 1 and is turned and sized like it', async () => {
  const { page, problems } = ctx.app;
  const photo = withOrientation(await canvasImage(page, 3000, 2000, 'image/jpeg'), 6);
  await addFiles(page, [['photo.jpg', photo, 'image/jpeg']]);
  await settled(page, 1);

  const wrong = png(100, 100, { colorType: 6, pixel: () => [0, 0, 0, 0] });
  await page.getByTestId('mask-input').setInputFiles({ name: 'wrong.png', mimeType: 'image/png', buffer: wrong });
  await assert.doesNotReject(page.getByTestId('mask-error').waitFor());
  assert.match(await page.getByTestId('mask-error').textContent(), /100x100 but image 1 is 2000x3000/);

  // As displayed (after EXIF rotation): 2000x3000.
  const mask = png(2000, 3000, { colorType: 6, pixel: (x) => [0, 0, 0, x < 1000 ? 0 : 255] });
  await page.getByTestId('mask-input').setInputFiles({ name: 'mask.png', mimeType: 'image/png', buffer: mask });
  const status = page.locator('[data-testid=mask-status][data-width]');
  await status.waitFor({ timeout: 60_000 });
  assert.deepEqual([await status.getAttribute('data-width'), await status.getAttribute('data-height')], ['1365', '2048']);
  assert.equal(await page.getByTestId('mask-error').count(), 0);
  assert.deepEqual(problems, []);
});

/** A mask PNG made in the page: opaque black, transparent (to redraw) in the top right third. */
async function pageMask(page, width, height) {
  const b64 = await page.evaluate(async ({ width, height }) => {
    const c = new OffscreenCanvas(width, height);
    const g = c.getContext('2d');
    g.fillStyle = '#000';
    g.fillRect(0, 0, width, height);
    g.clearRect(width / 2, 0, width / 2, height / 3);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }, { width, height });
  return Buffer.from(b64, 'base64');
}

/** The mask's status line once it is ready: its dims, bytes and type as data-attributes. */
async function maskReady(page) {
  const status = page.locator('[data-testid=mask-status][data-width]');
  await status.waitFor({ timeout: 60_000 });
  return status.evaluate((s) => ({
    width: Number(s.dataset.width), height: Number(s.dataset.height),
    bytes: Number(s.dataset.bytes), mime: s.dataset.mime, text: s.textContent,
  }));
}

/** Sends an edit and returns its image[] and mask parts as the local backend received them. */
async function sendEdit(page, prompt) {
  await ctx.backend.clearRequests();
  const before = await page.locator('[data-testid=result-image][data-width]').count();
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('generate').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result-image][data-width]').length > n, before, { timeout: 60_000 });
  const [req] = await ctx.backend.requests();
  assert.match(req.path, /\/images\/edits$/);
  assert.equal(req.steady?.status, 200, 'Steady (OpenAI\'s spec) accepts the edit');
  return { images: req.parts.filter((p) => p.name === 'image[]'), mask: req.parts.find((p) => p.name === 'mask') };
}

test('a 6000x4000 JPEG with a same-size mask goes exactly as its card says; the mask at its size, under 4 MB', async () => {
  const { page, problems } = ctx.app;
  const photo = await canvasImage(page, 6000, 4000, 'image/jpeg', 0.9);
  await addFiles(page, [['big.jpg', photo, 'image/jpeg']]);
  const [card] = await settled(page, 1);
  // As without a mask: the long edge, the usual format, the byte budget.
  assert.deepEqual([card.state, card.width, card.height, card.mime], ['ready', 2048, 1365, 'image/webp'], JSON.stringify(card));
  assert.ok(card.bytes <= 1_500_000, `${card.bytes} bytes`);

  await page.getByTestId('mask-input').setInputFiles({ name: 'mask.png', mimeType: 'image/png', buffer: await pageMask(page, 6000, 4000) });
  const mask = await maskReady(page);
  const [again] = await settled(page, 1);
  assert.deepEqual(again, card, 'the mask leaves image 1\'s card as it was');

  let sent = await sendEdit(page, 'masked big photo');
  assert.equal(sent.images.length, 1);
  const [image1] = sent.images;
  assert.deepEqual(
    [image1.width, image1.height, image1.content_type, image1.bytes, image1.format],
    [card.width, card.height, card.mime, card.bytes, 'webp'],
    'image 1 is sent exactly as its card says',
  );
  assert.deepEqual([mask.width, mask.height, mask.mime], [2048, 1365, 'image/png'], mask.text);
  assert.ok(mask.bytes > 0 && mask.bytes < 4_000_000, `${mask.bytes} bytes`);
  assert.match(mask.text, /2048x1365 PNG/);
  assert.deepEqual([sent.mask.width, sent.mask.height, sent.mask.format, sent.mask.has_alpha], [2048, 1365, 'png', true]);
  assert.equal(sent.mask.bytes, mask.bytes, 'the mask is sent as its status says');
  console.log(`6000x4000 JPEG (${photo.length} bytes) + mask: image 1 sent as ${image1.width}x${image1.height} ${image1.content_type} ${image1.bytes} bytes, mask ${sent.mask.width}x${sent.mask.height} ${sent.mask.bytes} bytes`);

  // The profile option for gateways that want image 1 in the mask's format: PNG at the same
  // long edge, over the 1.5 MB budget (the spec allows 50 MB), and the card says so.
  await page.locator('details.endpoint-options summary').click();
  await page.getByTestId('mask-png-option').check();
  await page.waitForFunction(() => document.querySelector('[data-testid=reference-item][data-state=ready][data-mime="image/png"]'), null, { timeout: 60_000 });
  const [png] = await settled(page, 1);
  assert.deepEqual([png.width, png.height, png.mime], [2048, 1365, 'image/png']);
  assert.ok(png.bytes > 1_500_000 && png.bytes < 50_000_000, `${png.bytes} bytes`);
  assert.match(await page.getByTestId('reference-facts').textContent(), /2048x1365 · image\/png · .* · as PNG for the mask/);
  const pngMask = await maskReady(page);
  assert.deepEqual([pngMask.width, pngMask.height], [2048, 1365]);
  assert.match(pngMask.text, /image 1 goes as PNG too/);

  sent = await sendEdit(page, 'masked big photo as png');
  const [pngImage1] = sent.images;
  assert.deepEqual(
    [pngImage1.width, pngImage1.height, pngImage1.content_type, pngImage1.bytes, pngImage1.format],
    [png.width, png.height, png.mime, png.bytes, 'png'],
    'image 1 as PNG is sent exactly as its card says',
  );
  assert.deepEqual([sent.mask.width, sent.mask.height, sent.mask.format], [2048, 1365, 'png']);
  console.log(`with "image 1 as PNG": image 1 sent as ${pngImage1.width}x${pngImage1.height} ${pngImage1.content_type} ${pngImage1.bytes} bytes, mask ${sent.mask.bytes} bytes`);

  // Off again: back to the card's own WebP.
  await page.getByTestId('mask-png-option').uncheck();
  await page.waitForFunction(() => document.querySelector('[data-testid=reference-item][data-state=ready][data-mime="image/webp"]'));
  assert.deepEqual(await settled(page, 1), [card]);
  assert.deepEqual(problems, []);
});

test('files can be dropped anywhere on the page (with an overlay while dragging) and pasted', async () => {
  const { page, problems } = ctx.app;
  const b64 = png(40, 30, { pixel: () => [9, 9, 9] }).toString('base64');
  // Dragged over the header, far from the reference tray: the overlay says where they go.
  await page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    window.makeTransfer = (name) => { const dt = new DataTransfer(); dt.items.add(new File([bytes], name, { type: 'image/png' })); return dt; };
    document.querySelector('header h1').dispatchEvent(new DragEvent('dragenter', { dataTransfer: window.makeTransfer('dropped.png'), bubbles: true, cancelable: true }));
  }, b64);
  await page.getByTestId('drop-overlay').waitFor();
  assert.match(await page.getByTestId('drop-overlay').innerText(), /Drop images anywhere/);
  const opened = await page.evaluate(() => {
    const drop = new DragEvent('drop', { dataTransfer: window.makeTransfer('dropped.png'), bubbles: true, cancelable: true });
    document.querySelector('header h1').dispatchEvent(drop);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: window.makeTransfer('pasted.png'), bubbles: true, cancelable: true }));
    // Not cancelled, the browser would have opened the file in the tab.
    return !drop.defaultPrevented;
  });
  assert.equal(opened, false);
  const items = await settled(page, 2);
  assert.deepEqual(items.map((i) => [i.name, i.state, i.width]), [['dropped.png', 'ready', 40], ['pasted.png', 'ready', 40]]);
  assert.equal(await page.getByTestId('drop-overlay').count(), 0, 'the overlay goes with the drop');
  assert.deepEqual(problems, []);
});
