// Streaming against endpoints that cannot relay streams: a stream that fails before its
// first event is sent once more without streaming (never again as a stream), the run says so,
// the profile remembers, and one click never makes more than two requests. Every request is
// still validated by Steady.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './harness.mjs';

const ctx = useApp({ timingScale: 0.01 });

// What LiteLLM 1.108 answers a streamed image request (its relay cannot read image events).
const LITELLM_500 = JSON.stringify({
  error: {
    message: "litellm.APIConnectionError: APIConnectionError: OpenAIException - 'str' object has no attribute 'model_dump'\n\nLiteLLM: model group 'gpt-image-2' failed with the error above. No fallback was attempted.",
    type: 'internal_server_error', param: null, code: '500',
  },
});

async function send(page, prompt) {
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('generate').click();
}

async function waitForImages(page, count) {
  await page.waitForFunction((n) =>
    [...document.querySelectorAll('[data-testid=result-image]')].filter((i) => i.dataset.width).length >= n, count);
}

const streamedFlags = async () => (await ctx.backend.requests())
  .filter((r) => r.method === 'POST').map((r) => r.json?.stream === true);

test('a 500 on the stream only: once more without streaming, an image, the profile remembers', async () => {
  const { page } = ctx.app;
  await ctx.backend.fault({ streamed_only: true, status: 500, times: 0, body: LITELLM_500 });
  await page.getByTestId('stream').check();
  await send(page, 'a lighthouse at dusk');
  await waitForImages(page, 1);
  assert.deepEqual(await streamedFlags(), [true, false], 'one stream, then one plain request');
  const note = page.getByTestId('stream-fallback-note');
  assert.match(await note.innerText(), /sent once more without streaming.*That worked: this endpoint is now marked as not streaming/s);
  await page.getByTestId('attempts').locator(':scope > summary').click();
  const rows = await page.getByTestId('attempt').evaluateAll((li) => li.map((l) => [l.dataset.streamed, l.dataset.status, l.dataset.mayHaveBilled]));
  assert.deepEqual(rows, [['true', '500', 'true'], ['false', '200', 'true']]);
  const first = await page.getByTestId('attempt').first().innerText();
  assert.match(first, /LiteLLM: it got no usable answer from the upstream API: 'str' object has no attribute 'model_dump'/);
  assert.match(first, /Sent once more without streaming/);
  // The raw gateway text is behind "Details", not in the sentence.
  assert.ok(!/litellm\.APIConnectionError/.test(first.split('Details')[0]), first);

  // The next click goes without streaming at once: one request, no stream.
  const refused = page.getByTestId('stream-refused');
  await refused.waitFor();
  await ctx.backend.clearRequests();
  await send(page, 'a lighthouse at dawn');
  await waitForImages(page, 2);
  assert.deepEqual(await streamedFlags(), [false]);

  // Remembered across a reload (it is the profile's).
  await page.reload();
  await page.getByTestId('stream-refused').waitFor();
  // Tested again once the gateway is fixed: it streams, and the note goes.
  await ctx.backend.clearFaults();
  await ctx.backend.clearRequests();
  await page.getByTestId('stream-test-again').click();
  assert.equal(await page.getByTestId('stream-refused').count(), 0);
  await send(page, 'a lighthouse at noon');
  await waitForImages(page, 1);
  assert.deepEqual(await streamedFlags(), [true]);
  assert.deepEqual(ctx.app.problems, []);
});

test('a 400 naming partial_images, and a 200 that is neither events nor images, fall back too', async () => {
  const { page } = ctx.app;
  await page.getByTestId('stream').check();
  await ctx.backend.fault({
    match: 'refuses previews', streamed_only: true, status: 400, times: 0,
    body: JSON.stringify({ error: { message: "Unknown parameter: 'partial_images'.", type: 'invalid_request_error', param: 'partial_images' } }),
  });
  await send(page, 'refuses previews');
  await waitForImages(page, 1);
  assert.deepEqual(await streamedFlags(), [true, false]);

  await page.getByTestId('stream-test-again').click();
  await ctx.backend.clearRequests();
  await ctx.backend.fault({ match: 'garbled stream', streamed_only: true, variant: 'garbage', times: 0 });
  await send(page, 'garbled stream');
  await waitForImages(page, 2);
  assert.deepEqual(await streamedFlags(), [true, false]);
});

test('failures that are not the stream\'s are not sent again; a 500 both ways stops at two requests', async () => {
  const { page } = ctx.app;
  await page.getByTestId('stream').check();
  // Moderation refusing inside the stream: the stream worked, the image was refused.
  await ctx.backend.fault({
    match: 'refused inside', status: 200, content_type: 'text/event-stream', times: 0,
    body: 'event: error\r\ndata: {"type":"error","error":{"message":"Your request was rejected by the safety system."}}\r\n\r\n',
  });
  await send(page, 'refused inside');
  await page.locator('.run [data-testid=error-message]').first().waitFor();
  assert.deepEqual(await streamedFlags(), [true]);
  assert.equal(await page.getByTestId('stream-fallback-note').count(), 0);

  // Down whatever is asked: the stream, once plain, then the error. Nothing is remembered,
  // since the plain request failed too.
  await ctx.backend.clearRequests();
  await ctx.backend.fault({ match: 'down both ways', status: 500, times: 0, body: LITELLM_500 });
  await send(page, 'down both ways');
  const error = page.locator('.run').first().getByTestId('error-message');
  await error.waitFor();
  assert.deepEqual(await streamedFlags(), [true, false], 'at most two requests for one click');
  assert.match(await error.innerText(), /LiteLLM: it got no usable answer from the upstream API/);
  await page.locator('.run').first().getByTestId('error-details').locator('summary').click();
  assert.match(await page.locator('.run').first().getByTestId('error-details').innerText(), /litellm\.APIConnectionError: APIConnectionError: OpenAIException/);
  assert.equal(await page.getByTestId('stream-refused').count(), 0);
});
