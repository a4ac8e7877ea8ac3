// Async task gateways: the backend in task mode answers generations with a task, the app
// polls GET /tasks/{id} with backoff, shows progress, fetches the results into IndexedDB at
// once, keeps links it may not read (with their expiry), and resumes polling after a reload.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './harness.mjs';

const ctx = useApp();

const adminUrl = (what) => `${new URL(ctx.backend.apiUrl).origin}/__admin/${what}`;

async function taskMode(mode) {
  const res = await fetch(adminUrl('task_mode'), mode
    ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(mode) }
    : { method: 'DELETE' });
  assert.ok(res.ok, `task mode: ${res.status} ${await res.text()}`);
}

beforeEach(async () => { await taskMode({ duration_ms: 3_000 }); });

async function useTaskProfile(page) {
  await page.getByTestId('task-profile-option').check();
}

async function send(page, prompt) {
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('generate').click();
}

const taskPolls = async () => (await ctx.backend.requests()).filter((r) => r.method === 'GET' && r.path.startsWith('/v1/tasks/'));
const submissions = async () => (await ctx.backend.requests()).filter((r) => r.path === '/v1/images/generations');

async function storedItems(page) {
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
    const items = (await all('items')).map((i) => JSON.parse(i.meta));
    const images = await all('images');
    db.close();
    return { items, images: images.length };
  });
}

test('submit, see progress, the result is fetched into the history and survives a reload', async () => {
  const { page, problems } = ctx.app;
  await taskMode({ duration_ms: 6_000 });
  await useTaskProfile(page);
  await page.getByTestId('quality').selectOption('low');
  // When the history item appears, on the page's own clock.
  await page.evaluate(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid=history-item]')) { window.storedAt = performance.now(); obs.disconnect(); }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await send(page, 'a lighthouse at dusk');
  const status = page.getByTestId('task-status');
  await status.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=task-status]')?.dataset.status === 'processing');
  assert.match(await status.innerText(), /processing · \d+ % · about \d+ s left/);
  assert.match(await page.getByTestId('waiting').innerText(), /polled until the task ends or you cancel/, 'no request timeout for a task');
  const midway = Number(await page.getByTestId('task-progress').getAttribute('value'));
  assert.ok(midway > 0 && midway < 100, `progress midway: ${midway}`);
  await page.getByTestId('history-item').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=result-image][data-width]'));
  assert.equal(await page.getByTestId('task-status').getAttribute('data-status'), 'completed');

  const polls = await taskPolls();
  assert.ok(polls.length >= 3 && polls.length <= 8, `polls for a 6 s task: ${polls.length}`);
  for (const p of polls) {
    assert.equal(p.headers['x-api-key'], undefined);
    assert.ok(Object.keys(p.headers).every((h) => !h.startsWith('x-')), 'no custom headers');
  }
  const stored = await storedItems(page);
  assert.equal(stored.images, 1);
  assert.ok(stored.items[0].bytes > 1000, `stored bytes: ${stored.items[0].bytes}`);
  assert.equal(stored.items[0].link ?? null, null);
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const polls = entries.filter((e) => e.name.includes('/v1/tasks/'));
    const file = entries.find((e) => e.name.includes('/v1/__files/'));
    return { completedAt: polls.at(-1).responseEnd, fetched: file.responseEnd - file.startTime, storedAt: window.storedAt };
  });
  console.log(`measured: ${polls.length} polls for a 6 s task; stored ${stored.items[0].bytes} bytes; completed answer -> stored ${Math.round(timing.storedAt - timing.completedAt)} ms (result fetch ${Math.round(timing.fetched)} ms)`);
  assert.ok(timing.storedAt - timing.completedAt < 5_000, 'stored at once after completion');

  await page.reload();
  await page.getByTestId('history-item').first().waitFor();
  assert.equal(await page.getByTestId('history-item').count(), 1);
  assert.equal(await page.getByTestId('task-status').count(), 0, 'nothing left to resume');
  assert.deepEqual(problems, []);
});

test('poll intervals back off from 1 s towards 5 s', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 14_000 });
  await useTaskProfile(page);
  await send(page, 'a slow task');
  await page.getByTestId('history-item').first().waitFor({ timeout: 30_000 });
  const log = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/v1/tasks/')).map((e) => Math.round(e.startTime)));
  const gaps = log.slice(1).map((t, i) => t - log[i]);
  console.log(`measured: ${log.length} polls for a 14 s task, gaps ${gaps.join(', ')} ms`);
  assert.ok(log.length >= 4 && log.length <= 9, `${log.length} polls`);
  assert.ok(gaps[0] >= 1_300 && gaps[0] <= 2_200, `second wait ~1.5 s: ${gaps[0]}`);
  for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i] + 150 >= gaps[i - 1], `waits never shrink: ${gaps}`);
  assert.ok(gaps.every((g) => g <= 5_600), `never more than ~5 s apart: ${gaps}`);
});

test('a failed task shows its error code and message, and nothing is stored', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 1_500 });
  await useTaskProfile(page);
  await send(page, 'forbidden [task:fail]');
  const error = page.locator('.run [data-testid=error-message]').first();
  await error.waitFor({ timeout: 15_000 });
  const text = await error.innerText();
  assert.match(text, /content_policy_violation/);
  assert.match(text, /safety system refused this prompt/);
  assert.equal(await page.getByTestId('task-status').getAttribute('data-status'), 'failed');
  assert.equal((await storedItems(page)).items.length, 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('gis.tasks') ?? '[]'), '[]');
});

test('a reload while polling resumes the task, which completes and is stored', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 8_000 });
  await useTaskProfile(page);
  await send(page, 'resume me after reload');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=task-status]')?.dataset.polls) >= 1);
  const journaled = JSON.parse(await page.evaluate(() => localStorage.getItem('gis.tasks')));
  assert.equal(journaled.length, 1);
  assert.match(journaled[0].task_id, /^task-unified-/);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.type()); d.accept(); });
  await page.reload();
  await page.getByTestId('generate').waitFor();
  assert.deepEqual(dialogs, [], 'a task being polled resumes: leaving does not warn');
  await page.getByTestId('task-resumed').waitFor();
  assert.equal(await page.getByTestId('interrupted-item').count(), 0, 'resumed, not interrupted');
  await page.getByTestId('history-item').first().waitFor({ timeout: 20_000 });
  const polls = await taskPolls();
  assert.ok(polls.every((p) => p.path === `/v1/tasks/${journaled[0].task_id}`));
  const firstResumedPoll = await page.evaluate(() => Math.round(performance.getEntriesByType('resource').find((e) => e.name.includes('/v1/tasks/')).startTime));
  console.log(`measured: first poll ${firstResumedPoll} ms after the reload's navigation start; ${polls.length} polls in all for an 8 s task`);
  assert.equal((await submissions()).length, 1, 'the task was not submitted again');
  assert.equal((await storedItems(page)).images, 1);
  assert.equal(await page.evaluate(() => localStorage.getItem('gis.tasks')), '[]');
  await page.reload();
  await page.getByTestId('generate').waitFor();
  assert.equal(await page.getByTestId('task-status').count(), 0);
  assert.equal(await page.getByTestId('interrupted-item').count(), 0);
});

test('a result the page may not read (no CORS) is kept as a link with its expiry', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 1_500 });
  await useTaskProfile(page);
  await send(page, 'a lock without a key [task:no-cors]');
  const link = page.getByTestId('task-expiry-link');
  await link.waitFor({ timeout: 15_000 });
  assert.match(await link.getAttribute('href'), /\/v1\/__files\/\d+\.png$/);
  const expires = Number(await link.getAttribute('data-expires-ms'));
  const hoursLeft = (expires - Date.now()) / 3_600_000;
  assert.ok(hoursLeft > 23.9 && hoursLeft <= 24, `expires in ${hoursLeft} h`);
  assert.match(await page.getByTestId('task-kept-link').innerText(), /expires in 23 h 5\d min/);
  await page.getByTestId('history-item').first().waitFor();
  const { items } = await storedItems(page);
  assert.equal(items[0].bytes, 0);
  assert.match(items[0].link, /\/v1\/__files\//);
  assert.ok(Math.abs(items[0].link_expires_ms - expires) < 1, 'the record keeps the expiry');
  await page.reload();
  const kept = page.getByTestId('history-item').first();
  await kept.waitFor();
  assert.match(await kept.getByTestId('history-link').innerText(), /expires at .* \(expires in 23 h/);
  // Still unreadable: "try again" says so, and the link stays.
  await kept.getByTestId('history-link-retry').click();
  await kept.getByRole('alert').waitFor();
  assert.match(await kept.getByRole('alert').innerText(), /could not be fetched.*CORS.*link is kept/);
  assert.equal((await storedItems(page)).items[0].bytes, 0);
});

test('cancel stops polling and forgets the task', async () => {
  const { page } = ctx.app;
  // Poll gaps at 1/20 of their length: "no poll after cancel" is seen over many gaps.
  await page.evaluate(() => localStorage.setItem('gis.timing_scale', '0.05'));
  await page.reload();
  await page.getByTestId('generate').waitFor();
  await taskMode({ duration_ms: 30_000 });
  await useTaskProfile(page);
  await send(page, 'cancel this task');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=task-status]')?.dataset.polls) >= 2);
  await page.getByTestId('cancel').click();
  await page.locator('.run [data-testid=error-message]').first().waitFor();
  assert.match(await page.locator('.run [data-testid=error-message]').first().innerText(), /Cancelled.*bill/);
  const after = (await taskPolls()).length;
  // Six poll gaps at least (they grow to 5 s at most, here 250 ms), on the page's clock.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 1_500)));
  assert.equal((await taskPolls()).length, after, 'no poll after cancel');
  assert.equal(await page.evaluate(() => localStorage.getItem('gis.tasks')), '[]');
});

test('the task body: ratio + resolution in ratio mode, WxH otherwise, image_urls and mask_url', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 500 });
  await useTaskProfile(page);
  await page.getByTestId('size-ratio').selectOption('16:9');
  await page.getByTestId('size-tier').selectOption('2K');
  await page.getByTestId('image-urls').fill('https://example.com/a.png\n\nhttps://example.com/b.jpg');
  await page.getByTestId('mask-url').fill('https://example.com/mask.png');
  await send(page, 'ratio mode task');
  await page.getByTestId('history-item').first().waitFor({ timeout: 15_000 });
  const [first] = await submissions();
  assert.deepEqual(first.json, {
    model: 'gpt-image-2', prompt: 'ratio mode task', size: '16:9', resolution: '2K',
    image_urls: ['https://example.com/a.png', 'https://example.com/b.jpg'], mask_url: 'https://example.com/mask.png',
  });
  assert.equal(first.response_status, 200);
  assert.equal(first.steady, null, 'a task body is not sent to Steady');

  await ctx.backend.clearRequests();
  await page.getByTestId('size-input').fill('1536x1024');
  await page.getByTestId('size-input').press('Tab');
  await page.getByTestId('image-urls').fill('');
  await page.getByTestId('mask-url').fill('');
  await send(page, 'typed size task');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-item]').length === 2, null, { timeout: 15_000 });
  const [second] = await submissions();
  assert.deepEqual(second.json, { model: 'gpt-image-2', prompt: 'typed size task', size: '1536x1024' });
});

test('bad links and local reference files are refused with a message; nothing is sent', async () => {
  const { page } = ctx.app;
  await useTaskProfile(page);
  await page.getByTestId('image-urls').fill('https://example.com/a.png\nC:\\photos\\cat.png');
  assert.match(await page.getByTestId('task-urls-error').innerText(), /line 2.*cat\.png/);
  await send(page, 'bad link');
  assert.match(await page.getByTestId('error-message').innerText(), /line 2.*local file/);

  await page.getByTestId('image-urls').fill('');
  const png = await page.evaluate(async () => {
    const c = new OffscreenCanvas(64, 64);
    c.getContext('2d').fillRect(0, 0, 64, 64);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    return btoa(String.fromCharCode(...bytes));
  });
  await page.getByTestId('reference-input').setInputFiles({ name: 'ref.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  await page.waitForFunction(() => document.querySelector('[data-testid=reference-item][data-state=ready]'));
  await page.getByTestId('task-local-references').waitFor();
  await send(page, 'with a local file');
  assert.match(await page.getByTestId('error-message').innerText(), /public links.*nothing was sent/);
  assert.equal((await submissions()).length, 0);
});

test('without the profile option a task answer is still recognised and followed', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 1_000 });
  await send(page, 'detected task');
  await page.getByTestId('task-status').waitFor();
  await page.getByTestId('history-item').first().waitFor({ timeout: 15_000 });
  const [sub] = await submissions();
  assert.deepEqual(sub.json, { model: 'gpt-image-2', prompt: 'detected task' });
});

test('Cancel stops a result-link fetch that hangs; the link is kept', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 500 });
  await useTaskProfile(page);
  // The task's result file does not answer until the test lets it (after the assertions).
  let held = 0;
  let release;
  const released = new Promise((done) => { release = done; });
  await page.route('**/v1/__files/**', async (route) => {
    held += 1;
    await released;
    await route.continue().catch(() => {});
  });
  await send(page, 'slow result link');
  while (held === 0) await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  const cancelled = Date.now();
  await page.getByTestId('cancel').click();
  const kept = page.getByTestId('history-item').first();
  await kept.waitFor({ timeout: 5_000 });
  assert.ok(Date.now() - cancelled < 5_000, 'the fetch stopped at Cancel');
  assert.equal(await kept.getByTestId('history-link').count(), 1, 'the link is kept');
  release();
  await page.unroute('**/v1/__files/**');
});
