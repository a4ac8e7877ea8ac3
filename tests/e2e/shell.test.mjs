// The static shell in index.html: on a slow connection the prompt can be typed and Generate
// pressed before the app's wasm has arrived; the app takes over what was typed, sends a press
// exactly once, and keeps the caret where it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSteady, startBackend, launchBrowser } from './harness.mjs';

let steady;
let backend;
let browser;
before(async () => {
  steady = await startSteady();
  backend = await startBackend({ steadyUrl: steady.url });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await backend?.stop();
  await steady?.stop();
});

/** A page whose own wasm arrives only when `release()` is called. */
async function slowPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/gpt-image-studio-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${backend.appUrl}#base=${encodeURIComponent(backend.apiUrl)}`);
  return { context, page, errors, release };
}

test('typed and pressed before the wasm arrives: the app takes the prompt and sends once', async () => {
  await backend.clearRequests();
  const { context, page, errors, release } = await slowPage();
  try {
    const shellPrompt = page.locator('#shell-prompt');
    await shellPrompt.fill('typed before the app, 先打字');
    await page.locator('#shell-form button[type=submit]').click();
    assert.match(await page.locator('#shell-status').innerText(), /sent as soon as the app has loaded/);
    await page.locator('#shell-form button[type=submit]').click();
    assert.equal(await page.getByTestId('generate').count(), 0, 'the app has not started yet');
    release();
    await page.getByTestId('generate').waitFor();
    assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
    assert.equal(await page.getByTestId('prompt').inputValue(), 'typed before the app, 先打字');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-image][data-width]'));
    const log = await backend.requests();
    assert.equal(log.length, 1, 'two presses in the shell, one request');
    assert.equal(log[0].json.prompt, 'typed before the app, 先打字');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('typed but not pressed: nothing is sent, and typing goes on where it was', async () => {
  await backend.clearRequests();
  const { context, page, errors, release } = await slowPage();
  try {
    await page.locator('#shell-prompt').fill('half a tho');
    release();
    await page.getByTestId('generate').waitFor();
    await page.keyboard.type('ught');
    assert.equal(await page.getByTestId('prompt').inputValue(), 'half a thought');
    assert.equal((await backend.requests()).length, 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
