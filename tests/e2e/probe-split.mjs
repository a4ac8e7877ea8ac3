// Split spike probe (not a test): loads dist/ with the local backend, lists which wasm files
// are fetched before and after the first paint, and checks the lazy panels appear.
import { startSteady, startBackend, launchBrowser } from './harness.mjs';
const steady = await startSteady();
const backend = await startBackend({ steadyUrl: steady.url, ...(process.env.DIST ? { staticDir: process.env.DIST } : {}) });
const browser = await launchBrowser();
const page = await browser.newPage();
const t0 = Date.now();
page.on('console', (m) => { if (m.type() === 'error' || /CSP|Content Security/.test(m.text())) console.log('console', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('response', (r) => { if (/\.wasm$|\.js$/.test(r.url())) console.log(`${Date.now() - t0} ms`, r.status(), r.url().split('/').pop()); });
await page.goto(`${backend.appUrl}#base=${encodeURIComponent(backend.apiUrl)}`);
await page.getByTestId('generate').waitFor();
console.log(`${Date.now() - t0} ms generate button visible`);
await page.getByTestId('code-export').waitFor();
await page.locator('#history-heading').waitFor();
console.log(`${Date.now() - t0} ms code export + history visible`);
await page.waitForTimeout(1000);
await browser.close(); await backend.stop?.(); await steady.stop?.();
process.exit(0);
