// The language: from the browser's locale, switchable, remembered, never in a share link.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './harness.mjs';

const TAGLINE_EN = 'Generate images with your own key, against OpenAI or any compatible gateway.';
const TAGLINE_ZH = '用你自己的密钥生成图片，可接 OpenAI 或任何兼容网关。';

describe('a browser whose locale is zh-CN', () => {
  const ctx = useApp({ locale: 'zh-CN' });

  test('gets the page in Chinese, <html lang> included', async () => {
    const { page } = ctx.app;
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal(await page.getByTestId('language').inputValue(), 'zh-CN');
    assert.equal((await page.locator('.tagline').textContent()).trim(), TAGLINE_ZH);
    assert.equal(await page.getByRole('region', { name: '结果' }).count(), 1);
  });

  test('switches to English, and English survives a reload', async () => {
    const { page } = ctx.app;
    await page.getByTestId('language').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal((await page.locator('.tagline').textContent()).trim(), TAGLINE_EN);
    await page.reload();
    await page.getByTestId('generate').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.getByTestId('language').inputValue(), 'en');
    assert.equal((await page.locator('.tagline').textContent()).trim(), TAGLINE_EN);
    // And back: the choice is the user's, whatever the browser says.
    await page.getByTestId('language').selectOption('zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.equal((await page.locator('.tagline').textContent()).trim(), TAGLINE_ZH);
  });

  test('the static shell shown before the wasm is Chinese too', async () => {
    const { page } = ctx.app;
    // A fresh context (no service worker has cached the app yet), where the page's wasm never
    // arrives: what is on screen is index.html and shell.js alone.
    const context = await ctx.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    const other = await context.newPage();
    await other.route(/gpt-image-studio-[0-9a-f]+_bg\.wasm$/, () => {});
    await other.goto(page.url());
    await other.locator('#shell-status').waitFor();
    assert.equal(await other.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal((await other.locator('#shell .tagline').textContent()).trim(), TAGLINE_ZH);
    assert.equal((await other.locator('#shell button[type=submit]').textContent()).trim(), '生成');
    await context.close();
  });
});

describe('a browser whose locale is en-US', () => {
  const ctx = useApp({ locale: 'en-US' });

  test('gets English, and a share link carries no language', async () => {
    const { page } = ctx.app;
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal((await page.locator('.tagline').textContent()).trim(), TAGLINE_EN);
    await page.getByTestId('prompt').fill('a lantern');
    await page.getByTestId('prompt').press('Tab');
    const english = await page.getByTestId('share-url').inputValue();
    await page.getByTestId('language').selectOption('zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const chinese = await page.getByTestId('share-url').inputValue();
    assert.match(english, /#v1&prompt=a%20lantern/);
    assert.equal(chinese, english, 'the same link in either language');
    assert.doesNotMatch(english.split('#')[1], /(^|&)(lang|language|locale)=/);
  });
});
