// Two tabs of the app in one browser profile share its storage but never disturb each other:
// a second tab neither marks the first tab's requests as interrupted nor polls its tasks; when
// a tab goes, another takes over what it left; settings and profiles follow across tabs while
// each tab keeps the profile it chose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './harness.mjs';

const ctx = useApp();

const adminUrl = (what) => `${new URL(ctx.backend.apiUrl).origin}/__admin/${what}`;

async function admin(what, method, body) {
  const res = await fetch(adminUrl(what), {
    method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
  });
  assert.ok(res.ok, `${what}: ${res.status} ${await res.text()}`);
}

/** A second tab of the same browser profile (same storage, same locks). */
async function secondTab() {
  const page = await ctx.app.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(ctx.backend.appUrl);
  await page.getByTestId('generate').waitFor();
  // The tab holds its lock and has looked at the journals once it lists its own tab lock.
  await page.waitForFunction(() => navigator.locks.query().then((s) => s.held.length >= 2));
  return { page, errors };
}

const generations = async () => (await ctx.backend.requests()).filter((r) => r.path === '/v1/images/generations');
const taskPolls = async () => (await ctx.backend.requests()).filter((r) => r.method === 'GET' && r.path.startsWith('/v1/tasks/'));
const storedCount = (page) => page.evaluate(() => new Promise((res, rej) => {
  const r = indexedDB.open('gpt-image-studio');
  r.onerror = () => rej(r.error);
  r.onsuccess = () => {
    const q = r.result.transaction('items').objectStore('items').count();
    q.onsuccess = () => { r.result.close(); res(q.result); };
    q.onerror = () => rej(q.error);
  };
}));

test('a second tab leaves the first tab\'s request alone: not interrupted, kept once', async () => {
  const { page } = ctx.app;
  await admin('faults', 'POST', { match: 'slow in tab one', delay_ms: 2_500 });
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('prompt').fill('slow in tab one');
  await page.getByTestId('generate').click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('gis.journal') || '[]').length === 1);

  const second = await secondTab();
  assert.equal(await second.page.getByTestId('interrupted-item').count(), 0, 'the first tab\'s request is not interrupted');
  assert.equal(JSON.parse(await second.page.evaluate(() => localStorage.getItem('gis.journal'))).length, 1, 'its journal entry stays');

  await page.waitForFunction(() => document.querySelector('[data-testid=result-image][data-width]'));
  assert.equal(await page.getByTestId('interrupted-item').count(), 0);
  assert.equal((await generations()).length, 1, 'sent once');
  assert.equal(await storedCount(page), 1, 'kept once');
  assert.equal(await page.evaluate(() => localStorage.getItem('gis.journal')), '[]');
  assert.deepEqual(second.errors, []);
});

test('a reload of the only tab still lists its cut request as interrupted', async () => {
  const { page } = ctx.app;
  await admin('faults', 'POST', { match: 'cut by reload', delay_ms: 10_000 });
  await page.getByTestId('prompt').fill('cut by reload');
  await page.getByTestId('generate').click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('gis.journal') || '[]').length === 1);
  page.on('dialog', (d) => d.accept());
  await page.reload();
  await page.getByTestId('interrupted-item').waitFor();
  assert.equal(await page.getByTestId('interrupted-item').count(), 1);
  assert.equal(await page.evaluate(() => localStorage.getItem('gis.journal')), '[]');
});

test('a task is polled by one tab; when that tab closes, the other takes it over', async () => {
  const { page } = ctx.app;
  await admin('task_mode', 'POST', { duration_ms: 5_000 });
  try {
    await page.getByTestId('task-profile-option').check();
    await page.getByTestId('prompt').fill('a task in tab one');
    await page.getByTestId('generate').click();
    await page.getByTestId('task-status').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=task-status]')?.dataset.polls) >= 1);

    const second = await secondTab();
    assert.equal(await second.page.getByTestId('task-status').count(), 0, 'the second tab does not poll the first tab\'s task');
    assert.equal(await second.page.getByTestId('interrupted-item').count(), 0);
    const polls = (await taskPolls()).length;
    // Tab one goes while its task runs: tab two takes the task over and finishes it.
    await page.close({ runBeforeUnload: false });
    await second.page.getByTestId('task-resumed').waitFor({ timeout: 10_000 });
    await second.page.getByTestId('history-item').first().waitFor({ timeout: 20_000 });
    assert.ok((await taskPolls()).length > polls, 'polling went on in the second tab');
    assert.equal(await storedCount(second.page), 1, 'the result is kept once');
    assert.equal(await second.page.getByTestId('interrupted-item').count(), 0, 'resumed, not interrupted');
    assert.equal(await second.page.evaluate(() => localStorage.getItem('gis.tasks')), '[]');
    assert.deepEqual(second.errors, []);
  } finally {
    await admin('task_mode', 'DELETE');
  }
});

test('settings and profiles follow across tabs; each tab keeps the profile it uses', async () => {
  const { page } = ctx.app;
  const second = await secondTab();
  // A setting changed in one tab shows in the other.
  await page.getByTestId('model').fill('gpt-image-2-tab-one');
  await page.getByTestId('model').press('Tab');
  await second.page.waitForFunction(() => document.querySelector('[data-testid=model]').value === 'gpt-image-2-tab-one');
  // A profile added and chosen in the second tab is listed in the first, which stays on its own.
  const firstProfile = await page.getByTestId('profile').inputValue();
  const listed = await page.locator('[data-testid=profile] option').count();
  await second.page.getByTestId('profile-new').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=profile] option').length === n + 1, listed);
  assert.equal(await page.getByTestId('profile').inputValue(), firstProfile, 'the first tab keeps its profile');
  assert.notEqual(await second.page.getByTestId('profile').inputValue(), firstProfile);
  // Back and forth: nothing echoes between the tabs.
  const before = await page.evaluate(() => localStorage.getItem('gis.profiles'));
  await page.getByTestId('prompt').fill('settled');
  assert.equal(await second.page.evaluate(() => localStorage.getItem('gis.profiles')), before);
  assert.deepEqual(second.errors, []);
});
