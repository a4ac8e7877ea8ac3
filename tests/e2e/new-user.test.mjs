// Defects a new user ran into, each checked the way they met it: double presses that billed
// twice, Enter sending from the wrong field, stale n, lost drafts, missing images without a word,
// a Retry that could only resend a refused prompt, presets overwritten silently, and small texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, showParams, hideParams } from './harness.mjs';

const ctx = useApp({ timingScale: 0.01 });

async function waitForImages(page, count) {
  await page.waitForFunction((n) =>
    [...document.querySelectorAll('[data-testid=result-image]')].filter((i) => i.dataset.width).length >= n, count);
}

/** Lets every request the page started reach the backend and be answered. */
async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid=cancel]'));
}

test('a double click or Ctrl+Enter twice sends one request; a changed form sends again at once', async () => {
  const { page, problems } = ctx.app;
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('prompt').fill('double click');
  await page.getByTestId('generate').dblclick();
  await waitForImages(page, 1);
  await settle(page);
  assert.equal((await ctx.backend.requests()).length, 1, 'a double click is one request');

  await ctx.backend.clearRequests();
  await page.getByTestId('prompt').fill('twice by keyboard');
  await page.getByTestId('prompt').press('Control+Enter');
  await page.getByTestId('prompt').press('Control+Enter');
  await settle(page);
  assert.equal((await ctx.backend.requests()).length, 1, 'Ctrl+Enter twice is one request');

  // Parallel runs stay possible: a different form is a different request, however quick.
  await ctx.backend.clearRequests();
  await page.getByTestId('prompt').fill('first of two');
  await page.getByTestId('generate').click();
  await page.getByTestId('prompt').fill('second of two');
  await page.getByTestId('generate').click();
  await settle(page);
  const prompts = (await ctx.backend.requests()).map((r) => r.json.prompt).sort();
  assert.deepEqual(prompts, ['first of two', 'second of two']);
  assert.deepEqual(problems, []);
});

test('Enter in n, size or the preset name never sends; Enter in the preset name saves', async () => {
  const { page } = ctx.app;
  await page.getByTestId('prompt').fill('enter in fields');
  await page.getByTestId('n').fill('2');
  await page.getByTestId('n').press('Enter');
  await page.getByTestId('size-input').fill('1536x1024');
  await page.getByTestId('size-input').press('Enter');
  await page.getByTestId('preset-name').fill('From Enter');
  await page.getByTestId('preset-name').press('Enter');
  await page.getByTestId('preset-item').waitFor();
  assert.equal(await page.getByTestId('preset-item-name').inputValue(), 'From Enter');
  // Give a stray submit the time to reach the backend before saying none did.
  await page.waitForTimeout(300);
  assert.equal((await ctx.backend.requests()).length, 0, 'nothing was sent');
  assert.equal(await page.locator('.run').count(), 0);
});

test('an empty or invalid n is an error, never the last valid value: not sent, priced or shared', async () => {
  const { page } = ctx.app;
  await page.getByTestId('prompt').fill('stale n');
  await page.getByTestId('n').fill('4');
  assert.match(await page.getByTestId('expected-time').innerText(), /for 4 images/, 'the estimate follows as typed');
  for (const typed of ['', '1e1']) {
    await page.getByTestId('n').fill(typed);
    assert.match(await page.getByTestId('n-error').innerText(), /whole number from 1 to 10/);
    assert.match(await page.getByTestId('expected-time').innerText(), /Fix the number of images/);
    assert.doesNotMatch(await page.getByTestId('share-url').inputValue(), /[&#]n=/, 'the link carries no stale n');
    await page.getByTestId('generate').click();
    assert.match(await page.getByTestId('error-message').innerText(), /whole number from 1 to 10/);
  }
  assert.equal((await ctx.backend.requests()).length, 0, 'nothing was sent with a stale n');
  await page.getByTestId('n').fill('3');
  assert.equal(await page.getByTestId('n-error').count(), 0);
  assert.match(await page.getByTestId('share-url').inputValue(), /&n=3/);
});

test('a reload keeps the draft (prompt, size, quality, format, n, stream), not the references', async () => {
  const { page } = ctx.app;
  await page.getByTestId('prompt').fill('a draft worth keeping, 草稿');
  await page.getByTestId('size-input').fill('1536x1024');
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('output-format').selectOption('webp');
  await page.getByTestId('n').fill('3');
  await page.getByTestId('stream').check();
  await page.reload();
  await page.getByTestId('generate').waitFor();
  assert.equal(await page.getByTestId('prompt').inputValue(), 'a draft worth keeping, 草稿');
  assert.equal(await page.getByTestId('size-input').inputValue(), '1536x1024');
  assert.equal(await page.getByTestId('quality').inputValue(), 'low');
  assert.equal(await page.getByTestId('output-format').inputValue(), 'webp');
  assert.equal(await page.getByTestId('n').inputValue(), '3');
  assert.equal(await page.getByTestId('stream').isChecked(), true);
});

test('fewer images than n are told on the run, and the missing ones can be requested', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'ignores n', variant: 'one_image', times: 1 });
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('n').fill('3');
  await page.getByTestId('prompt').fill('ignores n');
  await page.getByTestId('generate').click();
  const warning = page.locator('.run').first().getByTestId('delivery-warning');
  await warning.waitFor();
  assert.match(await warning.innerText(), /^1 of 3 images arrived/);
  assert.equal(await page.getByTestId('request-missing').innerText(), 'Request the 2 missing images');
  await ctx.backend.clearRequests();
  await page.getByTestId('request-missing').click();
  await waitForImages(page, 3);
  const [req] = await ctx.backend.requests();
  assert.equal(req.json.n, 2);
  assert.equal(req.json.prompt, 'ignores n');
  assert.equal(await page.locator('.run').first().getByTestId('delivery-warning').count(), 0, 'the new run got all it asked for');
});

test('after a 403, Retry says it resends as it was and "Edit and send" takes the prompt as it is now', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'refused words', status: 403, times: 0 });
  await page.getByTestId('prompt').fill('refused words');
  await page.getByTestId('generate').click();
  await page.getByTestId('error-message').waitFor();
  assert.equal(await page.getByTestId('retry').innerText(), 'Retry as it was (same prompt)');
  assert.equal(await page.getByTestId('edit-and-send').isDisabled(), true, 'nothing reworded yet');
  await page.getByTestId('prompt').fill('kinder words');
  await ctx.backend.clearRequests();
  await page.getByTestId('edit-and-send').click();
  await waitForImages(page, 1);
  const [req] = await ctx.backend.requests();
  assert.equal(req.json.prompt, 'kinder words');
});

test('share links carry stream and partial images', async () => {
  const { page, context } = ctx.app;
  await page.getByTestId('stream').check();
  await page.getByTestId('partial-images').selectOption('2');
  const link = await page.getByTestId('share-url').inputValue();
  assert.match(link, /&stream=1&partial=2/);
  const other = await context.newPage();
  await other.goto(link);
  await other.getByTestId('generate').waitFor();
  assert.equal(await other.getByTestId('stream').isChecked(), true);
  assert.equal(await other.getByTestId('partial-images').inputValue(), '2');
});

test('saving a preset under a taken name asks: replace it, or keep both', async () => {
  const { page } = ctx.app;
  await page.getByTestId('prompt').fill('first fox');
  await page.getByTestId('preset-name').fill('Fox');
  await page.getByTestId('preset-save').click();
  await page.getByTestId('prompt').fill('second fox');
  await page.getByTestId('preset-save').click();
  await page.getByTestId('preset-clash').waitFor();
  assert.equal(await page.getByTestId('preset-item').count(), 1, 'nothing overwritten before the answer');
  await page.getByTestId('preset-keep-both').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=preset-item]').length === 2);
  const names = await page.getByTestId('preset-item-name').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(names, ['Fox', 'Fox (2)']);

  await page.getByTestId('prompt').fill('third fox');
  await page.getByTestId('preset-save').click();
  await page.getByTestId('preset-replace').click();
  assert.equal(await page.getByTestId('preset-item').count(), 2);
  await page.getByTestId('prompt').fill('');
  await page.getByTestId('preset-apply').first().click();
  assert.equal(await page.getByTestId('prompt').inputValue(), 'third fox');
});

test('small texts: unknown model, task URL, profile name, import button, files left out', async () => {
  const { page } = ctx.app;
  await page.getByTestId('model').fill('my-gateway-image');
  await page.getByTestId('model').blur();
  await page.waitForFunction(() => document.querySelector('[data-testid=model]').dataset.settled === 'my-gateway-image');
  const note = await page.getByTestId('background-note').innerText();
  assert.match(note, /Nothing is known about my-gateway-image/);
  assert.doesNotMatch(note, /refuses/);

  await page.getByTestId('task-profile-option').check();
  const hint = await page.locator('#task-gateway-hint').innerText();
  assert.ok(hint.includes(`${ctx.backend.apiUrl.replace(/\/$/, '')}/tasks/<task id>`), hint);
  assert.doesNotMatch(hint, /\{base\}/);
  await page.getByTestId('task-profile-option').uncheck();

  // A profile named after its host follows a new host; a chosen name stays.
  ctx.app.allowOrigin('https://gw.example.cn');
  const before = await page.getByTestId('profile-name').inputValue();
  assert.equal(before, new URL(ctx.backend.apiUrl).host);
  await page.getByTestId('base-url').fill('https://gw.example.cn/v1');
  assert.equal(await page.getByTestId('profile-name').inputValue(), 'gw.example.cn');

  const height = (id) => page.locator(id).evaluate((e) => e.getBoundingClientRect().height);
  const [exportH, importH] = [await height('[data-testid=preset-export]'), await height('label[for=preset-import]')];
  assert.ok(Math.abs(exportH - importH) < 1, `Export ${exportH} px, Import ${importH} px`);
  const fontSize = (id) => page.locator(id).evaluate((e) => getComputedStyle(e).fontSize);
  assert.equal(await fontSize('label[for=preset-import]'), await fontSize('[data-testid=preset-export]'));

  const tiny = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
  const files = Array.from({ length: 18 }, (_, i) => ({ name: `shot ${i + 1}.gif`, mimeType: 'image/gif', buffer: tiny }));
  await page.getByTestId('reference-input').setInputFiles(files);
  const notice = page.getByText(/references can be sent/);
  await notice.waitFor();
  assert.match(await notice.innerText(), /so 2 files of the 18 offered were not added: "shot 17\.gif", "shot 18\.gif"\./);
});

test('Generate while a reference is prepared says what it waits for, and sends once when ready', async () => {
  const { page } = ctx.app;
  // A large photo takes a moment in the prep worker.
  const jpeg = await page.evaluate(async () => {
    const c = new OffscreenCanvas(6000, 4000);
    const g = c.getContext('2d');
    const grad = g.createLinearGradient(0, 0, 6000, 4000);
    grad.addColorStop(0, '#c33'); grad.addColorStop(1, '#36c');
    g.fillStyle = grad; g.fillRect(0, 0, 6000, 4000);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  });
  await page.getByTestId('prompt').fill('edit while preparing');
  await page.getByTestId('reference-input').setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') });
  await page.getByTestId('generate').click();
  const waiting = page.getByTestId('send-waiting');
  if (await page.locator('[data-testid=reference-item][data-state=working]').count()) {
    await waiting.waitFor();
    assert.match(await waiting.innerText(), /^Waiting for 1 reference to be prepared/);
  }
  await page.getByTestId('generate').click();
  await waitForImages(page, 1);
  await settle(page);
  const log = await ctx.backend.requests();
  assert.equal(log.length, 1, 'two presses while preparing: one request');
  assert.match(log[0].path, /\/images\/edits$/);
});

for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`after Generate the run is in view (${name})`, async () => {
    const app = await openApp(ctx.browser, ctx.backend, { viewport, timingScale: 0.01 });
    try {
      const { page } = app;
      await showParams(page);
      await page.getByTestId('quality').selectOption('low');
      await hideParams(page);
      await page.getByTestId('prompt').fill(`in view on ${name}`);
      await page.getByTestId('generate').click();
      await waitForImages(page, 1);
      const box = await page.getByTestId('result-image').evaluate((img) => {
        const r = img.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: innerHeight };
      });
      assert.ok(box.top >= 0 && box.top < box.height, `the result's top is on screen: ${JSON.stringify(box)}`);
    } finally {
      await app.context.close();
    }
  });
}
