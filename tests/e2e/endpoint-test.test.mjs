// Gateway presets and "Test this endpoint": a preset fills a new profile, the free checks
// (CORS preflights, the key against /models) bill nothing, the paid test goes only after its
// confirm, and the profile's quirks (edit field name) reach the wire.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, showEndpoint } from './harness.mjs';
import { png } from './files.mjs';

const ctx = useApp();

/** The backend's key mode: only `keys` are taken (none: any key). */
async function acceptKeys(keys) {
  const origin = new URL(ctx.backend.apiUrl).origin;
  const res = await fetch(`${origin}/__admin/keys`, keys
    ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accept: keys }) }
    : { method: 'DELETE' });
  assert.equal(res.status, 200);
}

const generations = async () =>
  (await ctx.backend.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/images/generations'));

/** The results of the last test, by check: `{ok, text}`. */
async function results(page) {
  return Object.fromEntries(await page.$$eval('[data-testid=endpoint-test-result]', (items) =>
    items.map((i) => [i.dataset.check, { ok: i.dataset.ok, text: i.textContent }])));
}

async function runFreeChecks(page) {
  await page.getByTestId('endpoint-test').click();
  await page.waitForFunction(() => {
    const checks = [...document.querySelectorAll('[data-testid=endpoint-test-result]')].map((i) => i.dataset.check);
    return ['cors-generations', 'cors-edits', 'auth'].every((c) => checks.includes(c))
      && !document.querySelector('[data-testid=endpoint-test-running]');
  }, null, { timeout: 30_000 });
  return results(page);
}

async function openLimits(page) {
  const details = page.locator('details.endpoint-options');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

test('the LiteLLM preset fills a new profile with its base URL and limits, all editable', async () => {
  const { page, problems } = ctx.app;
  await showEndpoint(page);
  const before = await page.getByTestId('profile').inputValue();
  await page.getByTestId('profile-preset').selectOption('litellm');
  assert.match(await page.getByTestId('profile-preset-note').innerText(), /cannot relay image streams/);
  await page.getByTestId('profile-new').click();
  const made = await page.getByTestId('profile').inputValue();
  assert.notEqual(made, before, 'a new profile, made active');
  assert.equal(await page.getByTestId('base-url').inputValue(), 'http://localhost:4000/v1');
  assert.equal(await page.getByTestId('profile-name').inputValue(), 'LiteLLM');
  await openLimits(page);
  assert.equal(await page.getByTestId('server-retries').inputValue(), '0', 'LiteLLM retries upstream itself');
  assert.equal(await page.getByTestId('max-per-request').inputValue(), '10');
  assert.equal(await page.getByTestId('edit-image-field').inputValue(), 'image[]');
  assert.equal(await page.getByTestId('max-references').inputValue(), '', 'the model cap');
  assert.match(await page.getByTestId('max-references').getAttribute('placeholder'), /16/);
  // Editable afterwards, and kept with the profile; the profile the page started with is
  // untouched.
  await page.getByTestId('max-references').fill('5');
  await page.getByTestId('max-references').press('Tab');
  await page.getByTestId('edit-image-field').selectOption('image');
  await page.getByTestId('profile').selectOption(before);
  assert.equal(await page.getByTestId('base-url').inputValue(), ctx.backend.apiUrl);
  assert.equal(await page.getByTestId('edit-image-field').inputValue(), 'image[]');
  assert.equal(await page.getByTestId('max-references').inputValue(), '');
  assert.notEqual(await page.getByTestId('server-retries').inputValue(), '0', 'the default retries');
  await page.getByTestId('profile').selectOption(made);
  assert.equal(await page.getByTestId('base-url').inputValue(), 'http://localhost:4000/v1');
  assert.equal(await page.getByTestId('max-references').inputValue(), '5');
  assert.equal(await page.getByTestId('edit-image-field').inputValue(), 'image');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('gis.profiles')));
  const litellm = stored.profiles.find((p) => p.name === 'LiteLLM');
  assert.equal(litellm.options.max_references, 5);
  assert.equal(litellm.options.edit_image_field, 'plain');
  assert.equal(litellm.options.streaming, 'refused', 'streaming starts off');
  assert.equal((await ctx.backend.requests()).length, 0);
  assert.deepEqual(problems, []);
});

test('the free checks pass CORS and the key against the local backend, and bill nothing', async () => {
  const { page, problems } = ctx.app;
  await showEndpoint(page);
  await page.getByTestId('api-key').fill('sk-e2e-free-checks');
  const found = await runFreeChecks(page);
  assert.equal(found['cors-generations'].ok, 'true', found['cors-generations'].text);
  assert.equal(found['cors-edits'].ok, 'true', found['cors-edits'].text);
  assert.equal(found.auth.ok, 'true', found.auth.text);
  assert.match(found.auth.text, /gpt-image-2 among them/);
  assert.equal((await ctx.backend.requests()).length, 0, 'no image request, nothing billed');
  assert.equal(await page.getByTestId('endpoint-test-result').count(), 3, 'no paid finding yet');
  assert.deepEqual(problems, []);
});

test('a key the endpoint refuses is reported as refused (401), CORS still passes', async () => {
  const { page, problems } = ctx.app;
  await acceptKeys(['sk-the-right-one']);
  try {
    await showEndpoint(page);
    await page.getByTestId('api-key').fill('sk-a-wrong-key-0000');
    let found = await runFreeChecks(page);
    assert.equal(found['cors-generations'].ok, 'true');
    assert.equal(found.auth.ok, 'false', found.auth.text);
    assert.match(found.auth.text, /refused \(401\)/);
    assert.match(found.auth.text, /Incorrect API key provided/);
    // The right key: accepted, and the finding replaced.
    await page.getByTestId('api-key').fill('sk-the-right-one');
    await page.getByTestId('endpoint-test').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=endpoint-test-result][data-check=auth]')?.dataset.ok === 'true');
  } finally {
    await acceptKeys(null);
  }
  assert.deepEqual(problems, []);
});

test('the paid test shows its price and is sent only after the confirm', async () => {
  const { page, problems } = ctx.app;
  await showEndpoint(page);
  await page.getByTestId('api-key').fill('sk-e2e-paid');
  assert.match(await page.getByTestId('endpoint-probe-what').innerText(), /\$0\.006/);
  await page.getByTestId('endpoint-probe-n').check();
  assert.match(await page.getByTestId('endpoint-probe-what').innerText(), /\$0\.012/, 'two images, twice the price');
  await page.getByTestId('endpoint-probe-n').uncheck();

  // Offered, then not sent.
  await page.getByTestId('endpoint-probe').click();
  assert.match(await page.getByTestId('endpoint-probe-price').innerText(), /billable request.*\$0\.006/);
  await page.getByTestId('endpoint-probe-cancel').click();
  await page.getByTestId('endpoint-probe').click();
  await page.waitForTimeout(300);
  assert.equal((await generations()).length, 0, 'nothing before the confirm');

  await page.getByTestId('endpoint-probe-confirm').click();
  await page.locator('[data-testid=endpoint-test-result][data-check=size]').waitFor({ timeout: 60_000 });
  const log = await generations();
  assert.equal(log.length, 1, 'exactly one paid request');
  assert.equal(log[0].steady?.status, 200, 'Steady accepted it');
  assert.deepEqual({ ...log[0].json, prompt: undefined }, {
    model: 'gpt-image-2', prompt: undefined, size: '1024x1024', quality: 'low', output_format: 'jpeg', stream: true,
  });
  assert.equal(log[0].headers.authorization, 'Bearer sk-e2e-paid');
  const found = await results(page);
  for (const check of ['probe', 'size', 'format', 'stream']) assert.equal(found[check]?.ok, 'true', `${check}: ${found[check]?.text}`);
  assert.match(found.size.text, /1024x1024, as asked/);
  assert.match(found.format.text, /JPEG, as asked/);
  assert.equal(found.n, undefined, 'n was not asked');
  // It was paid for: its image is kept in the history like any result.
  await page.getByTestId('history-item').first().waitFor();
  assert.equal(await page.getByTestId('history-item').count(), 1, 'the paid image is in the history');

  // Stored on the profile: a reload shows them again.
  await page.reload();
  await page.getByTestId('generate').waitFor();
  await showEndpoint(page);
  await page.locator('[data-testid=endpoint-test-result][data-check=size]').waitFor();
  assert.equal((await generations()).length, 1);
  assert.equal(await page.getByTestId('history-item').count(), 1, 'still kept after a reload');
  assert.deepEqual(problems, []);
});

test('the paid test sees a size the endpoint changed, and n it ignored', async () => {
  const { page, problems } = ctx.app;
  // One rule per request, in order: first a smaller image, then one image for n=2.
  await ctx.backend.fault({ match: 'red apple', variant: 'downgrade_echo_size' });
  await ctx.backend.fault({ match: 'red apple', variant: 'one_image' });
  await showEndpoint(page);
  await page.getByTestId('endpoint-probe-stream').uncheck();
  await page.getByTestId('endpoint-probe').click();
  await page.getByTestId('endpoint-probe-confirm').click();
  await page.locator('[data-testid=endpoint-test-result][data-check=size]').waitFor({ timeout: 60_000 });
  let found = await results(page);
  assert.equal(found.size.ok, 'false', found.size.text);
  assert.match(found.size.text, /Asked for 1024x1024, the image is \d+x\d+: this endpoint changes the size/);
  assert.equal(found.format.ok, 'true', found.format.text);

  await page.getByTestId('endpoint-probe-n').check();
  await page.getByTestId('endpoint-probe').click();
  assert.match(await page.getByTestId('endpoint-probe-confirm').innerText(), /\$0\.012/);
  await page.getByTestId('endpoint-probe-confirm').click();
  await page.locator('[data-testid=endpoint-test-result][data-check=n]').waitFor({ timeout: 60_000 });
  found = await results(page);
  assert.equal(found.n.ok, 'false', found.n.text);
  assert.match(found.n.text, /got 1: n is ignored here/);
  assert.equal(found.size.ok, 'true', 'the earlier paid findings were replaced');
  const log = await generations();
  assert.deepEqual(log.map((r) => [r.json.n, r.json.stream]), [[undefined, undefined], [2, undefined]]);
  // n ignored: the profile now splits n into single requests.
  await openLimits(page);
  assert.equal(await page.getByTestId('max-per-request').inputValue(), '1');
  assert.deepEqual(problems, []);
});

test('an edit with "image" as the field name sends image parts', async () => {
  const { page, problems } = ctx.app;
  await showEndpoint(page);
  await openLimits(page);
  await page.getByTestId('edit-image-field').selectOption('image');
  await page.getByTestId('reference-input').setInputFiles({
    name: 'ref.png', mimeType: 'image/png', buffer: png(64, 48, { pixel: (x, y) => [x * 3, y * 4, 90] }),
  });
  await page.locator('[data-testid=reference-item][data-state=ready]').waitFor({ timeout: 60_000 });
  await page.getByTestId('quality').selectOption('low');
  await page.getByTestId('prompt').fill('An edit through the plain image field');
  await page.getByTestId('generate').click();
  await page.locator('[data-testid=result-image][data-width]').waitFor({ timeout: 60_000 });
  const [edit] = (await ctx.backend.requests()).filter((r) => r.path.endsWith('/images/edits'));
  assert.ok(edit, 'an edit was sent');
  const files = edit.parts.filter((p) => p.filename).map((p) => p.name);
  assert.deepEqual(files, ['image']);
  assert.equal(edit.steady?.status, 200, 'Steady accepts a single image part');
  assert.equal(edit.response_status, 200);
  assert.deepEqual(problems, []);
});
