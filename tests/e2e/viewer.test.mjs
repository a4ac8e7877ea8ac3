// The full-screen viewer: opened from a result or a history item, stepped and closed by
// keyboard with focus given back, zoom, the before/after view of an edit, and its actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, showEndpoint } from './harness.mjs';

const ctx = useApp({ timingScale: 0.01 });

async function waitForImages(page, count) {
  await page.waitForFunction((n) =>
    [...document.querySelectorAll('[data-testid=result-image]')].filter((i) => i.dataset.width).length >= n, count);
}

const position = (page) => page.locator('.viewer-position').innerText();

test('a result opens full screen; arrows step, Esc closes and focus goes back', async () => {
  const { page, problems } = ctx.app;
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('size-preset').selectOption('1536x1024');
  await page.getByTestId('n').fill('2');
  await page.getByTestId('prompt').fill('two lighthouses, viewer');
  await page.getByTestId('generate').click();
  await waitForImages(page, 2);

  const viewer = page.getByTestId('viewer');
  assert.equal(await viewer.isVisible(), false, 'closed until asked');
  await page.getByTestId('result-image').first().click();
  await viewer.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=viewer-image]')?.dataset.width);
  assert.equal(await page.getByTestId('viewer-image').getAttribute('data-width'), '1536');
  assert.equal(await position(page), '1 of 2');
  // Fit: the whole image inside the stage, touching it on one axis.
  const box = await page.getByTestId('viewer-image').boundingBox();
  const stage = await page.locator('.viewer-stage').boundingBox();
  assert.ok(box.width <= stage.width + 1 && box.height <= stage.height + 1, `inside: ${JSON.stringify({ box, stage })}`);
  assert.ok(stage.width - box.width < 2 || stage.height - box.height < 2, `fills one axis: ${JSON.stringify({ box, stage })}`);
  assert.ok(stage.width >= 0.95 * page.viewportSize().width, 'the stage spans the screen');
  assert.match(await viewer.innerText(), /Asked: gpt-image-2 · 1536x1024 · low quality · png/);

  await page.keyboard.press('ArrowRight');
  assert.equal(await position(page), '2 of 2');
  await page.keyboard.press('ArrowRight');
  assert.equal(await position(page), '1 of 2', 'wraps around');
  await page.getByTestId('viewer-prev').click();
  assert.equal(await position(page), '2 of 2');

  // 100% shows the image at its own pixels.
  await viewer.getByRole('button', { name: '100%' }).click();
  const full = await page.getByTestId('viewer-image').boundingBox();
  assert.ok(Math.abs(full.width - 1536) < 2, `100% is 1536 px: ${full.width}`);

  await page.keyboard.press('Escape');
  await viewer.waitFor({ state: 'hidden' });
  const focused = await page.evaluate(() => document.activeElement?.className);
  assert.equal(focused, 'image-button', 'focus is back on the image that opened the viewer');
  assert.deepEqual(problems, []);
});

test('a history item opens its stored image; the close button closes', async () => {
  const { page } = ctx.app;
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('prompt').fill('stored, viewer');
  await page.getByTestId('generate').click();
  await page.getByTestId('history-thumb').waitFor();
  await page.reload();
  await page.getByTestId('history-thumb').waitFor();
  await page.getByTestId('history-thumb').click();
  await page.getByTestId('viewer').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=viewer-image]')?.dataset.width === '1024');
  assert.match(await page.getByTestId('viewer').innerText(), /stored, viewer/);
  await page.getByTestId('viewer-close').click();
  await page.getByTestId('viewer').waitFor({ state: 'hidden' });
});

test('an edit compares against image 1, and "Use these settings" fills the form', async () => {
  const { page } = ctx.app;
  const png = await page.evaluate(async () => {
    const c = new OffscreenCanvas(640, 640);
    const g = c.getContext('2d');
    g.fillStyle = '#2a7'; g.fillRect(0, 0, 640, 640);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    return btoa(String.fromCharCode(...bytes));
  });
  await page.getByTestId('reference-input').setInputFiles({ name: 'green.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  await page.locator('[data-testid=reference-item][data-state=ready]').waitFor();
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('prompt').fill('make it blue, viewer');
  await page.getByTestId('generate').click();
  await waitForImages(page, 1);
  await page.getByTestId('result-image').click();
  const compare = page.getByTestId('compare');
  await compare.waitFor();
  assert.equal(await page.locator('.viewer-before').count(), 1, 'image 1 is under the result');
  await compare.fill('80');
  const clip = await page.getByTestId('viewer-image').evaluate((img) => img.style.clipPath);
  assert.equal(clip, 'inset(0px 0px 0px 80%)');

  await page.getByTestId('prompt').fill('something else');
  await page.getByTestId('viewer').getByRole('button', { name: 'Use these settings' }).click();
  await page.getByTestId('viewer').waitFor({ state: 'hidden' });
  assert.equal(await page.getByTestId('prompt').inputValue(), 'make it blue, viewer');
});

for (const [name, viewport] of [['1440x900', { width: 1440, height: 900 }], ['390x844', { width: 390, height: 844 }]]) {
  test(`studio layout at ${name}: prompt on the first screen, the result large and in view, a refusal readable`, async () => {
    const { openApp, showParams, hideParams } = await import('./harness.mjs');
    const app = await openApp(ctx.browser, ctx.backend, { viewport, timingScale: 0.01 });
    try {
      const { page } = app;
      const prompt = await page.getByTestId('prompt').boundingBox();
      assert.ok(prompt.y >= 0 && prompt.y + 40 < viewport.height, `the prompt is on the first screen: ${JSON.stringify(prompt)}`);
      const generate = await page.getByTestId('generate').boundingBox();
      assert.ok(generate.y + generate.height <= viewport.height, 'Generate too');

      await showParams(page);
      await page.getByTestId('quality').selectOption('low');
      await hideParams(page);
      await page.getByTestId('prompt').fill(`layout at ${name}`);
      await page.getByTestId('generate').click();
      await waitForImages(page, 1);
      const box = await page.getByTestId('result-image').boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= viewport.height + 1, `the result is in view: ${JSON.stringify(box)}`);
      if (viewport.width > 600) assert.ok(box.width >= 600, `at least 600 px wide: ${box.width}`);
      else assert.ok(box.width >= 0.9 * viewport.width, `at least 90% of the width: ${box.width}`);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(scroll <= 0, `no horizontal scroll (${scroll} px)`);

      // A refused file's message gets room to be read.
      await page.getByTestId('reference-input').setInputFiles({ name: 'photo.heic', mimeType: 'image/heic', buffer: Buffer.from('not really an image') });
      const error = page.getByTestId('reference-error');
      await error.waitFor();
      const errorBox = await error.boundingBox();
      assert.ok(errorBox.width >= 200, `the refusal is ${errorBox.width} px wide`);
    } finally {
      await app.context.close();
    }
  });
}

test('the header shows the endpoint: set it up first, then how it answered last; a click leads to its settings', async () => {
  const { page, problems } = ctx.app;
  const chip = page.getByTestId('endpoint-chip');
  const host = new URL(ctx.backend.apiUrl).host;
  assert.equal(await chip.locator('.chip-label').innerText(), `Set up an endpoint · ${host}`);
  assert.equal(await chip.getAttribute('data-status'), 'idle');
  const box = await chip.boundingBox();
  assert.ok(box.y < 120, 'in the header');

  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('prompt').fill('chip e2e');
  await page.getByTestId('generate').click();
  await page.getByTestId('result-image').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=endpoint-chip]').dataset.status === 'ok');
  assert.equal(await chip.locator('.chip-label').innerText(), host);
  assert.match(await chip.getAttribute('title'), /^Last request: answered in [\d.]+ s$/);

  await ctx.backend.fault({ match: 'chip refused e2e', status: 401, body: JSON.stringify({ error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } }) });
  await page.getByTestId('prompt').fill('chip refused e2e');
  await page.getByTestId('generate').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=endpoint-chip]').dataset.status === 'bad');
  assert.match(await chip.getAttribute('title'), /Last request failed: .*401/);

  await chip.click();
  await page.waitForFunction(() => document.activeElement?.id === 'base-url');
  // After a reload it is known to have answered: no "Set up" any more, and its settings are
  // folded to one line until asked for.
  await page.reload();
  await chip.waitFor();
  assert.equal(await chip.locator('.chip-label').innerText(), host);
  const summary = page.getByTestId('endpoint-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), new RegExp(`${host.replace('.', '\\.')} · no key$`));
  assert.equal(await page.getByTestId('base-url').isVisible(), false, 'folded');
  assert.equal(await chip.getAttribute('aria-expanded'), 'false');
  await chip.click();
  await page.waitForFunction(() => document.activeElement?.id === 'base-url');
  assert.equal(await chip.getAttribute('aria-expanded'), 'true');
  assert.equal(await summary.count(), 0);
  const toggle = page.getByTestId('endpoint-toggle');
  assert.equal(await toggle.innerText(), 'Done');
  await toggle.click();
  assert.equal(await page.getByTestId('base-url').isVisible(), false, 'folded again');
  assert.equal(await toggle.innerText(), 'Change');
  await showEndpoint(page);
  assert.equal(await page.getByTestId('base-url').inputValue(), ctx.backend.apiUrl, 'folding keeps the values');
  assert.deepEqual(problems, []);
});

test('on a phone the parameters are a bottom sheet: a bar names them, opens them, Esc folds them back', async () => {
  const { openApp } = await import('./harness.mjs');
  const app = await openApp(ctx.browser, ctx.backend, { viewport: { width: 390, height: 844 }, timingScale: 0.01 });
  try {
    const { page, problems } = app;
    const bar = page.getByTestId('param-sheet-toggle');
    const quality = page.getByTestId('quality');
    assert.equal(await quality.isVisible(), false, 'folded at first: the prompt keeps the screen');
    const barBox = await bar.boundingBox();
    assert.ok(Math.abs(barBox.y + barBox.height - 844) <= 1 && barBox.height >= 44, `a bar at the bottom: ${JSON.stringify(barBox)}`);
    assert.match(await bar.innerText(), /Parameters[\s\S]*gpt-image-2 · .+ · auto · png · n=1/);
    await bar.click();
    await quality.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.activeElement?.id === 'model');
    // Once it has slid up (a 0.2 s transition).
    await page.waitForFunction(() => getComputedStyle(document.getElementById('param-sheet')).transform === 'none');
    const sheet = await page.locator('#param-sheet').boundingBox();
    assert.ok(sheet.y + sheet.height <= 845 && sheet.height <= 0.8 * 844 + 1, `the sheet rises from the bottom: ${JSON.stringify(sheet)}`);
    await quality.selectOption('low');
    await page.keyboard.press('Escape');
    await quality.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'param-sheet-toggle', 'focus back on the bar');
    assert.match(await bar.innerText(), / · low · png · n=1/, 'the bar names the new choice');
    // Generate is uncovered again and sends what the sheet chose.
    await page.getByTestId('prompt').fill('sheet e2e');
    await page.getByTestId('generate').click();
    await page.getByTestId('result-image').waitFor();
    const sent = (await ctx.backend.requests()).find((r) => r.json?.prompt === 'sheet e2e');
    assert.equal(sent?.json?.quality, 'low');
    assert.deepEqual(problems, []);
  } finally {
    await app.context.close();
  }
});

test('on a wide screen the parameters sit beside the prompt, with no sheet bar', async () => {
  const { page } = ctx.app;
  assert.equal(await page.getByTestId('param-sheet-toggle').isVisible(), false);
  assert.ok(await page.getByTestId('quality').isVisible());
  assert.ok(await page.getByTestId('model').isVisible());
});
