// npm run bench:vision: time per image of each vision signal (OCR, reference imagery, hands) on
// the labelled set fixtures/images/ (rendered images, scenes/ and heldout/ photo-like scenes, and
// photos/ photographs),
// and the wall time of `netral scan fixtures/demo --vision`.
// Needs the optional vision packages and a build (npm run build). Prints a table; no pass/fail.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { loadRulePack } = await import(path.join(ROOT, 'dist/rules/pack.js'));
const { missingPackages, REQUIRED_PACKAGES, INSTALL_LINE } = await import(path.join(ROOT, 'dist/vision/packages.js'));
if (missingPackages(REQUIRED_PACKAGES).length) {
  console.error(`vision packages missing — ${INSTALL_LINE}`);
  process.exit(2);
}
const { VisionReader } = await import(path.join(ROOT, 'dist/vision/reader.js'));

const pack = await loadRulePack();
const t0 = performance.now();
const reader = await VisionReader.open(pack);
const startup = performance.now() - t0;
const sets = {};
for (const [name, rel] of [['rendered', 'fixtures/images'], ['scenes', 'fixtures/images/scenes'], ['heldout', 'fixtures/images/heldout'], ['photos', 'fixtures/images/photos']]) {
  const dir = path.join(ROOT, rel);
  const files = readdirSync(dir).filter((f) => f.endsWith('.jpg'));
  const totals = { n: files.length, decode: 0, ocr: 0, image: 0, pose: 0 };
  for (const f of files) {
    const bytes = readFileSync(path.join(dir, f));
    const t = performance.now();
    const { reading } = await reader.readPhoto(bytes);
    const all = performance.now() - t;
    totals.ocr += reading.ms.ocr ?? 0;
    totals.image += reading.ms.image ?? 0;
    totals.pose += reading.ms.pose ?? 0;
    totals.decode += all - (reading.ms.ocr ?? 0) - (reading.ms.image ?? 0) - (reading.ms.pose ?? 0);
  }
  sets[name] = totals;
}
await reader.close();

const store = mkdtempSync(path.join(tmpdir(), 'netral-bench-vision-'));
const s0 = performance.now();
const demo = spawnSync(process.execPath, [path.join(ROOT, 'bin/netral.js'), 'scan', path.join(ROOT, 'fixtures/demo'), '--region', '3299', '--vision', '--store', path.join(store, 'n.db'), '-q', '--format', 'jsonl'], { encoding: 'utf8' });
const demoMs = performance.now() - s0;
rmSync(store, { recursive: true, force: true });

const names = Object.keys(sets);
const row = (name, ...v) => `${name.padEnd(38)} ${v.map((x) => x.toFixed(0).padStart(9)).join('')}`;
const per = (key) => names.map((n) => sets[n][key] / sets[n].n);
console.log(`vision on fixtures/images: ${names.map((n) => `${sets[n].n} ${n}`).join(', ')} (${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? '?'} cores)`);
console.log(`${''.padEnd(38)} ${names.map((n) => n.padStart(9)).join('')}`);
console.log(row('models start (ms, once)', startup));
console.log(row('decode + crop (ms/image)', ...per('decode')));
console.log(row('OCR, page passes + close looks (ms/image)', ...per('ocr')));
console.log(row('reference imagery (ms/image)', ...per('image')));
console.log(row('hands + faces (ms/image)', ...per('pose')));
console.log(row('scan fixtures/demo --vision (ms)', demoMs));
if (demo.status !== 0 && demo.status !== 1) console.error(demo.stderr);
