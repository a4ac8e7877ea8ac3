// Async task dialects: the backend imitates sub2api, APIMart, ToAPIs and a gateway only a
// custom dialect reads; the profile's dialect sends each to its submit path, polls its poll
// path, stores the result, and a reload mid-task resumes polling at the dialect's path.
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

beforeEach(async () => { await taskMode(null); });

/** The endpoint drawer folds once the endpoint has answered: open it to change the profile. */
async function openEndpoint(page) {
  if (!(await page.getByTestId('task-profile-option').isVisible())) await page.getByTestId('endpoint-toggle').click();
}

async function useDialect(page, dialect) {
  await openEndpoint(page);
  await page.getByTestId('task-profile-option').check();
  await page.getByTestId('task-dialect').selectOption(dialect);
}

async function send(page, prompt) {
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('generate').click();
}

const requests = async () => ctx.backend.requests();

async function storedImages(page) {
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

/** Generates through the configured dialect and checks where it went and what was stored. */
async function generatesThrough(page, { prompt, submitPath, pollPrefix, count = 1 }) {
  await ctx.backend.clearRequests();
  await send(page, prompt);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=history-item]').length >= n, count, { timeout: 20_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=result-image][data-width]'));
  const log = await requests();
  const submissions = log.filter((r) => r.method === 'POST');
  assert.deepEqual(submissions.map((r) => r.path), [submitPath], 'one submission, at the dialect\'s path');
  const polls = log.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/') && !r.path.startsWith('/v1/__files'));
  assert.ok(polls.length >= 1, 'polled');
  for (const p of polls) assert.ok(p.path.startsWith(pollPrefix), `polled at ${p.path}, not ${pollPrefix}`);
  assert.ok(polls.every((p) => p.response_status === 200), 'every poll found its task');
  const stored = await storedImages(page);
  assert.equal(stored.images, count);
  assert.ok(stored.items.every((i) => i.bytes > 1000 && !i.link), 'the images are stored, not kept as links');
  assert.equal(await page.evaluate(() => localStorage.getItem('gis.tasks')), '[]');
  return submissions[0];
}

test('sub2api: OpenAI\'s body to /images/generations/async, edits to /images/edits/async, polled at /images/tasks/{id}', async () => {
  const { page, problems } = ctx.app;
  await taskMode({ duration_ms: 2_000, dialect: 'sub2api' });
  await useDialect(page, 'sub2api');
  assert.match(await page.getByTestId('task-dialect-route').innerText(),
    /Submitted to http:\/\/127\.0\.0\.1:\d+\/v1\/images\/generations\/async, polled at .*\/v1\/images\/tasks\/\{id\}\. Edits .* go to .*\/v1\/images\/edits\/async/);
  // No link fields: this dialect takes files.
  assert.equal(await page.getByTestId('image-urls').count(), 0);
  await page.getByTestId('quality').selectOption('low');
  const sub = await generatesThrough(page, { prompt: 'a sub2api fox', submitPath: '/v1/images/generations/async', pollPrefix: '/v1/images/tasks/imgtask_' });
  assert.deepEqual(sub.json, { model: 'gpt-image-2', prompt: 'a sub2api fox', quality: 'low' });

  const png = await page.evaluate(async () => {
    const c = new OffscreenCanvas(64, 64);
    c.getContext('2d').fillRect(0, 0, 64, 64);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    return btoa(String.fromCharCode(...bytes));
  });
  await page.getByTestId('reference-input').setInputFiles({ name: 'ref.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  await page.waitForFunction(() => document.querySelector('[data-testid=reference-item][data-state=ready]'));
  const edit = await generatesThrough(page, { prompt: 'edit it', submitPath: '/v1/images/edits/async', pollPrefix: '/v1/images/tasks/imgtask_', count: 2 });
  assert.ok(edit.parts.some((p) => p.name === 'image[]' && p.filename), 'the reference went as a file');
  assert.ok(!edit.parts.some((p) => p.name === 'stream'), 'a task is never streamed');
  assert.deepEqual(problems, []);
});

test('APIMart-style: the task list answer, polled at /tasks/{id}, recognised without choosing', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 2_000, dialect: 'apimart' });
  await useDialect(page, 'apimart');
  await page.getByTestId('size-ratio').selectOption('16:9');
  const sub = await generatesThrough(page, { prompt: 'an apimart fox', submitPath: '/v1/images/generations', pollPrefix: '/v1/tasks/task_01K' });
  assert.equal(sub.json.size, '16:9', 'the task gateway body: ratio + resolution');
  assert.match(sub.json.resolution, /^[124]K$/);
  // Auto recognises the same answer.
  await openEndpoint(page);
  await page.getByTestId('task-dialect').selectOption('auto');
  await generatesThrough(page, { prompt: 'recognised apimart', submitPath: '/v1/images/generations', pollPrefix: '/v1/tasks/task_01K', count: 2 });
});

test('ToAPIs-style: generation.task, polled at /images/generations/{id}', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 2_000, dialect: 'toapis' });
  await useDialect(page, 'toapis');
  await generatesThrough(page, { prompt: 'a toapis fox', submitPath: '/v1/images/generations', pollPrefix: '/v1/images/generations/task_img_' });
});

test('a custom dialect: its fields, the test box, then a generation through it', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 2_000, dialect: 'custom' });
  await useDialect(page, 'custom');
  const set = async (id, value) => {
    await page.getByTestId(id).fill(value);
    await page.getByTestId(id).blur();
  };
  await set('dialect-submit-path', 'custom/images');
  await set('dialect-task-id-path', 'job.ref');
  await set('dialect-poll-path', 'custom/jobs');
  // A poll path without {id}: said at once, and nothing is sent.
  await page.getByTestId('task-dialect-error').waitFor();
  assert.match(await page.getByTestId('task-dialect-error').innerText(), /must contain \{id\} exactly once/);
  await send(page, 'not yet');
  assert.match(await page.getByTestId('error-message').innerText(), /cannot be used yet.*\{id\}/);
  assert.equal((await requests()).filter((r) => r.method === 'POST').length, 0);
  await set('dialect-poll-path', 'custom/jobs/{id}');
  await set('dialect-status-path', 'job.state');
  await set('dialect-done-words', 'SHIPPED');
  await set('dialect-failed-words', 'BROKEN');
  await set('dialect-result-paths', 'job.outputs[].href');
  await set('dialect-progress-path', 'job.pct');
  await set('dialect-error-path', 'job.problem.text');
  assert.match(await page.getByTestId('task-dialect-route').innerText(), /Submitted to .*\/v1\/custom\/images, polled at .*\/v1\/custom\/jobs\/\{id\}/);

  await page.locator('.dialect-test summary').click();
  const box = page.getByTestId('task-dialect-test');
  const result = page.getByTestId('task-dialect-test-result');
  await box.fill('{"job":{"ref":"job-1","state":"SHIPPED","outputs":[]}}');
  assert.match(await result.innerText(), /Task id: job-1[\s\S]*State: done \(the gateway says "SHIPPED"\)[\s\S]*No result URLs at job\.outputs\[\]\.href/);
  await box.fill('{"job":{"state":"RUNNING","pct":40}}');
  assert.match(await result.innerText(), /State: waiting[\s\S]*Progress: 40 %[\s\S]*No task id at job\.ref/);
  await box.fill('{"job":{"ref":"j","state":"BROKEN","problem":{"text":"GPU fell over"}}}');
  assert.match(await result.innerText(), /State: failed[\s\S]*Error: GPU fell over/);
  await box.fill('not json');
  assert.match(await result.innerText(), /not JSON/);

  await generatesThrough(page, { prompt: 'a custom fox', submitPath: '/v1/custom/images', pollPrefix: '/v1/custom/jobs/job-' });
  // Stored on the profile: a reload keeps the dialect.
  await page.reload();
  await page.getByTestId('generate').waitFor();
  await openEndpoint(page);
  assert.equal(await page.getByTestId('task-dialect').inputValue(), 'custom');
  assert.equal(await page.getByTestId('dialect-result-paths').inputValue(), 'job.outputs[].href');
});

test('a reload mid-task resumes polling at the dialect\'s path and completes (sub2api)', async () => {
  const { page } = ctx.app;
  await taskMode({ duration_ms: 8_000, dialect: 'sub2api' });
  await useDialect(page, 'sub2api');
  await send(page, 'resume me through sub2api');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=task-status]')?.dataset.polls) >= 1);
  const journaled = JSON.parse(await page.evaluate(() => localStorage.getItem('gis.tasks')));
  assert.equal(journaled.length, 1);
  assert.match(journaled[0].task_id, /^imgtask_/);
  assert.deepEqual(journaled[0].dialect, { kind: 'sub2api' }, 'the journal says where to poll');
  // The profile changes meanwhile: the task is still polled where it lives.
  await openEndpoint(page);
  await page.getByTestId('task-dialect').selectOption('toapis');
  await page.reload();
  await page.getByTestId('generate').waitFor();
  await page.getByTestId('task-resumed').waitFor();
  assert.equal(await page.getByTestId('interrupted-item').count(), 0, 'resumed, not interrupted');
  await page.getByTestId('history-item').first().waitFor({ timeout: 20_000 });
  const log = await requests();
  const polls = log.filter((r) => r.method === 'GET' && !r.path.startsWith('/v1/__files') && r.path.startsWith('/v1/'));
  assert.ok(polls.length >= 2);
  assert.ok(polls.every((p) => p.path === `/v1/images/tasks/${journaled[0].task_id}` && p.response_status === 200), JSON.stringify(polls.map((p) => p.path)));
  assert.equal(log.filter((r) => r.method === 'POST').length, 1, 'not submitted again');
  assert.equal((await storedImages(page)).images, 1);
  assert.equal(await page.evaluate(() => localStorage.getItem('gis.tasks')), '[]');
});
