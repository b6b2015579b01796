// `netral vision doctor`: which optional vision packages are installed (with versions) and
// whether each signal's model really runs here, offline, on a small image made on the spot.
import { performance } from 'node:perf_hooks';
import type { RulePack } from '../rules/pack.js';
import { modelText } from './model-info.js';
import { allPackageStatus, missingPackages, type PackageStatus, type VisionPackageKey } from './packages.js';
import type { Signal } from './reader.js';

export const SIGNAL_PACKAGES: Record<Signal, VisionPackageKey[]> = {
  ocr: ['sharp', 'tesseract', 'langInd'],
  image: ['sharp'],
  pose: ['sharp', 'human', 'tfjsCore', 'tfjsConverter', 'tfjsWasm'],
};

export interface SignalProbe {
  signal: Signal;
  status: 'ok' | 'failed' | 'missing';
  model?: string;
  ms?: number;
  detail?: string;
}

export interface DoctorReport {
  packages: PackageStatus[];
  probes: SignalProbe[];
  referenceImages: number;
}

/** Check packages, then run each signal whose packages are there once. */
export async function visionDoctor(pack: RulePack): Promise<DoctorReport> {
  const packages = allPackageStatus();
  const probes: SignalProbe[] = [];
  let referenceImages = 0;
  for (const signal of Object.keys(SIGNAL_PACKAGES) as Signal[]) {
    if (missingPackages(SIGNAL_PACKAGES[signal]).length > 0) {
      probes.push({ signal, status: 'missing' });
      continue;
    }
    const t0 = performance.now();
    try {
      const { VisionReader } = await import('./reader.js');
      const { sampleImage } = await import('./sample.js');
      const reader = await VisionReader.open(pack, { signals: [signal] });
      try {
        referenceImages = Math.max(referenceImages, reader.references.length);
        const { reading } = await reader.readPhoto(await sampleImage());
        if (signal === 'ocr' && !/NETRAL/i.test(reading.ocr?.text ?? '')) throw new Error(`read "${reading.ocr?.text ?? ''}" instead of "NETRAL 2024"`);
        probes.push({ signal, status: 'ok', model: reader.models.map(modelText).join(', '), ms: Math.round(performance.now() - t0) });
      } finally {
        await reader.close();
      }
    } catch (err) {
      probes.push({ signal, status: 'failed', detail: err instanceof Error ? err.message : String(err) });
    }
  }
  return { packages, probes, referenceImages };
}
