// The language: from the browser's locale, switchable, remembered, never in a share link.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { showEndpoint, showMore, useApp } from './harness.mjs';

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

  test('the main screen has no English but names, API values and units', async () => {
    const { page } = ctx.app;
    await showEndpoint(page);
    await showMore(page);
    await page.getByTestId('prompt').fill('一盏灯笼');
    await page.getByTestId('generate').click();
    await page.locator('[data-testid=result-image][data-width]').first().waitFor();
    await page.locator('[data-testid=history-item]').first().waitFor();
    const words = await latinWordsOnScreen(page);
    const english = [...new Set(words.filter((w) => !ALLOWED_LATIN.test(w)))];
    assert.deepEqual(english, [], `English left on the Chinese screen: ${english.join(', ')}`);
  });

  test('a refused key and a broken size are explained in Chinese', async () => {
    const { page } = ctx.app;
    await page.getByTestId('size-input').fill('1920x1080');
    assert.match(await page.getByTestId('size-error').innerText(), /^1080 不是 16 的倍数（高度）；请用 10[78][28] 或 10[78][28]。/);
    await page.getByTestId('size-input').fill('1920x1088');
    await ctx.backend.fault({ match: '密钥', status: 401, times: 0 });
    await page.getByTestId('prompt').fill('密钥测试');
    await page.getByTestId('generate').click();
    const error = page.locator('.run [data-testid=error-message]').first();
    await error.waitFor();
    assert.match(await error.innerText(), /^密钥被拒绝（401）：.*请检查此 Base URL 对应的 API 密钥。/s);
  });

  test('a file that is not an image is refused in Chinese', async () => {
    const { page } = ctx.app;
    await page.getByTestId('reference-input').setInputFiles([
      { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>') },
    ]);
    const error = page.getByTestId('reference-error');
    await error.waitFor();
    assert.match(await error.innerText(), /^SVG：[\u4e00-\u9fff]/);
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

// Words in Latin script a Chinese screen may show: names (the product, OpenAI, the models, file
// formats, gateways, keys of the keyboard), the API's own parameter values, units and the words
// Chinese software writes in Latin script itself (token, id). Anything else is untranslated.
const ALLOWED_LATIN = new RegExp('^(?:' + [
  'GPT', 'Image', 'Studio', 'OpenAI', 'API', 'Base', 'URL', 'URLs', 'gpt-image-[0-9a-z.-]+', 'dall-e-[23]',
  'chatgpt-image-latest', 'English', 'png', 'jpe?g', 'webp', 'gif', 'bmp', 'zip', 'json', 'SSE', 'CORS', 'HTTPS?',
  'auto', 'low', 'medium', 'high', 'xhigh', 'max', 'opaque', 'transparent', 'transparent-local', 'n', 'x',
  'quality', 'moderation', 'size', 'stream', 'b64_json', 'px', 'MP', 'KB', 'MB', 'GB', 'K', 's', 'ms', 'min',
  'US', 'LiteLLM', 'sub2api', 'new-api', 'one-api', 'APIYI', 'EvoLink', 'APIMart', 'ToAPIs', 'GET', 'POST', 'OPTIONS', 'models', 'Responses', 'curl', 'Python', 'JavaScript', 'Node', 'Ctrl', 'Enter', 'Esc', 'Shift', 'token', 'id', 'sk',
].join('|') + ')$', 'i');

/** The Latin-script words a person sees: visible text outside code, form values and what the
 * model wrote (its revised prompt), plus the visible elements' placeholders, titles and
 * aria-labels, and every option of every select. Numbers, sizes, links, hosts, file names
 * and request ids are data, not words. */
async function latinWordsOnScreen(page) {
  const texts = await page.evaluate(() => {
    const seen = [];
    const skip = 'pre, code, kbd, script, style, textarea, .revised, [data-testid=language]';
    const visible = (el) => el.checkVisibility?.({ visibilityProperty: true }) ?? true;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (el && !el.closest(skip) && visible(el)) seen.push(node.textContent);
    }
    for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (!visible(el) || el.closest(skip)) continue;
      for (const name of ['placeholder', 'title', 'aria-label']) if (el.hasAttribute(name)) seen.push(el.getAttribute(name));
    }
    for (const option of document.body.querySelectorAll('select:not([data-testid=language]) option')) seen.push(option.textContent);
    return seen;
  });
  return texts.join(' ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
    .split(/[^A-Za-z0-9_.-]+/)
    .map((token) => token.replace(/^[.-]+|[.-]+$/g, ''))
    .filter((token) => /[A-Za-z]/.test(token))
    .filter((token) => !/^\d/.test(token)) // 1024x1024, 4K, 2.5MB
    .filter((token) => !/^[a-z]+_[0-9a-f]{8,}$/i.test(token)) // req_9808…
    .filter((token) => !/^[\w-]+(\.[\w-]+)+$/.test(token) || /^gpt-image-/.test(token)); // hosts, file names
}
