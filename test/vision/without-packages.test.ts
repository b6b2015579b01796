// netral without the optional vision packages: it installs and runs, `scan --vision` says in one
// line what to install (exit 2) and `vision doctor` reports them missing. The built netral is
// laid out in a temporary folder whose node_modules holds every dependency except those packages.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingPackages, REQUIRED_PACKAGES, VISION_PACKAGES } from '../../src/vision/packages.js';
import { spawnSync } from 'node:child_process';
import { REPO } from '../cli/run-cli.js';

const VISION = new Set<string>(Object.values(VISION_PACKAGES).map((p) => p.name));
// the second text reader's packages (paddle.ts): an extra, never required
const LINE_READER = new Set<string>([VISION_PACKAGES.onnxruntime.name, VISION_PACKAGES.paddleCommon.name, VISION_PACKAGES.paddleModels.name]);

/** The built netral in a temporary folder whose node_modules lacks the packages `hidden`. */
function layOut(hidden: ReadonlySet<string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netral-novision-'));
  for (const part of ['dist', 'bin', 'rules', 'package.json']) cpSync(path.join(REPO, part), path.join(dir, part), { recursive: true });
  const modules = path.join(REPO, 'node_modules');
  mkdirSync(path.join(dir, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      mkdirSync(path.join(dir, 'node_modules', name));
      for (const sub of readdirSync(path.join(modules, name))) {
        if (!hidden.has(`${name}/${sub}`)) symlinkSync(path.join(modules, name, sub), path.join(dir, 'node_modules', name, sub));
      }
    } else if (!hidden.has(name)) symlinkSync(path.join(modules, name), path.join(dir, 'node_modules', name));
  }
  return dir;
}

/** The copied netral in `dir`, run from its own folder. */
function runIn(dir: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'netral.js'), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', LANG: 'C' }, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(missingPackages(REQUIRED_PACKAGES).length > 0)('netral with tesseract but without the PaddleOCR line reader', () => {
  let dir: string;
  beforeAll(() => {
    dir = layOut(LINE_READER);
  }, 60_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('vision doctor runs OCR on tesseract alone and lists the line reader as not installed', () => {
    const r = runIn(dir, ['--lang', 'en', 'vision', 'doctor']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/onnxruntime-node\s+not installed/);
    expect(r.stdout).toMatch(/ocr: runs \(tesseract\.js [^+]*\)/);
  }, 300_000);
});

describe('netral without the vision packages', () => {
  let dir: string;
  beforeAll(() => {
    dir = layOut(VISION);
  }, 60_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = (args: string[]) => runIn(dir, args);

  it('scans the demo as before', () => {
    const r = run(['--lang', 'en', 'scan', path.join(REPO, 'fixtures/demo'), '--region', '3299', '--store', path.join(dir, 'a.db'), '-q', '--format', 'jsonl']);
    expect(r.stderr).not.toMatch(/sharp|tesseract/);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThan(5);
  }, 120_000);

  it('scan --vision names what to install on one line and exits 2', () => {
    const r = run(['--lang', 'en', 'scan', path.join(REPO, 'fixtures/images'), '--vision', '--store', path.join(dir, 'b.db')]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('npm install sharp tesseract.js @tesseract.js-data/ind');
  }, 60_000);

  it('vision doctor reports every package missing', () => {
    const r = run(['--lang', 'en', 'vision', 'doctor']);
    expect(r.code).toBe(1);
    for (const name of VISION) expect(r.stdout).toMatch(new RegExp(`${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+not installed`));
  }, 60_000);
});
