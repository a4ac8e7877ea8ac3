// The truth about a result is in its pixels: a downgrade is named from the decoded size even
// when the answer echoes the size asked for (as LiteLLM does); a transparent background asked
// for and an opaque image delivered (an alpha channel, every pixel opaque) is warned about; and
// a masked edit whose inside changed no more than its outside says the gateway may have
// ignored the mask, with its change map, while an edit that kept to its mask says nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './harness.mjs';
import { png } from './files.mjs';

const ctx = useApp({ timingScale: 0.01 });

async function waitForImages(page, count) {
  await page.waitForFunction((n) =>
    [...document.querySelectorAll('[data-testid=result-image]')].filter((i) => i.dataset.width).length >= n, count);
}

async function chooseModel(page, name) {
  const field = page.getByTestId('model');
  await field.fill(name);
  await field.blur();
  await page.waitForFunction((n) => document.querySelector('[data-testid=model]').dataset.settled === n, name);
}

async function send(page, prompt) {
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('generate').click();
}

/** Waits until the worker has read the newest result's pixels. */
async function pixelsChecked(page) {
  const checks = page.locator('.run').first().locator('[data-testid=pixel-checks]');
  await page.waitForFunction(() => {
    const el = document.querySelector('.run [data-testid=pixel-checks]');
    return el && (el.dataset.state === 'done' || el.dataset.state === 'failed');
  }, null, { timeout: 60_000 });
  assert.equal(await checks.getAttribute('data-state'), 'done');
  return checks;
}

const warnings = (page) => page.locator('.run').first().getByTestId('delivery-warning').allInnerTexts();

test('a downgrade is named from the pixels even when the answer echoes the size asked for', async () => {
  const { page, problems } = ctx.app;
  await ctx.backend.fault({ match: 'echoed', variant: 'downgrade_echo_size' });
  await page.getByTestId('size-input').fill('3840x2160');
  await page.getByTestId('size-input').press('Tab');
  await send(page, 'an echoed size');
  await waitForImages(page, 1);
  const img = page.getByTestId('result-image').first();
  assert.deepEqual([await img.getAttribute('data-width'), await img.getAttribute('data-height')], ['1672', '941']);
  let said = await warnings(page);
  assert.ok(said.includes('Asked 3840x2160, got 1672x941: the gateway downgraded it (its answer still says 3840x2160).'), said.join('\n'));
  assert.ok(!said.some((w) => /says it made/.test(w)), 'the answer claimed the size asked for');
  const [req] = await ctx.backend.requests();
  assert.equal(req.json.size, '3840x2160');
  // In Chinese too.
  await page.getByTestId('language').selectOption('zh-CN');
  said = await warnings(page);
  assert.ok(said.some((w) => w.startsWith('要求 3840x2160，实际得到 1672x941：网关降低了尺寸')), said.join('\n'));
  assert.deepEqual(problems, []);
});

test('a transparent background asked for and an opaque image delivered is warned about; real alpha is not', async () => {
  const { page, problems } = ctx.app;
  await chooseModel(page, 'gpt-image-2.5-flare');
  await page.getByTestId('background').selectOption('transparent');
  await page.getByTestId('output-format').selectOption('png');
  await ctx.backend.fault({ match: 'flattened', variant: 'opaque_background' });
  await send(page, 'a flattened glass bottle');
  await waitForImages(page, 1);
  await pixelsChecked(page);
  let said = await warnings(page);
  assert.deepEqual(said, ['A transparent background was asked for, but no pixel is transparent: the gateway delivered an opaque image.']);
  // The file itself declares alpha: the check reads the pixels, not the header.
  const colorType = await page.getByTestId('result-image').first().evaluate((img) => {
    const raw = atob(img.src.split(',')[1].slice(0, 64));
    return raw.charCodeAt(25);
  });
  assert.equal(colorType, 6, 'an RGBA PNG');

  // The same request answered with real transparency: no warning.
  await send(page, 'a real glass bottle');
  await page.waitForFunction(() => document.querySelectorAll('.run').length >= 2);
  await waitForImages(page, 2);
  await pixelsChecked(page);
  said = await warnings(page);
  assert.deepEqual(said, []);
  assert.deepEqual(problems, []);
});

/** Image 1: a busy 512x512 picture; the mask paints (alpha 0) a rectangle in the middle. */
async function addMaskedImage1(page) {
  const image1 = png(512, 512, { pixel: (x, y) => { const v = ((x * 7) ^ (y * 5)) & 255; return [v, 255 - v, ((x + y) * 2) & 255]; } });
  const mask = png(512, 512, { colorType: 6, pixel: (x, y) => [0, 0, 0, x >= 170 && x < 340 && y >= 128 && y < 384 ? 0 : 255] });
  await page.getByTestId('reference-input').setInputFiles({ name: 'busy.png', mimeType: 'image/png', buffer: image1 });
  await page.waitForFunction(() => document.querySelector('[data-testid=reference-item][data-state=ready]'));
  await page.getByTestId('mask-input').setInputFiles({ name: 'mask.png', mimeType: 'image/png', buffer: mask });
  await page.locator('[data-testid=mask-status][data-width]').waitFor({ timeout: 60_000 });
  await page.getByTestId('size-input').fill('1024x1024');
  await page.getByTestId('size-input').press('Tab');
}

async function figures(checks) {
  const f = checks.getByTestId('drift-figures');
  const read = async (name) => Number(await f.getAttribute(`data-${name}`));
  return {
    verdict: await f.getAttribute('data-verdict'),
    insideMean: await read('inside-mean'),
    outsideMean: await read('outside-mean'),
    insideChanged: await read('inside-changed'),
    outsideChanged: await read('outside-changed'),
  };
}

test('a masked edit answered by a gateway that ignores the mask says so and shows where it changed', async () => {
  const { page, problems } = ctx.app;
  await addMaskedImage1(page);
  await ctx.backend.fault({ match: 'ignored', variant: 'ignore_mask' });
  await send(page, 'a lantern, mask ignored');
  await waitForImages(page, 1);
  const checks = await pixelsChecked(page);
  const [req] = await ctx.backend.requests();
  assert.ok(req.parts.some((p) => p.name === 'mask'), 'the mask was sent');
  const measured = await figures(checks);
  console.log(`mask ignored: ${JSON.stringify(measured)}`);
  assert.equal(measured.verdict, 'MayHaveIgnored');
  const said = await warnings(page);
  assert.equal(said.length, 1, said.join('\n'));
  assert.match(said[0], /^[<>]?\d+% of the pixels inside the mask changed and [<>]?\d+% outside it: the gateway may have ignored the mask\.$/);
  // The change map, on request.
  assert.equal(await page.getByTestId('drift-heatmap').count(), 0);
  await page.getByTestId('drift-heatmap-toggle').click();
  const map = page.getByTestId('drift-heatmap');
  await map.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=drift-heatmap]')?.naturalWidth > 0);
  assert.deepEqual(await map.evaluate((img) => [img.naturalWidth, img.naturalHeight]), [1024, 1024]);
  assert.equal(await page.getByTestId('drift-heatmap-toggle').innerText(), 'Hide the change map');
  await page.getByTestId('language').selectOption('zh-CN');
  assert.match((await warnings(page))[0], /网关可能忽略了蒙版/);
  assert.deepEqual(problems, []);
});

test('a masked edit that kept to its mask does not warn', async () => {
  const { page, problems } = ctx.app;
  await addMaskedImage1(page);
  await send(page, 'a lantern, mask kept');
  await waitForImages(page, 1);
  const checks = await pixelsChecked(page);
  const measured = await figures(checks);
  console.log(`mask followed: ${JSON.stringify(measured)}`);
  assert.equal(measured.verdict, 'Followed');
  assert.ok(measured.insideMean > 3 * measured.outsideMean, JSON.stringify(measured));
  assert.ok(measured.outsideMean > 0, 'the outside drifted a little (so the check can fail)');
  assert.deepEqual(await warnings(page), []);
  assert.equal(await page.getByTestId('drift-heatmap-toggle').count(), 0);
  assert.match(await checks.getByTestId('drift-figures').innerText(), /^Mask check: [<>]?\d+% of the pixels inside the mask changed/);
  assert.deepEqual(problems, []);
});
