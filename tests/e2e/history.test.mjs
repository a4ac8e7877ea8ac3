// Nothing paid for is lost: results in IndexedDB across reloads, interrupted requests, keys
// kept only as the user chose, and a full disk handled without half-written items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, showEndpoint } from './harness.mjs';
import { zipEntries } from './zip.mjs';

const ctx = useApp();

async function generate(page, prompt) {
  const before = await page.getByTestId('result-image').count();
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('generate').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result-image][data-width]').length > n, before);
}

/** Everything the origin stores: local and session storage as text, IndexedDB records. */
async function storedEverything(page) {
  return page.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('gpt-image-studio');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = (store) => new Promise((res, rej) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const items = await all('items');
    const images = await all('images');
    db.close();
    const dump = (s) => JSON.stringify(Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)])));
    return { local: dump(localStorage), session: dump(sessionStorage), items: items.map((i) => i.meta), images: images.length };
  });
}

test('three results survive a reload, with thumbnails, downloads and their settings', async () => {
  const { page } = ctx.app;
  await page.getByTestId('quality').selectOption('low');
  for (const p of ['history one', 'history two', 'history three']) await generate(page, p);
  await page.reload();
  const items = page.getByTestId('history-item');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-item]').length === 3);
  assert.deepEqual(await items.locator('.history-prompt').allInnerTexts(), ['history three', 'history two', 'history one']);
  assert.equal(await page.getByTestId('history-thumb').count(), 3);
  assert.equal(await items.first().getAttribute('data-width'), '1024');
  assert.match(await page.getByTestId('storage-usage').innerText(), /used of .* available/);

  const [download] = await Promise.all([page.waitForEvent('download'), items.nth(1).getByTestId('history-download').click()]);
  assert.match(download.suggestedFilename(), /^gpt-image-2_history-two_\d{8}-\d{6}_1\.png$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

  await items.nth(2).getByTestId('history-open').click();
  await page.getByTestId('history-full').waitFor();
  assert.match(await page.getByTestId('history-full').getAttribute('src'), /^blob:/);

  await page.getByTestId('prompt').fill('something else');
  await items.nth(2).getByTestId('history-use').click();
  assert.equal(await page.getByTestId('prompt').inputValue(), 'history one');
  assert.equal(await page.getByTestId('quality').inputValue(), 'low');

  await items.first().getByTestId('history-delete').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-item]').length === 2);
  await page.getByTestId('history-delete-all').click();
  await page.getByTestId('history-delete-all').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-item]').length === 0);
  await page.reload();
  await page.getByTestId('generate').waitFor();
  assert.equal((await storedEverything(page)).images, 0);
});

test('a request cut by a reload shows as interrupted and can be sent again', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ match: 'cut by reload', delay_ms: 15_000 });
  await page.getByTestId('prompt').fill('cut by reload');
  await page.getByTestId('generate').click();
  await page.getByTestId('waiting').waitFor();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.type()); d.accept(); });
  await page.reload();
  await page.getByTestId('generate').waitFor();
  assert.deepEqual(dialogs, ['beforeunload'], 'leaving while a request runs asks first');
  const item = page.getByTestId('interrupted-item');
  await item.waitFor();
  assert.match(await item.innerText(), /Interrupted: may have been billed\..*cut by reload/s);
  await ctx.backend.clearFaults();
  await item.getByTestId('interrupted-retry').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result-image][data-width]').length === 1);
  assert.equal(await page.getByTestId('interrupted-item').count(), 0);
  await page.reload();
  await page.getByTestId('generate').waitFor();
  assert.equal(await page.getByTestId('interrupted-item').count(), 0, 'a finished request leaves no journal entry');
});

test('after a session no key is stored, unless the user opted in', async () => {
  const { page, context } = ctx.app;
  await page.getByTestId('api-key').fill('sk-secret-session-e2e');
  await generate(page, 'key check');
  const during = await storedEverything(page);
  assert.ok(during.session.includes('sk-secret-session-e2e'), 'the tab keeps it while open');
  assert.ok(!during.local.includes('sk-secret'), during.local);
  assert.ok(!during.items.join().includes('sk-secret'), 'history holds no key');
  await page.close();

  const next = await context.newPage();
  await next.goto(ctx.backend.appUrl);
  await next.getByTestId('generate').waitFor();
  const after = await storedEverything(next);
  for (const where of ['local', 'session', 'items']) {
    assert.ok(!JSON.stringify(after[where]).includes('sk-secret'), `${where} after the session: ${after[where]}`);
  }
  assert.equal(await next.getByTestId('api-key').inputValue(), '');

  // This endpoint has answered here: its settings are folded until asked for.
  await showEndpoint(next);
  await next.getByTestId('remember-key').check();
  assert.match(await next.locator('#remember-key-hint').innerText(), /stored unencrypted/);
  await next.getByTestId('api-key').fill('sk-remembered-e2e');
  await next.close();
  const third = await context.newPage();
  await third.goto(ctx.backend.appUrl);
  await third.getByTestId('generate').waitFor();
  assert.equal(await third.getByTestId('api-key').inputValue(), 'sk-remembered-e2e');
  assert.ok((await storedEverything(third)).local.includes('sk-remembered-e2e'));
  await showEndpoint(third);
  await third.getByTestId('remember-key').uncheck();
  assert.ok(!(await storedEverything(third)).local.includes('sk-remembered-e2e'), 'opting out erases it');
  ctx.app.page = third;
});

test('profiles: one click switches endpoint, model, limits and key', async () => {
  const { page } = ctx.app;
  const count = () => page.getByTestId('profile').locator('option').count();
  const before = await count();
  const home = await page.getByTestId('base-url').inputValue();
  await page.getByTestId('api-key').fill('sk-profile-a');
  await page.getByTestId('model').fill('gpt-image-1.5');
  await page.getByTestId('profile-new').click();
  await page.getByTestId('profile-name').fill('Second');
  await page.getByTestId('profile-name').press('Tab');
  assert.equal(await page.getByTestId('api-key').inputValue(), '', 'a new profile has its own (empty) key');
  await page.getByTestId('model').fill('gpt-image-2');
  await page.locator('details.endpoint-options summary').click();
  await page.getByTestId('max-per-request').fill('1');
  await page.getByTestId('max-per-request').press('Tab');
  const names = await page.getByTestId('profile').locator('option').allInnerTexts();
  assert.equal(names.length, before + 1);
  assert.ok(names.includes('Second'));
  await page.getByTestId('profile').selectOption({ label: names.find((n) => n !== 'Second' && home.includes(n)) });
  assert.equal(await page.getByTestId('api-key').inputValue(), 'sk-profile-a');
  assert.equal(await page.getByTestId('model').inputValue(), 'gpt-image-1.5');
  assert.equal(await page.getByTestId('max-per-request').inputValue(), '10');
  await page.reload();
  await page.getByTestId('generate').waitFor();
  // The profile list comes with the endpoint panel's chunk, a moment after the form.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=profile] option').length > 0);
  assert.equal(await count(), before + 1, 'profiles survive a reload');
});

test('a full disk: a clear message, the image still shown, nothing half-written', async () => {
  const { page } = ctx.app;
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      // The image itself does not fit; its record was already written in the transaction.
      if (window.__diskFull && this.name === 'images') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.reload();
  await page.getByTestId('generate').waitFor();
  await page.evaluate(() => { window.__diskFull = true; });
  await generate(page, 'disk full');
  assert.match(await page.getByTestId('save-error').innerText(), /Storage is full.*nothing was half-written.*download it now/s);
  assert.equal(await page.getByTestId('history-item').count(), 0);
  const stored = await storedEverything(page);
  assert.deepEqual([stored.items.length, stored.images], [0, 0], 'neither the record nor the image was kept');

  await page.evaluate(() => { window.__diskFull = false; });
  await generate(page, 'disk has room again');
  await page.getByTestId('history-item').waitFor();
  assert.equal(await page.getByTestId('history-item').count(), 1);
});

test('a real quota (DevTools Storage.overrideQuotaForOrigin): storage is full, the image stays, nothing half-written', async () => {
  const { page, context, problems } = ctx.app;
  const origin = new URL(page.url()).origin;
  const cdp = await context.newCDPSession(page);
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  // Room for a few KB more than is used now: a 1024x1024 PNG (~200 KB) cannot fit.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 20_000 });
  await generate(page, 'real quota');
  assert.match(await page.getByTestId('save-error').innerText(), /Storage is full.*nothing was half-written.*download it now/s);
  assert.match(await page.getByTestId('result-image').first().getAttribute('src'), /^data:image\/png;base64,/, 'the image is still shown');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').first().click()]);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'and still downloads');
  assert.equal(await page.getByTestId('history-item').count(), 0);
  const stored = await storedEverything(page);
  assert.deepEqual([stored.items.length, stored.images], [0, 0], 'neither the record nor the image was kept');
  // A refused write fires both error and abort on the transaction: neither may throw.
  assert.deepEqual(problems, [], 'no page error while the write was refused');

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await generate(page, 'room again');
  await page.getByTestId('history-item').waitFor();
  assert.equal(await page.getByTestId('history-item').count(), 1);
});

test('history downloads as a zip (all or selected), and "Edit this" makes the next request an edit of it', async () => {
  const { page, problems } = ctx.app;
  await page.getByTestId('quality').selectOption('low');
  for (const p of ['zip one', 'zip two']) await generate(page, p);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-item]').length === 2);
  assert.equal(await page.getByTestId('history-download-selected').isDisabled(), true, 'nothing selected yet');

  const [all] = await Promise.all([page.waitForEvent('download'), page.getByTestId('history-download-all').click()]);
  assert.match(all.suggestedFilename(), /^gpt-image-studio_\d{8}-\d{6}\.zip$/);
  const entries = zipEntries(await readFile(await all.path()));
  assert.equal(entries.length, 2);
  assert.match(entries[0].name, /^gpt-image-2_zip-two_\d{8}-\d{6}_1\.png$/);
  assert.match(entries[1].name, /^gpt-image-2_zip-one_\d{8}-\d{6}_2\.png$/);
  assert.ok(entries.every((e) => e.magic === 'png'), 'each entry holds the PNG bytes');
  // Dated when the result was made (local time, as unzip tools show it), not 1980-01-01.
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  for (const e of entries) assert.equal(e.modified.slice(0, 10), today, `${e.name} is dated ${e.modified}`);

  await page.getByTestId('history-select').nth(1).check();
  const [one] = await Promise.all([page.waitForEvent('download'), page.getByTestId('history-download-selected').click()]);
  const picked = zipEntries(await readFile(await one.path()));
  assert.deepEqual(picked.map((e) => /zip-one/.test(e.name)), [true]);

  // The stored image goes through reference prep like any file: a 512 px edge applies to it.
  await page.getByText(/^Prep: long edge/).click();
  await page.getByTestId('prep-max-edge').fill('512');
  await page.getByTestId('history-item').nth(1).getByTestId('history-edit').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=reference-item][data-state=ready]').length === 1);
  await ctx.backend.clearRequests();
  await generate(page, 'edit of zip one');
  const [req] = await ctx.backend.requests();
  assert.match(req.path, /\/images\/edits$/);
  assert.equal(req.steady?.status, 200);
  const images = req.parts.filter((p) => p.name === 'image[]');
  assert.equal(images.length, 1);
  assert.equal(images[0].filename, 'image-1.webp', 'prepared (resized, so re-encoded) and named by position');
  assert.deepEqual([images[0].width, images[0].height], [512, 512]);
  assert.deepEqual(problems, []);
});

test('after a reload every history thumbnail decodes, the newest too', async () => {
  const { page } = ctx.app;
  await page.getByTestId('quality').selectOption('low');
  for (const p of ['thumb one', 'thumb two', 'thumb three', 'thumb four']) await generate(page, p);
  for (let round = 0; round < 3; round++) {
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-thumb]').length === 4);
    // Loaded by themselves (no decode() forcing it), as a person sees them.
    const shown = await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=history-thumb]')]
      .every((img) => img.complete && img.naturalWidth > 0), null, { timeout: 10_000 }).then(() => true, () => false);
    const seen = await page.$$eval('[data-testid=history-thumb]', (imgs) => imgs.map((i) => [i.complete, i.naturalWidth, i.src.slice(0, 30)]));
    assert.ok(shown, `round ${round}: every thumbnail shows by itself: ${JSON.stringify(seen)}`);
    const thumbs = page.getByTestId('history-thumb');
    for (let i = 0; i < 4; i++) {
      await thumbs.nth(i).scrollIntoViewIfNeeded();
      const state = await thumbs.nth(i).evaluate(async (img) => {
        try { await img.decode(); } catch (e) { return { error: String(e), src: img.src }; }
        return { width: img.naturalWidth, src: img.src };
      });
      assert.ok(state.width > 0, `round ${round}, thumbnail ${i + 1}: ${JSON.stringify(state)}`);
    }
  }
});

test('a long history is drawn near the screen only: 130 items listed, fewer on the page, every one reached by scrolling', async () => {
  const { page, problems } = ctx.app;
  await page.getByTestId('quality').selectOption('low');
  await generate(page, 'history item 0');
  const total = 130;
  // 129 more records like the first, written as the app writes them (older ones sort lower).
  await page.evaluate(async (total) => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('gpt-image-studio');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const done = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const tx = db.transaction(['items', 'images'], 'readwrite');
    const items = tx.objectStore('items');
    const images = tx.objectStore('images');
    const [item] = await done(items.getAll());
    const [image] = await done(images.getAll());
    const meta = JSON.parse(item.meta);
    for (let i = 1; i < total; i++) {
      const id = `0-${String(9999 - i).padStart(4, '0')}`;
      const record = { ...meta, id, created_ms: meta.created_ms - i * 60_000, params: { ...meta.params, prompt: `history item ${i}` } };
      items.put({ ...item, id, meta: JSON.stringify(record) });
      images.put({ ...image, id });
    }
    await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
    db.close();
  }, total);
  await page.reload();
  await page.waitForFunction((n) => document.querySelector('#history-heading')?.textContent === `History (${n})`, total);
  await page.getByTestId('history-item').first().waitFor();
  const drawn = () => page.getByTestId('history-item').count();
  const atTop = await drawn();
  assert.ok(atTop > 0 && atTop < total, `at the top ${atTop} of ${total} are on the page`);
  assert.deepEqual(await page.getByTestId('history-chunk').evaluateAll((cs) => cs.map((c) => c.dataset.drawn)), ['true', 'false', 'false']);
  const topHeight = await page.evaluate(() => document.documentElement.scrollHeight);

  // Scrolling down brings the oldest; the first chunk leaves the page and keeps its height.
  const oldest = page.locator('.history-prompt', { hasText: `history item ${total - 1}` });
  for (let i = 0; i < 20 && (await oldest.count()) === 0; i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(100);
  }
  await oldest.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=history-chunk]').dataset.drawn === 'false');
  assert.ok((await drawn()) < total, 'the top chunk is off the page');
  const first = await page.getByTestId('history-chunk').first().evaluate((c) => c.getBoundingClientRect().height);
  assert.ok(first > 1000, `the undrawn first chunk stands at its height: ${first}`);
  const bottomHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(Math.abs(bottomHeight - topHeight) < 0.35 * topHeight, `the page keeps about its length: ${topHeight} then ${bottomHeight}`);

  // And back up: the newest is drawn again, and its thumbnail shows.
  await page.evaluate(() => window.scrollTo(0, 0));
  const newest = page.locator('.history-prompt', { hasText: /^history item 0$/ });
  await newest.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid=history-thumb]');
    return img && img.complete && img.naturalWidth > 0;
  });
  assert.deepEqual(problems, []);
});
