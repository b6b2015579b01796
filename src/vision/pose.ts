// Hands and raised fingers: @vladmandic/human's hand detector and landmark model (the weights in
// its own models/ folder) on TensorFlow.js's WebAssembly backend. Nothing is fetched: the model
// files are read from the installed package, and any other URL the library asks for is refused.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { boxFromCorners, type Box } from './box.js';
import { framedPhoto, quarterBack, quarterTurned, rgbPixels, type Photo } from './image.js';
import type { ModelInfo } from './model-info.js';
import { packageStatus, requireFrom } from './packages.js';
import { keepsHand, raisedFingers, SHAPE_SIGN, shapeOf, type Finger, type HandShape } from './hand-shape.js';

export { FINGERS, SHAPE_SIGN, keepsHand, raisedFingers, shapeOf, type Finger, type HandShape } from './hand-shape.js';

/** A vehicle or a person the object model sees, box in photo pixels. */
export interface SeenObject {
  kind: 'vehicle' | 'person';
  /** the model's own class name (car, truck, bus, motorcycle, person) */
  label: string;
  score: number;
  box: Box;
}

export interface HandReading {
  box: Box;
  /** the hand detector's score */
  score: number;
  /** the landmark model's score that the crop is a hand at all */
  landmarkScore: number;
  raised: Finger[];
  shape: HandShape;
}

// The detector only proposes boxes, down to MIN_DETECT_SCORE; which of them are hands is decided
// with the landmark model's score (keepsHand in hand-shape.ts).
const MIN_DETECT_SCORE = 0.05;
const MIN_FACE_SCORE = 0.6;
// A sign read with at least this detector score needs no second look; the second look frames the
// photo with a border this share of its longer side wide.
const SURE_SIGN = 0.5;
const FRAME = 0.25;
// A hand box at least this many times as wide as tall is a hand held sideways (fingers level: two
// fingers held out flat). The landmark model, trained mostly on upright hands, may draw its thumb
// along the fingers there and read no shape; the photo turned a quarter shows it upright.
const SIDEWAYS = 2;
// A sign read on a turned photo counts where its box covers this share of the sideways hand's.
const SAME_HAND = 0.5;
// Both models are loaded once; each call runs only the one it needs.
// (human keeps the config of each call, so each says what it turns off)
const HANDS_ONLY = { face: { enabled: false }, hand: { enabled: true }, object: { enabled: false } };
const FACES_ONLY = { face: { enabled: true }, hand: { enabled: false }, object: { enabled: false } };
// Things in the photo (the package's CenterNet, COCO's 80 classes), asked only when printed
// campaign words have no firmer form (reader.ts formOf): loaded on first use. The score floor is
// low because drawn and far vehicles score low (a far car at 4 % of the photo: "truck" 0.26),
// and only the vehicle and person classes are kept (form.ts says what they count for).
const MIN_OBJECT_SCORE = 0.2;
const OBJECTS_ONLY = { face: { enabled: false }, hand: { enabled: false }, object: { enabled: true, modelPath: 'centernet.json', minConfidence: MIN_OBJECT_SCORE, iouThreshold: 0.4, maxDetected: 10, skipFrames: 0, skipTime: 0 } };
const VEHICLE_LABELS = new Set(['car', 'truck', 'bus', 'motorcycle']);

interface HumanHand {
  score: number;
  fingerScore: number;
  box: [number, number, number, number];
  keypoints: Array<[number, number, number?]>;
}
interface HumanLike {
  version: string;
  load(): Promise<void>;
  warmup?(): Promise<unknown>;
  detect(input: unknown, config?: unknown): Promise<{ hand: HumanHand[]; face?: Array<{ score: number; box: [number, number, number, number] }>; object?: Array<{ score: number; label: string; box: [number, number, number, number] }> }>;
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
      // faces only as boxes (where a wearer's chest is, for the printed-material form): no mesh,
      // iris, emotion or identity models are loaded
      face: {
        enabled: true,
        detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 6, minConfidence: MIN_FACE_SCORE, skipFrames: 0, skipTime: 0 },
        mesh: { enabled: false },
        attention: { enabled: false },
        iris: { enabled: false },
        description: { enabled: false },
        emotion: { enabled: false },
        antispoof: { enabled: false },
        liveness: { enabled: false },
        gear: { enabled: false },
      },
      body: { enabled: false },
      object: { enabled: false },
      segmentation: { enabled: false },
      gesture: { enabled: false },
      hand: {
        enabled: true,
        rotation: true,
        skipFrames: 0,
        skipTime: 0,
        minConfidence: MIN_DETECT_SCORE,
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

  /**
   * Hands in a photo with their raised fingers, boxes in photo pixels. A hand close to the camera
   * (a thumb seen side-on, a hand filling much of the frame) is often boxed badly and read as no
   * sign, or as a doubtful one: when no sign is read with a score of at least SURE_SIGN, the photo
   * is read again framed by a grey border (FRAME of its longer side), where the hand is smaller
   * next to the frame, and that reading is kept when it reads a sign more surely. Only the first
   * reading keeps boxes the detector scores low (a hand filling the frame, keepsHand): in the
   * framed one, where every hand is smaller, such a box is a guess.
   */
  async read(photo: Photo): Promise<HandReading[]> {
    const unread: Box[] = [];
    const first = await this.handsIn(photo, photo, 0, true, unread);
    const best = (hands: HandReading[]) => Math.max(0, ...hands.filter((h) => carriesSign(h.shape)).map((h) => h.score));
    let hands = first;
    if (first.length > 0 && best(first) < SURE_SIGN) {
      const pad = Math.round(Math.max(photo.width, photo.height) * FRAME);
      const again = await this.handsIn(await framedPhoto(photo, pad), photo, pad, false);
      hands = best(again) > best(first) ? again : first;
    }
    // a hand held sideways whose landmarks read no shape at all (SIDEWAYS): read on the photo
    // turned a quarter each way, where it is kept only as the turn shows it upright (its wrist
    // below its knuckles, the view the landmark model reads best; turned the other way its fingers
    // hang down and read as anything) and over the sideways hand; two upright reads must agree
    const sideways = unread.filter((b) => b.w >= SIDEWAYS * b.h);
    if (best(hands) > 0 || sideways.length === 0) return hands;
    const upright: HandReading[] = [];
    for (const clockwise of [true, false]) {
      const view = await quarterTurned(photo, clockwise);
      for (const h of await this.handsIn(view, view, 0, false, [], true)) {
        const box = boxFromCorners(...corners(quarterBack(h.box, clockwise, photo)), 1, photo.width, photo.height);
        if (carriesSign(h.shape) && sideways.some((s) => shareOf(s, box) >= SAME_HAND)) upright.push({ ...h, box });
      }
    }
    if (new Set(upright.map((h) => h.shape)).size > 1) return hands;
    return [...hands, ...upright.slice(0, 1)];
  }

  /**
   * Hands read in `input` (the photo, or the photo framed by `pad` pixels), boxes in the photo's
   * pixels; `faint`: keep the low-scored boxes that fill the frame and that the landmark model is sure of.
   */
  private async handsIn(input: Photo, photo: Photo, pad: number, faint: boolean, unread: Box[] = [], uprightOnly = false): Promise<HandReading[]> {
    const result = await this.detect(input, HANDS_ONLY);
    const out: HandReading[] = [];
    for (const h of result.hand) {
      // the finger curls human computes call a sideways fist's fingers straight; the landmarks
      // are read here in the palm's own frame instead (hand-shape.ts)
      const raised = raisedFingers(h.keypoints);
      const edgeOn = raised ? { w: h.box[2], h: h.box[3], raised } : undefined;
      if (!keepsHand({ score: h.score, landmarkScore: h.fingerScore, side: Math.max(h.box[2], h.box[3]), ...(edgeOn ? { edgeOn } : {}) }, photo, faint)) continue;
      const [x, y, w, hh] = [h.box[0] - pad, h.box[1] - pad, h.box[2], h.box[3]];
      if (uprightOnly && !wristBelow(h.keypoints)) continue;
      // a hand whose landmarks are no plausible hand: where it is (read() may look again)
      if (!raised) {
        unread.push(boxFromCorners(x, y, x + w, y + hh, 1, photo.width, photo.height));
        continue;
      }
      const round = (v: number) => Math.round(v * 100) / 100;
      out.push({ box: boxFromCorners(x, y, x + w, y + hh, 1, photo.width, photo.height), score: round(h.score), landmarkScore: round(h.fingerScore), raised, shape: shapeOf(raised) });
    }
    return out;
  }

  /**
   * Faces in a photo (boxes only, photo pixels): asked before OCR, which reads the chest below
   * each (ocr.ts pass 4), and they tell a chest print from a poster (form.ts).
   */
  async faces(photo: Photo): Promise<Box[]> {
    const result = await this.detect(photo, FACES_ONLY);
    return (result.face ?? []).filter((f) => f.score >= MIN_FACE_SCORE).map((f) => boxFromCorners(f.box[0], f.box[1], f.box[0] + f.box[2], f.box[1] + f.box[3], 1, photo.width, photo.height));
  }

  /**
   * Vehicles and people in a photo (boxes, photo pixels): asked only for printed campaign words
   * whose form nothing firmer decided (form.ts). The object model is loaded on first use, from
   * the package's own models folder like the others.
   */
  async objects(photo: Photo): Promise<SeenObject[]> {
    const result = await withLocalFetch(() => this.detect(photo, OBJECTS_ONLY));
    return (result.object ?? []).flatMap((o) => {
      const kind = VEHICLE_LABELS.has(o.label) ? 'vehicle' : o.label === 'person' ? 'person' : undefined;
      if (!kind || o.score < MIN_OBJECT_SCORE) return [];
      return [{ kind, label: o.label, score: Math.round(o.score * 100) / 100, box: boxFromCorners(o.box[0], o.box[1], o.box[0] + o.box[2], o.box[1] + o.box[3], 1, photo.width, photo.height) }];
    });
  }

  private async detect(photo: Photo, config: unknown): ReturnType<HumanLike['detect']> {
    const px = await rgbPixels(photo);
    const tensor = this.human.tf.tensor3d(px.data, [px.height, px.width, 3], 'int32');
    try {
      return await this.human.detect(tensor, config);
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

/** Whether a hand's wrist (landmark 0) is below its middle knuckle (9): the palm points up, within 45°. */
function wristBelow(points: ReadonlyArray<readonly [number, number, number?]>): boolean {
  const [wx = 0, wy = 0] = points[0] ?? [];
  const [kx = 0, ky = 0] = points[9] ?? [];
  return wy - ky > 0 && wy - ky >= Math.abs(kx - wx);
}

/** A box's corners (x0, y0, x1, y1). */
function corners(b: Box): [number, number, number, number] {
  return [b.x, b.y, b.x + b.w, b.y + b.h];
}

/** The share of box `a` that box `b` covers. */
function shareOf(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / (a.w * a.h);
}

/** A shape that is some pair's number or hand sign. */
function carriesSign(shape: HandShape): boolean {
  return SHAPE_SIGN[shape].number !== undefined || SHAPE_SIGN[shape].emoji.length > 0;
}
