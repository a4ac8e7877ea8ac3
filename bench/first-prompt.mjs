// Time to a usable prompt on a real connection: a fresh browser context per run, the link
// throttled to 10 Mbit/s down and up with 40 ms latency (Chromium's network emulation), files
// served uncompressed by the local backend. Prints medians of RUNS (default 5) for
//   - the static shell's prompt (index.html + CSS: typeable before the wasm), and
//   - the app's own prompt (wasm and JS loaded, the app mounted),
// and the same on loopback without throttling. Figures, not pass/fail.
//
//   node bench/first-prompt.mjs        (after `scripts/build`; uses the local backend scripts/test built)
import { startBackend, launchBrowser } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const backend = await startBackend({});
const browser = await launchBrowser();

async function once(throttled) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: (10_000_000 / 8),
      uploadThroughput: (10_000_000 / 8),
    });
  }
  // Marks, from navigation start, when each prompt box first exists in the document.
  await context.addInitScript(() => {
    const marks = (window.__prompt_marks = {});
    const look = () => {
      if (!marks.shell && document.getElementById('shell-prompt')) marks.shell = performance.now();
      if (!marks.app && document.querySelector('[data-testid=prompt]')) marks.app = performance.now();
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${backend.appUrl}#base=${encodeURIComponent(backend.apiUrl)}`, { waitUntil: 'commit' });
  await page.getByTestId('prompt').waitFor();
  const { shell, app } = await page.evaluate(() => window.__prompt_marks);
  const bytes = await page.evaluate(() => performance.getEntriesByType('resource')
    .concat(performance.getEntriesByType('navigation'))
    .reduce((sum, e) => sum + (e.transferSize || 0), 0));
  await context.close();
  return { shell: Math.round(shell), app: Math.round(app), bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [label, throttled] of [['10 Mbit/s, 40 ms', true], ['loopback', false]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(throttled));
  const shell = median(runs.map((r) => r.shell));
  const app = median(runs.map((r) => r.app));
  const kb = Math.round(median(runs.map((r) => r.bytes)) / 1024);
  console.log(`${label.padEnd(18)} usable prompt: shell ${String(shell).padStart(5)} ms · app ${String(app).padStart(5)} ms · ${kb} KB transferred (medians of ${RUNS})`);
}

await browser.close();
await backend.stop();
