// Hands and raised fingers: @vladmandic/human's hand detector and landmark model (the weights in
// its own models/ folder) on TensorFlow.js's WebAssembly backend. Nothing is fetched: the model
// files are read from the installed package, and any other URL the library asks for is refused.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { boxFromCorners, type Box } from './box.js';
import { rgbPixels, type Photo } from './image.js';
import type { ModelInfo } from './model-info.js';
import { packageStatus, requireFrom } from './packages.js';
import { FINGERS, shapeOf, type Finger, type HandShape } from './hand-shape.js';

export { FINGERS, SHAPE_SIGN, shapeOf, type Finger, type HandShape } from './hand-shape.js';

export interface HandReading {
  box: Box;
  score: number;
  raised: Finger[];
  shape: HandShape;
}

// A hand the model itself is unsure of is more often a sleeve, a face or a leaf.
const MIN_HAND_SCORE = 0.5;

interface HumanHand {
  score: number;
  box: [number, number, number, number];
  landmarks: Record<Finger, { curl: 'none' | 'half' | 'full'; direction: string }>;
}
interface HumanLike {
  version: string;
  load(): Promise<void>;
  warmup?(): Promise<unknown>;
  detect(input: unknown): Promise<{ hand: HumanHand[] }>;
  tf: { tensor3d(data: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void } };
}

export class HandModel {
  private constructor(
    private readonly human: HumanLike,
    readonly model: ModelInfo,
  ) {}

  static async open(): Promise<HandModel> {
    const pkg = packageStatus('human');
    const wasm = packageStatus('tfjsWasm');
    if (!pkg.dir || !wasm.dir) throw new Error('@vladmandic/human or @tensorflow/tfjs-backend-wasm is not installed');
    const mod = requireFrom<{ Human: new (config: unknown) => HumanLike }>(pkg.dir, 'dist/human.node-wasm.js');
    const human = new mod.Human({
      backend: 'wasm',
      wasmPath: pathToFileURL(path.join(wasm.dir, 'dist')).href + '/',
      modelBasePath: pathToFileURL(path.join(pkg.dir, 'models')).href + '/',
      debug: false,
      async: true,
      cacheSensitivity: 0,
      filter: { enabled: false },
      face: { enabled: false },
      body: { enabled: false },
      object: { enabled: false },
      segmentation: { enabled: false },
      gesture: { enabled: false },
      hand: {
        enabled: true,
        rotation: true,
        skipFrames: 0,
        skipTime: 0,
        minConfidence: MIN_HAND_SCORE,
        iouThreshold: 0.2,
        maxDetected: 6,
        landmarks: true,
        detector: { modelPath: 'handtrack.json' },
        skeleton: { modelPath: 'handlandmark-lite.json' },
      },
    });
    await withLocalFetch(() => human.load());
    return new HandModel(human, { name: '@vladmandic/human', version: pkg.version ?? human.version, weights: `handtrack + handlandmark-lite (in the package), tfjs-backend-wasm ${wasm.version ?? '?'}` });
  }

  /** Hands in a photo with their raised fingers, boxes in photo pixels. */
  async read(photo: Photo): Promise<HandReading[]> {
    const px = await rgbPixels(photo);
    const tensor = this.human.tf.tensor3d(px.data, [px.height, px.width, 3], 'int32');
    try {
      const result = await this.human.detect(tensor);
      return result.hand
        .filter((h) => h.score >= MIN_HAND_SCORE)
        .map((h) => {
          const raised = FINGERS.filter((f) => h.landmarks[f]?.curl === 'none');
          const [x, y, w, hh] = h.box;
          return { box: boxFromCorners(x, y, x + w, y + hh, 1, photo.width, photo.height), score: Math.round(h.score * 100) / 100, raised, shape: shapeOf(raised) };
        });
    } finally {
      tensor.dispose();
    }
  }
}

/**
 * Node's fetch cannot read file:// URLs, which is how human loads its model files. While the
 * model loads, file:// URLs are read from disk and every other URL is refused: a model that
 * would need a download fails here instead of reaching the network.
 */
async function withLocalFetch<T>(fn: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file://')) throw new Error(`offline: refused to fetch ${url}`);
    return new Response(await readFile(fileURLToPath(url)), { status: 200 });
  }) as typeof fetch;
  try {
    return await fn();
  } finally {
    globalThis.fetch = original;
  }
}
