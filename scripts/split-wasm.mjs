// Splits the page's wasm at its `#[lazy]` functions (release builds only), in Trunk's staging
// dir, before post-build.mjs hashes the inline loader and lists the files for the service worker:
//  1. wasm-split-cli on cargo's raw output (linked with --emit-relocs, see build.rs): the main
//     module, one .wasm per lazy chunk and __wasm_split.js (loads a chunk when a lazy fn is called),
//  2. wasm-bindgen on the main module (as Trunk does, plus --keep-lld-exports: the chunks import
//     the main module's table, memory, stack pointer and functions through __wasm_split.js),
//  3. wasm-opt on every module, as Trunk does on the whole,
//  4. Trunk's js/wasm are overwritten in place (their names keep Trunk's hash), chunks and
//     __wasm_split.js get content-hashed names, and the SRI integrity in index.html is redone.
import { execFile, execFileSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const BIN = 'gpt-image-studio';

export async function splitWasm(staging) {
  if (process.env.TRUNK_PROFILE !== 'release') return null;
  const started = Date.now();
  const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version=1', '--no-deps'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const raw = path.join(meta.target_directory, 'wasm32-unknown-unknown', 'release', `${BIN}.wasm`);
  const names = await readdir(staging);
  const js = names.find((n) => n.startsWith(`${BIN}-`) && n.endsWith('.js'));
  if (!js) throw new Error(`split: no ${BIN}-*.js in the staging dir`);
  const stem = js.slice(0, -3); // gpt-image-studio-<trunk hash>
  const tmp = await mkdtemp(path.join(tmpdir(), 'wasm-split-'));
  try {
    const split = path.join(tmp, 'split');
    run('wasm-split-cli', [raw, split, '--out-name', stem]);
    const bg = path.join(tmp, 'bg');
    run('wasm-bindgen', ['--target=web', '--no-typescript', '--keep-lld-exports', `--out-dir=${bg}`, `--out-name=${stem}`, path.join(split, `${stem}.wasm`)]);
    // wasm-opt from the binaryen npm package starts slowly (seconds each): run them side by side.
    const opt = (file, out) => promisify(execFile)('wasm-opt', ['-Oz', `--output=${out}`, file]);
    const chunks = (await readdir(split)).filter((n) => n.endsWith('.wasm') && n !== `${stem}.wasm`);
    const jobs = [() => opt(path.join(bg, `${stem}_bg.wasm`), path.join(staging, `${stem}_bg.wasm`)),
      ...chunks.map((chunk) => () => opt(path.join(split, chunk), path.join(tmp, chunk)))];
    const workers = Array.from({ length: Math.max(1, availableParallelism()) }, async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) await job();
    });
    await Promise.all(workers);
    let loader = await readFile(path.join(split, '__wasm_split.js'), 'utf8');
    const out = [];
    for (const chunk of chunks) {
      const bytes = await readFile(path.join(tmp, chunk));
      const hashed = `${chunk.slice(0, -5)}-${hash(bytes)}.wasm`;
      await writeFile(path.join(staging, hashed), bytes);
      if (!loader.includes(`"./${chunk}"`)) throw new Error(`split: __wasm_split.js does not name ${chunk}`);
      loader = loader.replaceAll(`"./${chunk}"`, `"./${hashed}"`);
      out.push(hashed);
    }
    const loaderName = `__wasm_split-${hash(loader)}.js`;
    await writeFile(path.join(staging, loaderName), loader);
    let glue = await readFile(path.join(bg, `${stem}.js`), 'utf8');
    // Only the ES import is renamed: the import object's key stays the wasm's import module name.
    const from = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
    if (!from.test(glue)) throw new Error('split: the wasm-bindgen glue does not import ./__wasm_split.js');
    glue = glue.replace(from, `$1$2./${loaderName}$2`);
    await writeFile(path.join(staging, js), glue);
    // Trunk's SRI attributes were computed on its own js/wasm.
    const indexPath = path.join(staging, 'index.html');
    let html = await readFile(indexPath, 'utf8');
    for (const file of [js, `${stem}_bg.wasm`]) {
      const sri = `sha384-${createHash('sha384').update(await readFile(path.join(staging, file))).digest('base64')}`;
      const re = new RegExp(`(href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
      if (!re.test(html)) throw new Error(`split: no integrity for ${file} in index.html`);
      html = html.replace(re, `$1${sri}$2`);
    }
    await writeFile(indexPath, html);
    console.log(`split: ${out.length} chunk(s) [${out.join(', ')}], loader ${loaderName}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { chunks: out, loader: loaderName };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function hash(data) {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}
