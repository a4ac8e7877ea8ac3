// The model registry in the studio: the picker, controls that follow the chosen model, the
// retirement warning, native transparency on gpt-image-2.5 and a cut-out made in the browser
// for gpt-image-2. Every request the app made is checked against OpenAI's spec by Steady.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, showEndpoint } from './harness.mjs';

const ctx = useApp();

async function assertAllSpecValid() {
  const log = await ctx.backend.requests();
  for (const r of log) assert.equal(r.steady?.status, 200, `Steady rejected ${JSON.stringify(r.json)}`);
  return log;
}

/** Types a model name and leaves the field, as a person does; the form follows it. */
async function chooseModel(page, name) {
  const field = page.getByTestId('model');
  await field.fill(name);
  await field.blur();
  await page.waitForFunction((n) => document.querySelector('[data-testid=model]').dataset.settled === n, name);
}

async function options(page, testid) {
  return page.getByTestId(testid).locator('option:not([disabled])').evaluateAll((os) => os.map((o) => o.value));
}

/** Alpha of an image's corners and centre, and its share of opaque pixels, read in the page. */
async function alphaAt(page, locator) {
  return locator.evaluate(async (img) => {
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const all = g.getImageData(0, 0, c.width, c.height).data;
    const a = (x, y) => all[(y * c.width + x) * 4 + 3];
    const [w, h] = [c.width - 1, c.height - 1];
    let opaque = 0;
    for (let i = 3; i < all.length; i += 4) if (all[i] === 255) opaque += 1;
    return { corners: [a(0, 0), a(w, 0), a(0, h), a(w, h)], centre: a(w >> 1, h >> 1), opaqueShare: opaque / (c.width * c.height) };
  });
}

test('the picker offers the 2.5 models with a note each, and the note says what the chosen one can do', async () => {
  const { page, problems } = ctx.app;
  const listed = await page.locator('#model-options option').evaluateAll((os) => os.map((o) => [o.value, o.label]));
  const names = listed.map(([v]) => v);
  for (const m of ['gpt-image-2', 'gpt-image-2.5-flare', 'gpt-image-2.5-sunburst', 'gpt-image-1.5', 'dall-e-3']) assert.ok(names.includes(m), m);
  const flare = listed.find(([v]) => v === 'gpt-image-2.5-flare')[1];
  assert.match(flare, /fast/);
  assert.match(flare, /medium 1024x1024: ~\$[\d.]+, /);

  assert.deepEqual(await options(page, 'quality'), ['auto', 'low', 'medium', 'high']);
  assert.match(await page.getByTestId('model-note').innerText(), /no transparent background/);
  await chooseModel(page, 'gpt-image-2.5-flare');
  assert.deepEqual(await options(page, 'quality'), ['auto', 'low', 'medium', 'high', 'xhigh', 'max']);
  assert.match(await page.getByTestId('model-note').innerText(), /quality up to max, native transparent background/);
  assert.deepEqual(await options(page, 'background'), ['auto', 'opaque', 'transparent']);

  await chooseModel(page, 'my-gateway-model');
  assert.equal(await page.getByTestId('model-note').innerText(), 'unknown model: nothing is checked');
  assert.deepEqual(await options(page, 'quality'), ['auto', 'low', 'medium', 'high', 'xhigh', 'max']);
  assert.deepEqual(problems, []);
});

test('switching models keeps what is still valid and names what changed; 2.5 requests pass the spec', async () => {
  const { page, problems } = ctx.app;
  await chooseModel(page, 'gpt-image-2.5-flare');
  await page.getByTestId('quality').selectOption('max');
  await page.getByTestId('output-format').selectOption('webp');
  await page.getByTestId('background').selectOption('transparent');
  assert.equal(await page.getByTestId('output-format').locator('option[value=jpeg]').isDisabled(), true);
  assert.match(await page.getByTestId('format-note').innerText(), /JPEG is off/);
  assert.match(await page.getByTestId('expected-time').innerText(), /max quality/);

  await page.getByTestId('prompt').fill('A glass bottle, flare max');
  await page.getByTestId('generate').click();
  await page.getByTestId('result-image').waitFor();
  let [req] = await assertAllSpecValid();
  assert.deepEqual(req.json, {
    model: 'gpt-image-2.5-flare', prompt: 'A glass bottle, flare max', quality: 'max', output_format: 'webp', background: 'transparent',
  });

  await chooseModel(page, 'gpt-image-2');
  const changes = await page.getByTestId('model-changes').locator('li').allInnerTexts();
  assert.deepEqual(changes, [
    'gpt-image-2 has no max quality: set to high',
    'gpt-image-2 has no native transparent background: set to transparent-local (cut out in the browser from a flat key colour)',
  ]);
  assert.equal(await page.getByTestId('quality').inputValue(), 'high');
  assert.equal(await page.getByTestId('background').inputValue(), 'transparent-local');
  assert.equal(await page.getByTestId('output-format').inputValue(), 'webp', 'still valid, so kept');

  // Half-typing a name changes nothing until the field is left.
  await chooseModel(page, 'gpt-image-2.5-sunburst');
  await page.getByTestId('quality').selectOption('xhigh');
  await page.getByTestId('model').fill('');
  await page.getByTestId('model').pressSequentially('gpt-image-2.5-flare');
  // It went through "gpt-image-2" on the way, and was followed only once complete.
  await page.waitForFunction(() => document.querySelector('[data-testid=model]').dataset.settled === 'gpt-image-2.5-flare');
  assert.equal(await page.getByTestId('quality').inputValue(), 'xhigh');
  assert.equal(await page.getByTestId('model-changes').count(), 0);
  assert.deepEqual(problems, []);
});

test('a retired model warns before anything is sent, and sends only once confirmed', async () => {
  const { page, problems } = ctx.app;
  await chooseModel(page, 'gpt-image-1.5');
  assert.match(await page.getByTestId('model-note').innerText(), /gpt-image-1\.5 was retired on 2026-12-01; requests to it fail at OpenAI\. Try gpt-image-2\.5-flare/);
  await page.getByTestId('prompt').fill('A retired model, e2e');
  await page.getByTestId('generate').click();
  const warning = page.getByTestId('retired-warning');
  await warning.waitFor();
  assert.match(await warning.innerText(), /was retired on 2026-12-01.*Nothing was sent/s);
  assert.equal((await ctx.backend.requests()).length, 0, 'nothing went out');

  await page.getByTestId('retired-send').click();
  await page.getByTestId('error-message').waitFor();
  const log = await ctx.backend.requests();
  assert.equal(log.length, 1);
  assert.equal(log[0].json.model, 'gpt-image-1.5');
  assert.match(await page.getByTestId('error-message').innerText(), /404|not found|does not exist/i);

  // The replacement in one click: the warning goes, nothing is sent by itself.
  await page.getByTestId('prompt').fill('A retired model again, e2e');
  await chooseModel(page, 'dall-e-3');
  await page.getByTestId('generate').click();
  await page.getByTestId('retired-switch').click();
  assert.equal(await page.getByTestId('model').inputValue(), 'gpt-image-2.5-flare');
  assert.equal(await page.getByTestId('retired-warning').count(), 0);
  assert.equal((await ctx.backend.requests()).length, 1);
  assert.deepEqual(problems, []);
});

test('native transparency on gpt-image-2.5 gives real alpha', async () => {
  const { page, problems } = ctx.app;
  await chooseModel(page, 'gpt-image-2.5-sunburst');
  await page.getByTestId('background').selectOption('transparent');
  await page.getByTestId('prompt').fill('A paper lantern, native alpha');
  await page.getByTestId('generate').click();
  const img = page.getByTestId('result-image');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-image]')?.dataset.width);
  const { corners, opaqueShare } = await alphaAt(page, img);
  assert.deepEqual(corners, [0, 0, 0, 0]);
  assert.ok(opaqueShare > 0.02, `an opaque subject (${opaqueShare})`);
  const [req] = await assertAllSpecValid();
  assert.equal(req.json.background, 'transparent');
  assert.deepEqual(problems, []);
});

test('gpt-image-2 gets a cut-out made in the browser, kept beside the original in the history', async () => {
  const { page, problems } = ctx.app;
  await page.getByTestId('background').selectOption('transparent-local');
  assert.match(await page.getByTestId('background-note').innerText(), /flat green \(#00FF00\)/);
  await page.getByTestId('prompt').fill('A red paper lantern');
  assert.equal(await page.getByTestId('backdrop').inputValue(), 'auto');
  await page.getByTestId('generate').click();
  const cutout = page.getByTestId('cutout-image');
  await cutout.waitFor({ timeout: 30_000 });
  const share = Number(await cutout.getAttribute('data-alpha'));
  assert.ok(share > 0.3 && share < 0.95, `transparent share ${share}`);
  const { corners, centre } = await alphaAt(page, cutout);
  assert.deepEqual(corners, [0, 0, 0, 0]);
  assert.equal(centre, 255);
  // The original, on its key colour, stays.
  const original = await alphaAt(page, page.getByTestId('result-image'));
  assert.deepEqual(original.corners, [255, 255, 255, 255]);

  const [req] = await assertAllSpecValid();
  assert.equal(req.json.background, undefined, 'no background on the wire');
  assert.equal(req.json.output_format, undefined, 'PNG, the default');
  assert.match(req.json.prompt, /^A red paper lantern\. Show the subject alone, .*pure green \(#00FF00\) background/);

  // After a reload, the history holds both; the stored cut-out is transparent at the corners.
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-item]').length === 2);
  const kept = page.locator('[data-testid=history-item][data-id$="-k"]');
  assert.equal(await kept.count(), 1);
  await kept.getByTestId('history-open').click();
  const full = kept.getByTestId('history-full');
  await full.waitFor();
  const stored = await alphaAt(page, full);
  assert.deepEqual(stored.corners, [0, 0, 0, 0]);
  assert.equal(stored.centre, 255);
  assert.deepEqual(problems, []);
});

test('an endpoint refusing native transparency offers the cut-out in one click, never by itself', async () => {
  const { page, problems } = ctx.app;
  // Unknown to the app (so transparent is offered), gpt-image-2 to the backend (so it is refused).
  await chooseModel(page, 'gpt-image-2-all');
  await page.getByTestId('background').selectOption('transparent');
  await page.getByTestId('prompt').fill('A magenta kite');
  await page.getByTestId('generate').click();
  await page.getByTestId('cutout-offer').waitFor();
  assert.match(await page.getByTestId('error-message').innerText(), /background/);
  assert.equal((await ctx.backend.requests()).length, 1, 'not resent by itself');

  await page.getByTestId('cutout-offer').click();
  await page.getByTestId('cutout-image').waitFor({ timeout: 30_000 });
  const log = await ctx.backend.requests();
  assert.equal(log.length, 2);
  assert.equal(log[1].json.background, undefined);
  // A magenta subject: keyed on green.
  assert.match(log[1].json.prompt, /pure green \(#00FF00\)/);
  assert.deepEqual(problems, []);
});

test("a profile's own model name follows the rules and flat price it is mapped to", async () => {
  const { page, problems } = ctx.app;
  await showEndpoint(page);
  await page.getByText("This gateway's model names").click();
  await page.getByTestId('model-aliases').fill('gpt-image-2-all = gpt-image-2, $0.02\nbroken line');
  await page.getByTestId('model-aliases').blur();
  assert.match(await page.getByTestId('model-aliases-error').innerText(), /Line 2: write it as/);
  await page.getByTestId('model-aliases').fill('gpt-image-2-all = gpt-image-2, $0.02');
  await page.getByTestId('model-aliases').blur();
  assert.equal(await page.getByTestId('model-aliases-error').count(), 0);
  await chooseModel(page, 'gpt-image-2-all');
  assert.match(await page.getByTestId('model-note').innerText(), /this profile's name for gpt-image-2 \(its rules, \$0\.02 per image\)/);
  assert.deepEqual(await options(page, 'background'), ['auto', 'opaque', 'transparent-local']);
  assert.match(await page.getByTestId('expected-time').innerText(), /cost \$0\.02 /);
  // The answer is priced as the form was: at the profile's flat price, not by tokens.
  await page.getByTestId('prompt').fill('A fox through a gateway name');
  await page.getByTestId('generate').click();
  assert.match(await page.getByTestId('result-meta').innerText(), /~\$0\.020 at list prices/);
  await page.reload();
  await showEndpoint(page);
  await page.getByText("This gateway's model names").waitFor();
  assert.equal(await page.getByTestId('model-aliases').inputValue(), 'gpt-image-2-all = gpt-image-2, $0.02');
  assert.deepEqual(problems, []);
});
