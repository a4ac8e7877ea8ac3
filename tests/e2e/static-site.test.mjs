// The static site: served under a subpath, under its strict CSP, contacting nobody but its own
// origin and the endpoint (audited after every test by the harness), accessible, usable from
// the keyboard and at 375 px, and opening offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { useApp, showParams, hideParams } from './harness.mjs';

const ctx = useApp({ prefix: '/tools/studio/' });
const AXE = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const SHOTS = new URL('../../target/e2e-screenshots/', import.meta.url);

/** Every axe-core violation (any impact) on the page as it is now. */
async function axeProblems(page) {
  // Evaluated through DevTools, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function generate(page, prompt) {
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('generate').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=result-image]')?.dataset.width);
}

test('under a subpath, with a strict CSP in the page, the app generates', async () => {
  const { page } = ctx.app;
  assert.match(page.url(), /\/tools\/studio\/#base=/);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "worker-src 'self'", 'img-src \'self\' data: blob:']) {
    assert.ok(csp.includes(directive), `${directive} in ${csp}`);
  }
  await generate(page, 'subpath smoke e2e');
  const assets = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(assets.some((p) => /^\/tools\/studio\/gpt-image-studio-[0-9a-f]+_bg\.wasm$/.test(p)), assets.join('\n'));
});

test('axe-core finds no violation at 1440x900 and 390x844, light and dark; screenshots are saved', async () => {
  const { page } = ctx.app;
  await mkdir(SHOTS, { recursive: true });
  const found = [];
  const check = async (view) => found.push(...(await axeProblems(page)).map((p) => `${view}: ${p}`));
  const shot = (name) => page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname });
  await page.getByTestId('model').waitFor();
  await check('empty form');
  await page.getByTestId('size-input').fill('1920x1080');
  await check('size error');
  await page.getByTestId('size-suggestion').first().click();
  await generate(page, 'axe e2e');
  await check('result');
  await ctx.backend.fault({ match: 'axe failure e2e', status: 400 });
  await page.getByTestId('prompt').fill('axe failure e2e');
  await page.getByTestId('generate').click();
  await page.getByTestId('error-message').first().waitFor();
  await check('request error');
  for (const [width, height] of [[1440, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await check(`${width}x${height} ${scheme}`);
      await shot(`studio-${width}x${height}-${scheme}`);
      if (width <= 600) {
        // The parameters' bottom sheet, open.
        await showParams(page);
        await check(`${width}x${height} ${scheme} parameter sheet`);
        await shot(`params-sheet-${width}x${height}-${scheme}`);
        await hideParams(page);
      }
      await page.getByTestId('result-image').first().click();
      await page.getByTestId('viewer').waitFor();
      await check(`${width}x${height} ${scheme} viewer`);
      await shot(`viewer-${width}x${height}-${scheme}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('viewer').waitFor({ state: 'hidden' });
    }
  }
  assert.deepEqual(found, []);
});

test('the whole flow works from the keyboard, with a visible focus ring', async () => {
  const { page } = ctx.app;
  const focusedId = () => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);
  const tabTo = async (testid) => {
    for (let i = 0; i < 40; i++) {
      if ((await focusedId()) === testid) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached ${testid}`);
  };
  await tabTo('prompt');
  await page.keyboard.type('keyboard only e2e');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, 'none', 'focused control shows an outline');
  await tabTo('quality');
  await page.keyboard.press('ArrowDown'); // auto -> low
  await tabTo('generate');
  await page.keyboard.press('Enter');
  await page.getByTestId('result-image').waitFor();
  await tabTo('download');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /keyboard-only-e2e.*\.png$/);
});

test('at 375 px wide there is no horizontal scroll', async () => {
  const { page } = ctx.app;
  await page.setViewportSize({ width: 375, height: 800 });
  await showParams(page);
  await page.getByTestId('size-input').fill('1920x1080');
  await page.getByTestId('size-suggestion').first().click();
  await page.getByTestId('quality').selectOption('low');
  // On a phone the parameters are a sheet over the prompt: fold it before typing.
  await hideParams(page);
  await page.getByTestId('prompt').fill('narrow screen e2e');
  await page.getByTestId('generate').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=result-image]')?.dataset.width);
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: new URL('mobile-375.png', SHOTS).pathname, fullPage: true });
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
});

test('dark mode follows prefers-color-scheme', async () => {
  const { page } = ctx.app;
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  assert.notEqual(light, dark);
  const [r, g, b] = dark.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background ${dark}`);
});

test('offline, the shell opens from the service worker and generating says it needs the network', async () => {
  const { page, context } = ctx.app;
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  const sw = await page.evaluate(() => fetch('./sw.js').then((r) => r.text()));
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('.wasm')));
  assert.ok(sw.includes(new URL(wasm).pathname.split('/').pop()), 'the worker caches this build\'s wasm');

  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('generate').waitFor();
  await page.getByTestId('prompt').fill('offline e2e');
  await page.getByTestId('generate').click();
  assert.match(await page.getByTestId('error-message').innerText(), /You are offline\. Generating needs the network/);
  await context.setOffline(false);
});
