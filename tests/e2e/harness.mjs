import os from 'node:os';
// End-to-end harness: Steady (OpenAI's spec), the local backend serving dist/, and Debian's
// Chromium driven by playwright-core. Never downloads a browser.
import { spawn } from 'node:child_process';
import { before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SPEC = path.resolve(ROOT, '../shared/spec/openai-openapi.json');
const BACKEND_BIN = process.env.BACKEND_BIN ??
  path.join(process.env.CARGO_TARGET_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'gpt-image-studio/target'),
    'debug/local-backend');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Buffers a child's output so that a line can be awaited even after it has arrived. */
function watch(child, what) {
  let seen = '';
  let exited = null;
  const waiters = new Set();
  const check = () => {
    for (const w of waiters) {
      const m = seen.split('\n').map((l) => l.match(w.pattern)).find(Boolean);
      if (m) { waiters.delete(w); clearTimeout(w.timer); w.resolve(m); }
      else if (exited !== null) { waiters.delete(w); clearTimeout(w.timer); w.reject(new Error(`${what} exited (${exited}):\n${seen}`)); }
    }
  };
  child.stdout.on('data', (c) => { seen += c; check(); });
  child.stderr.on('data', (c) => { seen += c; check(); });
  child.on('exit', (code) => { exited = code; check(); });
  return (pattern, timeoutMs = 60_000) => new Promise((resolve, reject) => {
    const w = { pattern, resolve, reject };
    w.timer = setTimeout(() => { waiters.delete(w); reject(new Error(`${what} did not print ${pattern} in time:\n${seen}`)); }, timeoutMs);
    waiters.add(w);
    check();
  });
}

/** Steady on the official spec: reuses STEADY_URL from the test command, else starts one. */
export async function startSteady() {
  if (process.env.STEADY_URL) return { url: process.env.STEADY_URL, stop: async () => {} };
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/steady'), [
    '--host', '127.0.0.1', '-p', String(port),
    '--validator-form-array-format=brackets', '--validator-form-object-format=brackets', SPEC,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  // The banner differs with CI=true.
  await watch(child, 'Steady')(/Ready to accept requests|Server listening at/);
  return { url: `http://127.0.0.1:${port}`, stop: async () => { child.kill(); } };
}

/** The local backend with its admin API; serves dist/ when `staticDir` is given. */
export async function startBackend({ steadyUrl, staticDir = path.join(ROOT, 'dist'), prefix = '/' } = {}) {
  const args = ['--port', '0'];
  if (steadyUrl) args.push('--validate-with', steadyUrl);
  if (staticDir) args.push('--static-dir', staticDir, '--static-port', '0', '--static-prefix', prefix);
  const child = spawn(BACKEND_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lineOf = watch(child, 'local backend');
  const [, apiUrl] = await lineOf(/^local-backend: api (\S+)/);
  const appUrl = staticDir ? (await lineOf(/^local-backend: app (\S+)/))[1] : null;
  const origin = new URL(apiUrl).origin;
  const admin = async (method, what, body) => {
    const res = await fetch(`${origin}/__admin/${what}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`admin ${method} ${what}: ${res.status} ${await res.text()}`);
    return res.json().catch(() => null);
  };
  return {
    apiUrl,
    appUrl,
    fault: (rule) => admin('POST', 'faults', rule),
    clearFaults: () => admin('DELETE', 'faults'),
    requests: () => admin('GET', 'requests'),
    clearRequests: () => admin('DELETE', 'requests'),
    stop: async () => { child.kill(); await once(child, 'exit').catch(() => {}); },
  };
}

/**
 * LiteLLM's proxy (the real gateway, from PyPI) in front of `upstreamUrl` (the local backend's
 * /v1): its own defaults, one model entry, a master key that the app sends as its key.
 * LITELLM_BIN comes from the test command (`ensure_litellm` in scripts/setup.sh).
 */
export async function startLitellm(upstreamUrl) {
  const bin = process.env.LITELLM_BIN ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
    'gpt-image-studio/litellm-1.108.7/bin/litellm');
  const fs = await import('node:fs/promises');
  await fs.access(bin).catch(() => {
    throw new Error(`LiteLLM is not installed at ${bin}: run scripts/test, or source scripts/setup.sh and run ensure_litellm`);
  });
  const port = await freePort();
  const key = 'sk-local-litellm-0123456789abcdef';
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'litellm-'));
  const config = path.join(dir, 'config.yaml');
  await fs.writeFile(config, [
    'model_list:',
    '  - model_name: gpt-image-2',
    '    litellm_params:',
    '      model: openai/gpt-image-2',
    `      api_base: ${upstreamUrl}`,
    '      api_key: sk-local',
    'general_settings:',
    `  master_key: ${key}`,
    '',
  ].join('\n'));
  const child = spawn(bin, ['--config', config, '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LITELLM_LOCAL_MODEL_COST_MAP: 'True', NO_COLOR: '1' },
  });
  await watch(child, 'LiteLLM')(/Uvicorn running on/, 120_000);
  return {
    url: `http://127.0.0.1:${port}/v1`,
    key,
    stop: async () => { child.kill(); await once(child, 'exit').catch(() => {}); await fs.rm(dir, { recursive: true, force: true }); },
  };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens the app pointed at the backend. Audits as it goes: page errors, CSP violations, and
 * any request to an origin other than the app's and the configured endpoint's (the app must
 * contact nothing else: no CDN, fonts or analytics).
 */
export async function openApp(browser, backend, { viewport, colorScheme, path: at = '', timingScale, locale = 'en-US' } = {}) {
  // English unless a test asks for another locale (navigator.languages follows it).
  const context = await browser.newContext({ acceptDownloads: true, viewport, colorScheme, locale });
  // Backoffs and poll gaps shortened (the app's `gis.timing_scale`): no test waits for them.
  if (timingScale) await context.addInitScript((s) => localStorage.setItem('gis.timing_scale', String(s)), timingScale);
  const page = await context.newPage();
  const problems = [];
  const allowed = new Set([new URL(backend.appUrl).origin, new URL(backend.apiUrl).origin]);
  const foreign = [];
  const csp = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  context.on('request', (req) => {
    const url = new URL(req.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !allowed.has(url.origin)) foreign.push(req.url());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|CSP violation/.test(text)) csp.push(text);
    else if (m.type() === 'error' && !/Failed to load resource/.test(text)) problems.push(`console: ${text}`);
  });
  await page.goto(`${backend.appUrl}${at}#base=${encodeURIComponent(backend.apiUrl)}`);
  await page.getByTestId('generate').waitFor();
  // Settings, history, share, code and presets come from lazily loaded chunks a moment after
  // the form: a test starts once the page is whole, as a person does once it stops changing.
  await page.waitForFunction(() =>
    ['model', 'storage-usage', 'share-url', 'code-export', 'preset-name'].every((id) =>
      document.querySelector(`[data-testid=${id}]`)));
  return {
    page,
    context,
    problems,
    /** Another origin this test configures on purpose as its endpoint. */
    allowOrigin: (origin) => allowed.add(origin),
    audit: () => ({ csp: [...csp], foreign: [...foreign] }),
  };
}

/**
 * Registers the usual hooks: one Steady, backend and browser per file; a fresh app page (and
 * a clean fault list and request log) per test. Returns an object whose fields the hooks fill.
 */
export function useApp({ prefix = '/', viewport, colorScheme, timingScale, locale } = {}) {
  const ctx = {};
  let steady;
  before(async () => {
    steady = await startSteady();
    ctx.steadyUrl = steady.url;
    ctx.backend = await startBackend({ steadyUrl: steady.url, prefix });
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.backend?.stop();
    await steady?.stop();
  });
  beforeEach(async () => {
    await ctx.backend.clearFaults();
    await ctx.backend.clearRequests();
    ctx.app = await openApp(ctx.browser, ctx.backend, { viewport, colorScheme, timingScale, locale });
  });
  afterEach(async () => {
    const audit = ctx.app.audit();
    await ctx.app.context.close();
    assert.deepEqual(audit, { csp: [], foreign: [] }, 'no CSP violation, no third-party request');
  });
  return ctx;
}

/** Opens the "More" parameters (compression, moderation), as a person does to reach them. */
export async function showMore(page) {
  const more = page.getByTestId('more-params');
  if (!(await more.evaluate((d) => d.open))) await more.locator('summary').click();
}

/** Unfolds the endpoint settings (folded once the endpoint has answered on this device). */
export async function showEndpoint(page) {
  const toggle = page.getByTestId('endpoint-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByTestId('base-url').waitFor({ state: 'visible' });
}

/** Opens the parameters where they are folded (a phone's bottom sheet); beside the prompt
 * on a wide screen they are open already. */
export async function showParams(page) {
  const bar = page.getByTestId('param-sheet-toggle');
  if ((await bar.isVisible()) && (await bar.getAttribute('aria-expanded')) !== 'true') await bar.click();
  await page.getByTestId('quality').waitFor({ state: 'visible' });
}

/** Folds a phone's parameter sheet again (Done), so the prompt and Generate are uncovered. */
export async function hideParams(page) {
  const bar = page.getByTestId('param-sheet-toggle');
  if ((await bar.getAttribute('aria-expanded')) !== 'true') return;
  await page.getByTestId('param-sheet-close').click();
  await page.getByTestId('quality').waitFor({ state: 'hidden' });
}
