// Share links: a link fills the form in a fresh browser, never carries the key, and a link's
// foreign base URL never receives the stored key (a second backend records what it gets).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend, useApp, showMore, showEndpoint } from './harness.mjs';

const ctx = useApp();
let foreign;
before(async () => { foreign = await startBackend({ staticDir: null }); });
after(async () => foreign?.stop());

const value = (page, id) => page.getByTestId(id).inputValue();

test('a link opened in a fresh browser context fills the form and says so', async () => {
  const { page } = ctx.app;
  await page.getByTestId('prompt').fill('Shared fox, e2e & friends #1');
  await page.getByTestId('size-ratio').selectOption('16:9');
  await page.getByTestId('size-tier').selectOption('2K');
  await page.getByTestId('quality').selectOption('high');
  await page.getByTestId('output-format').selectOption('webp');
  await showMore(page);
  await page.getByTestId('output-compression').fill('70');
  await page.getByTestId('output-compression').press('Tab');
  await page.getByTestId('moderation').selectOption('low');
  await page.getByTestId('n').fill('3');
  await page.getByTestId('n').press('Tab');
  const link = await value(page, 'share-url');
  const resolved = await page.getByTestId('size-resolved').innerText();
  assert.match(link, /#v1&prompt=Shared%20fox/);

  const fresh = await ctx.browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await other.getByTestId('generate').waitFor();
  assert.equal(await value(other, 'prompt'), 'Shared fox, e2e & friends #1');
  assert.equal(await other.getByTestId('size-resolved').innerText(), resolved);
  assert.equal(await value(other, 'size-ratio'), '16:9');
  assert.equal(await value(other, 'quality'), 'high');
  assert.equal(await value(other, 'output-format'), 'webp');
  assert.equal(await value(other, 'output-compression'), '70');
  assert.equal(await value(other, 'moderation'), 'low');
  assert.equal(await value(other, 'n'), '3');
  assert.match(await other.getByTestId('notice').innerText(), /filled from the link/);
  assert.equal(await value(other, 'share-url'), link, 'the same settings give the same link');
  await fresh.close();
});

test('share-url never contains the key, with or without the endpoint', async () => {
  const { page } = ctx.app;
  await page.getByTestId('api-key').fill('sk-secret-777');
  await page.getByTestId('prompt').fill('keyless e2e');
  assert.ok(!(await value(page, 'share-url')).includes('sk-secret'));
  await page.getByTestId('share-with-endpoint').check();
  const link = await value(page, 'share-url');
  assert.ok(link.includes(`base=${ctx.backend.apiUrl}`), link);
  assert.ok(!link.includes('sk-secret'), link);
});

test('a link with a foreign base URL never gets the stored key', async () => {
  const { page } = ctx.app;
  ctx.app.allowOrigin(new URL(foreign.apiUrl).origin);
  await foreign.clearRequests();
  await page.getByTestId('api-key').fill('sk-for-home');
  const home = await value(page, 'base-url');
  const link = `${ctx.backend.appUrl}#v1&prompt=steal%20e2e&quality=low&base=${encodeURIComponent(foreign.apiUrl)}`;
  const open = async () => {
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByTestId('link-endpoint-confirm').waitFor();
  };

  // Declined: the form is filled, the endpoint and its key stay home.
  await open();
  assert.equal(await value(page, 'base-url'), home);
  await page.getByTestId('link-endpoint-reject').click();
  await page.getByTestId('generate').click();
  await page.getByTestId('result-image').waitFor();
  const homeLog = await ctx.backend.requests();
  assert.equal(homeLog.at(-1).headers.authorization, 'Bearer sk-for-home');

  // Accepted: the new endpoint is used without the key.
  await open();
  await page.getByTestId('link-endpoint-accept').click();
  assert.equal(await value(page, 'base-url'), foreign.apiUrl);
  assert.equal(await value(page, 'api-key'), '');
  await page.getByTestId('generate').click();
  await page.getByTestId('result-image').waitFor();
  const [got] = await foreign.requests();
  assert.equal(got.json.prompt, 'steal e2e');
  assert.equal(got.headers.authorization, undefined, 'the foreign endpoint received no key');

  // Accepting made a profile of its own; the home profile keeps its key. Back on it the key
  // is there again; typing the foreign endpoint into it by hand shows no key and sends none.
  await foreign.clearRequests();
  await showEndpoint(page);
  const profiles = await page.getByTestId('profile').locator('option').allInnerTexts();
  await page.getByTestId('profile').selectOption({ label: profiles.find((name) => home.includes(name)) });
  assert.equal(await value(page, 'base-url'), home);
  assert.equal(await value(page, 'api-key'), 'sk-for-home');
  await page.getByTestId('base-url').fill(foreign.apiUrl);
  assert.equal(await value(page, 'api-key'), '');
  const before = await page.getByTestId('result-image').count();
  await page.getByTestId('generate').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result-image]').length > n, before);
  const log = await foreign.requests();
  assert.equal(log.length, 1);
  assert.equal(log[0].headers.authorization, undefined);
  assert.ok(!JSON.stringify(await page.evaluate(() => ({ ...localStorage }))).includes('sk-for-home'), 'keys never reach local storage');
});

test('unknown and invalid fields get a notice and the rest still applies', async () => {
  const { page } = ctx.app;
  await page.goto('about:blank');
  await page.goto(`${ctx.backend.appUrl}#v1&prompt=partly%20valid%20e2e&quality=ultra&colour=red&n=2`);
  await page.getByTestId('generate').waitFor();
  assert.equal(await value(page, 'prompt'), 'partly valid e2e');
  assert.equal(await value(page, 'n'), '2');
  const notice = await page.getByTestId('notice').innerText();
  assert.match(notice, /quality="ultra" is not a known value/);
  assert.match(notice, /"colour" is not a setting/);
});
