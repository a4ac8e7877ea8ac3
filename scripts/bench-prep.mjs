// Reference-prep benchmark (figures, not pass/fail): this app's worker pipeline vs
// browser-image-compression 2.0.2 vs the browser's one-shot createImageBitmap+convertToBlob,
// in headless Chromium, on inputs generated here: a 24 MP photo-like JPEG with EXIF
// orientation 6 and a ~25 MB 4096x3072 PNG. Then a 16-file batch through the app's own
// reference input, counting main-thread long tasks (> 50 ms) and sampling peak memory.
// Needs a release build in dist/ (scripts/bench-prep builds it if missing). BENCH_BATCH=0 skips
// the batches (the bic batch alone takes minutes) for a quick look at the per-file figures.
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const BENCH_HTML = '<!DOCTYPE html><meta charset="utf-8"><title>prep bench</title><script src="/bic/browser-image-compression.js"></script><body></body>';

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  let file;
  if (url.pathname === '/bench.html') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(BENCH_HTML); }
  if (url.pathname.startsWith('/bic/')) file = path.join(ROOT, 'node_modules/browser-image-compression/dist', url.pathname.slice(5));
  else if (url.pathname.startsWith('/app/')) file = path.join(ROOT, 'dist', url.pathname.slice(5) || 'index.html');
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Sum of the resident memory of every Chromium process (Linux /proc), in MB. */
async function chromiumRssMb(browserPid) {
  let total = 0;
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/i.test(cmd)) continue;
      if (Number(pid) !== browserPid && !cmd.includes('--type=')) continue;
      total += Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
    } catch { /* gone */ }
  }
  return total;
}

function sampler(pid) {
  let peak = 0;
  let base = null;
  const timer = setInterval(async () => {
    const mb = await chromiumRssMb(pid);
    if (base === null) base = mb;
    peak = Math.max(peak, mb);
  }, 100);
  return async () => { clearInterval(timer); return { peak: Math.round(peak), base: Math.round(base ?? 0) }; };
}

// ---- in-page helpers, installed with page.evaluate ----
const HELPERS = () => {
  window.makeInputs = async () => {
    const noisy = (w, h, amp) => {
      const c = new OffscreenCanvas(w, h);
      const g = c.getContext('2d');
      const grad = g.createLinearGradient(0, 0, w, h);
      grad.addColorStop(0, '#a63'); grad.addColorStop(0.5, '#4a8'); grad.addColorStop(1, '#358');
      g.fillStyle = grad; g.fillRect(0, 0, w, h);
      for (let i = 0; i < 400; i++) { g.fillStyle = `hsl(${(i * 37) % 360} 60% 50% / 0.35)`; g.beginPath(); g.arc((i * 7919) % w, (i * 104729) % h, 30 + (i % 200), 0, 7); g.fill(); }
      const img = g.getImageData(0, 0, w, h);
      let s = 1;
      for (let i = 0; i < img.data.length; i += 4) {
        s = (s * 1664525 + 1013904223) >>> 0;
        const n = (s >>> 24) % amp - (amp >> 1);
        img.data[i] += n; img.data[i + 1] += n; img.data[i + 2] += (s >>> 16) % amp - (amp >> 1);
      }
      g.putImageData(img, 0, 0);
      return c;
    };
    const photoCanvas = noisy(6000, 4000, 16);
    const jpeg = new Uint8Array(await (await photoCanvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
    const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
    const body = [...new TextEncoder().encode('Exif'), 0, 0, ...tiff];
    const seg = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
    const photo = new File([jpeg.subarray(0, 2), new Uint8Array(seg), jpeg.subarray(2)], 'photo-24mp-exif6.jpg', { type: 'image/jpeg' });
    const png = new File([await noisy(4096, 3072, 6).convertToBlob({ type: 'image/png' })], 'big-4096x3072.png', { type: 'image/png' });
    // Displayed sizes (the photo is stored 6000x4000 and shown rotated).
    window.inputs = [{ file: photo, w: 4000, h: 6000 }, { file: png, w: 4096, h: 3072 }];
    return window.inputs.map((i) => ({ name: i.file.name, bytes: i.file.size }));
  };
  const fit = (w, h, max) => (Math.max(w, h) <= max ? [w, h] : w >= h ? [max, Math.round((h * max) / w)] : [Math.round((w * max) / h), max]);
  const pixels = async (blob, w, h) => {
    const bmp = await createImageBitmap(blob, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high', imageOrientation: 'from-image' });
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    bmp.close();
    return g.getImageData(0, 0, w, h).data;
  };
  // Mean SSIM over 8x8 windows of luma.
  const ssim = (a, b, w, h) => {
    const luma = (d) => { const y = new Float32Array(w * h); for (let i = 0; i < w * h; i++) y[i] = 0.299 * d[i * 4] + 0.587 * d[i * 4 + 1] + 0.114 * d[i * 4 + 2]; return y; };
    const ya = luma(a); const yb = luma(b);
    const C1 = (0.01 * 255) ** 2; const C2 = (0.03 * 255) ** 2;
    let total = 0; let n = 0;
    for (let y = 0; y + 8 <= h; y += 8) for (let x = 0; x + 8 <= w; x += 8) {
      let ma = 0, mb = 0;
      for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) { const k = (y + j) * w + x + i; ma += ya[k]; mb += yb[k]; }
      ma /= 64; mb /= 64;
      let va = 0, vb = 0, cov = 0;
      for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) { const k = (y + j) * w + x + i; const da = ya[k] - ma; const db = yb[k] - mb; va += da * da; vb += db * db; cov += da * db; }
      va /= 63; vb /= 63; cov /= 63;
      total += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2)); n++;
    }
    return total / n;
  };
  window.score = async (input, out) => {
    const bmp = await createImageBitmap(out);
    const [w, h] = [bmp.width, bmp.height];
    bmp.close();
    const ref = await pixels(input.file, w, h);
    const got = await pixels(out, w, h);
    return { w, h, ssim: ssim(ref, got, w, h) };
  };
  window.ours = (input) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const worker = new Worker('/app/prep_worker_loader.js');
    worker.onerror = (e) => reject(new Error(e.message));
    worker.onmessage = async (e) => {
      const msg = JSON.parse(e.data.json);
      if (msg.Ready) {
        const buf = new Uint8Array(await input.file.arrayBuffer());
        const job = { id: 1, kind: 'Reference', settings: { max_edge: 2048, budget_bytes: 1500000, text_mode: false } };
        worker.postMessage({ json: JSON.stringify(job), buffers: [buf] }, [buf.buffer]);
        return;
      }
      worker.terminate();
      if (!msg.Prepared) return reject(new Error(e.data.json));
      const r = msg.Prepared.report;
      const out = new Blob([e.data.buffers[0]], { type: r.mime });
      resolve({ wall: performance.now() - t0, report: r, out });
    };
  });
  window.bic = async (input) => {
    const t0 = performance.now();
    const out = await window.imageCompression(input.file, { maxSizeMB: 1.5, maxWidthOrHeight: 2048, useWebWorker: true, libURL: `${location.origin}/bic/browser-image-compression.js` });
    return { wall: performance.now() - t0, out };
  };
  window.native = async (input) => {
    const t0 = performance.now();
    const [w, h] = fit(input.w, input.h, 2048);
    const bmp = await createImageBitmap(input.file, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high', imageOrientation: 'from-image' });
    const c = new OffscreenCanvas(w, h);
    c.getContext('2d').drawImage(bmp, 0, 0);
    bmp.close();
    const out = await c.convertToBlob({ type: 'image/webp', quality: 0.85 });
    return { wall: performance.now() - t0, out };
  };
  window.longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });
  window.heapPeak = 0;
  setInterval(() => { window.heapPeak = Math.max(window.heapPeak, performance.memory?.usedJSHeapSize ?? 0); }, 50);
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
const browserPid = browser.process?.()?.pid ?? 0;
const rows = [];
const mb = (b) => (b / 1e6).toFixed(2);
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/bench.html`);
  await page.evaluate(HELPERS);
  const inputs = await page.evaluate(() => window.makeInputs());
  console.log('inputs:', inputs.map((i) => `${i.name} ${mb(i.bytes)} MB`).join(', '));
  for (let i = 0; i < inputs.length; i++) {
    for (const method of ['ours', 'bic', 'native']) {
      const r = await page.evaluate(async ({ i, method }) => {
        const input = window.inputs[i];
        const run = await window[method](input);
        const s = await window.score(input, run.out);
        return { wall: run.wall, bytes: run.out.size, mime: run.out.type, ...s, report: run.report ?? null };
      }, { i, method });
      const t = r.report?.times;
      rows.push({
        input: inputs[i].name, method: { ours: 'this app (wasm worker)', bic: 'browser-image-compression 2.0.2', native: 'native createImageBitmap+convertToBlob' }[method],
        'total ms': Math.round(r.wall),
        stages: t ? `decode ${Math.round(t.decode_ms)} / resize ${Math.round(t.resize_ms)} / orient ${Math.round(t.orient_ms)} / encode ${Math.round(t.encode_ms)} (pipeline ${Math.round(t.total_ms)})` : '-',
        encodes: r.report?.encodes ?? '-',
        out: `${r.w}x${r.h} ${r.mime.replace('image/', '')} ${mb(r.bytes)} MB`,
        SSIM: r.ssim.toFixed(4),
      });
    }
  }
  console.table(rows);

  // 16-file batches: main-thread long tasks and peak memory.
  const batch = [];
  const batchMethods = process.env.BENCH_BATCH === '0' ? [] : ['bic', 'native'];
  for (const method of batchMethods) {
    const p = await browser.newPage();
    await p.goto(`${origin}/bench.html`);
    await p.evaluate(HELPERS);
    await p.evaluate(() => window.makeInputs());
    const stop = sampler(browserPid);
    const r = await p.evaluate(async (method) => {
      const t0 = performance.now();
      window.heapPeak = 0;
      for (let k = 0; k < 16; k++) await window[method](window.inputs[k % 2]);
      const tasks = window.longTasks.filter((t) => t.start >= t0);
      return { ms: performance.now() - t0, count: tasks.length, longest: Math.max(0, ...tasks.map((t) => t.ms)), heap: window.heapPeak };
    }, method);
    const mem = await stop();
    batch.push({ method, ...r, mem });
    await p.close();
  }
  // The app itself, as a person uses it: files dropped on the reference panel of a loaded page
  // (its workers warmed while the page was idle), timed until every item is ready.
  const inApp = async (picks, workers) => {
    const context = await browser.newContext();
    await context.addInitScript(HELPERS);
    if (workers) await context.addInitScript((n) => localStorage.setItem('gis.prep.workers', String(n)), workers);
    const p = await context.newPage();
    await p.goto(`${origin}/app/index.html`);
    await p.getByTestId('reference-input').waitFor();
    await p.evaluate(() => window.makeInputs());
    await p.waitForTimeout(3000);
    const stop = sampler(browserPid);
    const r = await p.evaluate(async (picks) => {
      const t0 = performance.now();
      window.heapPeak = 0;
      const dt = new DataTransfer();
      for (const k of picks) dt.items.add(window.inputs[k].file);
      document.querySelector('.references').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      await new Promise((resolve) => {
        const check = () => {
          const items = [...document.querySelectorAll('[data-testid=reference-item]')];
          if (items.length === picks.length && items.every((i) => i.dataset.state !== 'working')) resolve();
          else requestAnimationFrame(check);
        };
        check();
      });
      const tasks = window.longTasks.filter((t) => t.start >= t0);
      const states = [...document.querySelectorAll('[data-testid=reference-item]')].map((i) => i.dataset.state);
      return { ms: performance.now() - t0, count: tasks.length, longest: Math.max(0, ...tasks.map((t) => t.ms)), heap: window.heapPeak, ready: states.filter((s) => s === 'ready').length, workers: navigator.hardwareConcurrency };
    }, picks);
    const mem = await stop();
    await context.close();
    return { ...r, mem };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const single = [];
  for (let i = 0; i < inputs.length; i++) {
    const runs = [];
    for (let k = 0; k < 3; k++) runs.push((await inApp([i])).ms);
    const of = (method) => rows.find((r) => r.input === inputs[i].name && r.method.startsWith(method))['total ms'];
    const ms = median(runs);
    single.push({
      input: inputs[i].name,
      'this app in the page, file dropped to item ready (median of 3) ms': Math.round(ms),
      'vs browser-image-compression': (ms / of('browser-image-compression')).toFixed(2),
      'vs native one-shot': (ms / of('native')).toFixed(2),
    });
  }
  console.table(single);
  if (batchMethods.length) {
    const picks = Array.from({ length: 16 }, (_, k) => k % 2);
    batch.push({ method: 'ours', ...(await inApp(picks)) });
    batch.push({ method: 'ours-one', ...(await inApp(picks, 1)) });
  }
  if (batch.length) console.table(batch.map((b) => ({
    '16-file batch': { ours: 'this app (reference input, worker pool)', 'ours-one': 'this app (reference input, one worker)', bic: 'browser-image-compression (useWebWorker)', native: 'native one-shot (main thread)' }[b.method],
    workers: { ours: Math.min(4, Math.max(2, (b.workers ?? 2) - 1)), 'ours-one': 1 }[b.method] ?? '-',
    'total s': (b.ms / 1000).toFixed(1),
    'long tasks > 50 ms': b.count,
    'longest ms': Math.round(b.longest),
    'peak page JS heap MB': Math.round(b.heap / 1e6),
    'peak Chromium RSS MB (idle before)': `${b.mem.peak} (${b.mem.base})`,
    ...(b.ready !== undefined ? { ready: `${b.ready}/16` } : {}),
  })));
} finally {
  await browser.close();
  server.close();
}
