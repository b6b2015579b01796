#!/usr/bin/env node
// Bundles the CLI that tsc wrote to dist/ into a few ES module chunks in dist/bundle/ (bin/netral.js
// loads them when they are newer than dist/cli/main.js): importing ~260 small modules was most of a
// short command's start-up. Every dynamic import stays its own chunk, so a command still loads only
// what it runs. The bundle is made from dist/, never from src/: the two cannot disagree.
//
// What stays outside:
// - native and optional packages (re2, better-sqlite3, onnxruntime-node, sharp and the vision
//   packages) and every package a module loads with createRequire: one instance each, from node_modules;
// - worker entries (pack compile, eval pool, report, snapshot) and the files modules find by
//   import.meta.url: each bundled module's import.meta.url is rewritten to its own file in dist/,
//   so `new URL('./report-worker.js', import.meta.url)` and the like resolve exactly as before.
//   Workers therefore run the dist/ modules, as they did.
// The two modules of ours that are required lazily (the zod schemas) are entries of their own.
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(DIST, 'bundle');
const ENTRY = path.join(DIST, 'cli', 'main.js');

/** Packages that stay in node_modules: natives, optional vision packages, and every one loaded by createRequire. */
const EXTERNAL = [
  /^node:/,
  /^(re2|better-sqlite3|onnxruntime-node|sharp|tesseract\.js)(\/|$)/,
  /^@(tensorflow|vladmandic|gutenye|tesseract\.js-data)\//,
  // loaded by createRequire somewhere (src/rules/yaml-file.ts, src/store/subjects.ts, …): an import
  // elsewhere must give the same instance
  /^(yaml|csv-parse|string-width|cheerio|robots-parser)(\/|$)/,
];

/** The one bundled file's URL, relative to the chunks (all chunks sit in OUT). */
function urlOf(file) {
  let rel = path.relative(OUT, file).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
}

/**
 * Our modules a module requires lazily (src/model/finding-types.ts and item-types.ts load the zod
 * schemas on first need): each is an entry of its own, so the lists never load zod, and the
 * require names that entry's file, the same instance an import from any chunk gives.
 */
const LAZY_ENTRIES = new Map([
  [path.join(DIST, 'model', 'finding.js'), 'lazy-finding'],
  [path.join(DIST, 'model', 'item.js'), 'lazy-item'],
]);
const LAZY_OWN_REQUIRE = /createRequire\(import\.meta\.url\)\((['"])(\.{1,2}\/[^'"]+)\1\)/g;
const CHUNK_URL = '__NETRAL_CHUNK_URL__';

/** @type {import('rolldown').Plugin} */
const ownFiles = {
  name: 'netral-own-files',
  transform(code, id) {
    if (!id.startsWith(DIST + path.sep) || !code.includes('import.meta')) return null;
    const next = code
      .replace(LAZY_OWN_REQUIRE, (all, q, spec) => {
        const entry = LAZY_ENTRIES.get(path.resolve(path.dirname(id), spec));
        if (entry) return `createRequire(${CHUNK_URL})(${q}./${entry}.js${q})`;
        // a module of ours required from dist/ would be a second instance beside the bundled one
        if (spec.endsWith('.js')) throw new Error(`${path.relative(ROOT, id)} requires ${spec}: add it to LAZY_ENTRIES`);
        return all; // a data file (package.json), read from dist/'s neighbourhood as before
      })
      .replaceAll('import.meta.url', urlOf(id))
      .replaceAll(CHUNK_URL, 'import.meta.url');
    return next === code ? null : { code: next, map: null };
  },
};

/** Builds dist/bundle/; undefined when rolldown is not installed (the launcher then runs dist/ itself). */
export async function buildBundle() {
  const started = performance.now();
  statSync(ENTRY); // tsc first: `npm run build`
  rmSync(OUT, { recursive: true, force: true });
  let rolldown;
  try {
    ({ rolldown } = await import('rolldown'));
  } catch {
    return undefined;
  }
  const build = await rolldown({
    input: { main: ENTRY, ...Object.fromEntries([...LAZY_ENTRIES].map(([file, name]) => [name, file])) },
    platform: 'node',
    external: EXTERNAL,
    plugins: [ownFiles],
    logLevel: 'warn',
  });
  const out = await build.write({
    dir: OUT,
    format: 'esm',
    // stack traces map to the dist/ files (on disk beside the bundle), not copies of them
    sourcemap: true,
    sourcemapExcludeSources: true,
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
  });
  await build.close();
  const files = out.output.filter((o) => o.type === 'chunk').length;
  return { files, ms: Math.round(performance.now() - started) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const built = await buildBundle();
  if (built) process.stdout.write(`bundle: ${built.files} chunks in ${path.relative(ROOT, OUT)} (${built.ms} ms)\n`);
  else process.stdout.write('bundle: rolldown not installed (a devDependency); bin/netral.js runs dist/ as it is\n');
}
