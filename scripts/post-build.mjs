// Trunk post_build hook (runs on the staging dir before it becomes dist/):
//  1. writes a strict Content-Security-Policy meta tag whose script-src allows Trunk's inline
//     loader by its sha256 hash (no 'unsafe-inline'), and
//  2. generates sw.js, the offline shell's service worker, whose cache version and file list
//     come from this build's hashed file names, so a new deploy replaces the old cache.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { splitWasm } from './split-wasm.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
// First: it replaces the page's js/wasm and adds files that the service worker must list.
await splitWasm(staging);
const indexPath = path.join(staging, 'index.html');
let html = await readFile(indexPath, 'utf8');

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error('no inline loader script found in index.html');
const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);

// The endpoint is the user's choice, so connect-src is open; results from URL-only gateways
// need https: (and loopback http: for local backends) in img-src. Nothing else is loaded from
// anywhere but this origin.
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data: blob: https: http://localhost:* http://127.0.0.1:*",
  'connect-src *',
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('index.html already has a CSP');
// After <meta charset>, which must come first.
html = /<meta charset[^>]*>/.test(html)
  ? html.replace(/(<meta charset[^>]*>)/, `$1\n    ${meta}`)
  : html.replace(/<head>/, `<head>\n    ${meta}`);
await writeFile(indexPath, html);

const files = (await readdir(staging, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name !== 'sw.js')
  .map((e) => path.relative(staging, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
  .sort();
const version = createHash('sha256').update(files.join('\n')).update(html).digest('hex').slice(0, 16);
const template = await readFile(new URL('./sw.template.js', import.meta.url), 'utf8');
const sw = template
  .replace('__VERSION__', JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(['./', ...files.map((f) => `./${f}`)]));
await writeFile(path.join(staging, 'sw.js'), sw);
console.log(`post-build: CSP with ${hashes.length} script hash(es); sw.js ${version} caching ${files.length} files`);
