// How the history copes with 500 stored results: seeds IndexedDB with 500 items (a real
// 256 px WebP thumbnail and a 1024x1024 JPEG each), reloads, and prints how long the list takes
// to appear and how much memory the page holds. Figures, not pass/fail.
//
//   node bench/history-500.mjs        (after `scripts/build`; uses the local backend scripts/test built)
import { startBackend, launchBrowser, openApp } from '../tests/e2e/harness.mjs';

const ITEMS = Number(process.env.ITEMS ?? 500);
const backend = await startBackend({});
const browser = await launchBrowser();
const { page } = await openApp(browser, backend);

const seeded = await page.evaluate(async (count) => {
  const canvas = new OffscreenCanvas(1024, 1024);
  const g = canvas.getContext('2d');
  const db = await new Promise((res, rej) => {
    const r = indexedDB.open('gpt-image-studio', 1);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    g.fillStyle = `hsl(${(i * 37) % 360} 60% 50%)`;
    g.fillRect(0, 0, 1024, 1024);
    g.fillStyle = '#fff';
    g.font = '200px sans-serif';
    g.fillText(String(i), 200, 600);
    const image = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const small = new OffscreenCanvas(256, 256);
    small.getContext('2d').drawImage(canvas, 0, 0, 256, 256);
    const thumb = await small.convertToBlob({ type: 'image/webp', quality: 0.8 });
    const created = 1_763_700_000_000 + i * 1000;
    const id = `${String(created).padStart(15, '0')}-${String(i).padStart(4, '0')}-00-00`;
    const meta = JSON.stringify({
      v: 1, id, created_ms: created, params: { prompt: `bench item ${i}`, quality: 'low' },
      base_url: 'http://127.0.0.1/v1', mime: 'image/jpeg', width: 1024, height: 1024, bytes: image.size,
    });
    await new Promise((res, rej) => {
      const tx = db.transaction(['items', 'images'], 'readwrite');
      tx.objectStore('items').put({ id, meta, thumb });
      tx.objectStore('images').put({ id, blob: image });
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
  }
  db.close();
  return { ms: performance.now() - started };
}, ITEMS);

const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const t0 = Date.now();
await page.reload();
await page.waitForFunction((n) => document.querySelectorAll('[data-testid=history-item]').length === n, ITEMS, { timeout: 120_000 });
const listed = Date.now() - t0;
await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=history-thumb]')].slice(0, 10).every((i) => i.complete));
const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const t1 = Date.now();
await page.getByTestId('history-item').nth(ITEMS - 1).getByTestId('history-open').click();
await page.getByTestId('history-full').waitFor();
const opened = Date.now() - t1;
const usage = await page.getByTestId('storage-usage').innerText();

console.log(`history with ${ITEMS} items`);
console.log(`  seeding (in page)               ${(seeded.ms / 1000).toFixed(1)} s`);
console.log(`  reload until all items listed   ${listed} ms`);
console.log(`  open the oldest full image      ${opened} ms`);
console.log(`  JS heap used                    ${(metrics.JSHeapUsedSize / 1e6).toFixed(1)} MB`);
console.log(`  DOM nodes                       ${metrics.Nodes}`);
console.log(`  storage                         ${usage}`);
await browser.close();
await backend.stop();
