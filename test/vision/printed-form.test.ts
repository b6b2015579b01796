// The form of printed campaign words in a photo (form.ts): which prohibition they fall under and
// why, from the caption, a face above the print, and the layout.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rules/pack.js';
import { bandsAcross } from '../../src/vision/box.js';
import { chestOf, formWords, namesAsPair, plateIn, plateNear, printedForm, type FormInput, type FormWords } from '../../src/vision/form.js';

let words: FormWords;
beforeAll(async () => {
  words = formWords(await loadRulePack());
});

const photo = { width: 480, height: 360 };
const base: FormInput = { caption: '', print: { x: 150, y: 40, w: 180, h: 120 }, lines: 3, photo, faces: [] };

describe('the printed-material form', () => {
  it('takes the garment and vehicle words from the text rules t4 and t7', () => {
    expect(words.garment).toContain('kaos');
    expect(words.vehicle).toContain('mobil');
  });

  it('follows the caption first: a shirt is 4, a vehicle 7, a banner 3', () => {
    expect(printedForm({ ...base, caption: 'Kaos baru dari relawan' }, words)).toMatchObject({ form: 'worn', prohibition: 4, reason: { why: 'captionGarment', detail: 'kaos' } });
    expect(printedForm({ ...base, caption: 'sudah terpasang di mobil' }, words)).toMatchObject({ form: 'vehicle', prohibition: 7, reason: { why: 'captionVehicle', detail: 'mobil' } });
    expect(printedForm({ ...base, caption: 'spanduk di depan rumah' }, words)).toMatchObject({ form: 'material', prohibition: 3, reason: { why: 'captionMaterial' } });
  });

  it('matches caption words whole: "motor" inside "promotor" is no vehicle', () => {
    expect(printedForm({ ...base, caption: 'promotor acara' }, words).reason.why).not.toBe('captionVehicle');
  });

  it('reads print right below a face as worn, and print beside or far below a face as not', () => {
    const face = { x: 200, y: 20, w: 80, h: 80 };
    const chest = { x: 180, y: 130, w: 120, h: 80 };
    expect(printedForm({ ...base, print: chest, faces: [face] }, words)).toMatchObject({ form: 'worn', reason: { why: 'torso' } });
    expect(printedForm({ ...base, print: { x: 20, y: 130, w: 60, h: 40 }, faces: [{ ...face, x: 380 }] }, words).reason.why).not.toBe('torso');
    expect(printedForm({ ...base, print: { ...chest, y: 460 }, photo: { width: 480, height: 800 }, faces: [face] }, words).reason.why).not.toBe('torso');
  });

  it('takes a vehicle or a person an object model sees round the print as its carrier', () => {
    const far = { ...base, print: { x: 300, y: 170, w: 60, h: 8 }, lines: 1 };
    const car = { kind: 'vehicle' as const, label: 'truck', score: 0.26, box: { x: 262, y: 153, w: 146, h: 93 } };
    expect(printedForm({ ...far, objects: [car] }, words)).toMatchObject({ form: 'vehicle', prohibition: 7, reason: { why: 'vehicleObject' }, strength: 0.5 });
    // a vehicle elsewhere in the photo says nothing of the print
    expect(printedForm({ ...far, objects: [{ ...car, box: { ...car.box, x: 10 } }] }, words).reason.why).not.toBe('vehicleObject');
    // a person: print on the chest, not over the head, not past the legs, not wider than them
    const person = { kind: 'person' as const, label: 'person', score: 0.5, box: { x: 200, y: 40, w: 140, h: 300 } };
    const chest = { ...base, print: { x: 230, y: 140, w: 80, h: 30 }, lines: 2 };
    expect(printedForm({ ...chest, objects: [person] }, words)).toMatchObject({ form: 'worn', prohibition: 4, reason: { why: 'personObject' } });
    expect(printedForm({ ...chest, print: { ...chest.print, y: 40 }, objects: [person] }, words).reason.why).not.toBe('personObject');
    expect(printedForm({ ...chest, print: { x: 150, y: 140, w: 300, h: 30 }, objects: [person] }, words).reason.why).not.toBe('personObject');
    // a sheet round the print (a poster, its candidates' portraits behind their names) is no shirt
    const sheet = { box: { x: 150, y: 100, w: 240, h: 200 }, fill: 0.97, rect: 0.95, areaRatio: 20, share: 0.3, touchesBottom: false, across: 0.5, below: 0.3, crown: 1, widestAt: 0.5, skinBelow: 0 };
    expect(printedForm({ ...chest, surface: sheet, objects: [person] }, words).reason.why).not.toBe('personObject');
    // a face right above the print comes first
    expect(printedForm({ ...chest, faces: [{ x: 245, y: 60, w: 50, h: 50 }], objects: [car] }, words).reason.why).toBe('torso');
  });

  it('from layout alone gives only a weak guess, and otherwise the generic form 3', () => {
    const sticker = printedForm({ ...base, print: { x: 200, y: 230, w: 220, h: 30 }, lines: 1 }, words);
    expect(sticker).toMatchObject({ form: 'vehicle', reason: { why: 'stickerLayout' } });
    expect(sticker.strength).toBeLessThan(0.5);
    expect(printedForm({ ...base, print: { x: 80, y: 60, w: 320, h: 240 }, lines: 4 }, words)).toMatchObject({ form: 'material', prohibition: 3, reason: { why: 'none' } });
  });

  it('reads a strip of print running up or down the photo as a sticker on something upright, from layout alone', () => {
    // a sticker up a car's C-pillar, read turned a quarter: one line, a tall thin strip
    const pillar = { ...base, print: { x: 180, y: 150, w: 34, h: 170 }, lines: 1, angle: -86 };
    expect(printedForm(pillar, words)).toMatchObject({ form: 'vehicle', prohibition: 7, reason: { why: 'uprightStrip', detail: '-86°' } });
    expect(printedForm(pillar, words).strength).toBeLessThan(0.5);
    expect(printedForm({ ...pillar, angle: 84 }, words).reason.why).toBe('uprightStrip');
    // print read level, or turned only as a leaning shirt or a slanted banner turns it, is no strip
    expect(printedForm({ ...pillar, angle: undefined }, words).reason.why).not.toBe('uprightStrip');
    expect(printedForm({ ...pillar, angle: 40 }, words).reason.why).not.toBe('uprightStrip');
    // three lines or more, or a block about as wide as it is tall, is a sheet's print, not a strip
    expect(printedForm({ ...pillar, lines: 3 }, words).reason.why).not.toBe('uprightStrip');
    expect(printedForm({ ...pillar, lines: 3, bands: 3 }, words).reason.why).not.toBe('uprightStrip');
    // ... but one line read three times (whole, and each name alone) is still one band
    expect(printedForm({ ...pillar, lines: 3, bands: 1 }, words).reason.why).toBe('uprightStrip');
    expect(printedForm({ ...pillar, print: { x: 150, y: 150, w: 120, h: 170 } }, words).reason.why).not.toBe('uprightStrip');
    // anything firmer comes first: a face right above it, a rectangular sheet round it
    expect(printedForm({ ...pillar, faces: [{ x: 170, y: 60, w: 60, h: 60 }] }, words).reason.why).toBe('torso');
    const sheet = { box: { x: 100, y: 100, w: 240, h: 240 }, fill: 0.97, rect: 0.95, areaRatio: 20, share: 0.3, touchesBottom: false, across: 0.5, below: 0.3, crown: 1, widestAt: 0.5, skinBelow: 0 };
    expect(printedForm({ ...pillar, surface: sheet }, words).reason.why).toBe('sheetSurface');
  });

  it('counts the bands printed lines occupy across their run, a line read twice once', () => {
    // an upright strip read whole and name by name: three reads, one band across
    const strip = [{ x: 184, y: 190, w: 28, h: 149 }, { x: 186, y: 190, w: 25, h: 60 }, { x: 185, y: 262, w: 26, h: 77 }];
    expect(bandsAcross(strip, true)).toBe(1);
    // two lines side by side up a pillar are two bands; read level, they overlap as one band down
    const two = [{ x: 180, y: 150, w: 20, h: 150 }, { x: 204, y: 160, w: 20, h: 130 }];
    expect(bandsAcross(two, true)).toBe(2);
    expect(bandsAcross(two, false)).toBe(1);
    expect(bandsAcross([], true)).toBe(0);
  });

  it('reads a licence plate in the same photo as a vehicle, after the caption and a face', () => {
    expect(plateIn(['YUSUF RATNA', 'B 1234 SKM'])).toBe('B 1234 SKM');
    expect(plateIn(['AD 77 XY'])).toBe('AD 77 XY');
    expect(plateIn(['NOMOR 2', 'RT 03 / RW 01', 'TPS 02', 'IB 1234'])).toBeUndefined();
    expect(plateIn(['BK1234ABC'])).toBe('BK1234ABC');
    // stray marks OCR reads at a plate's ends (a screw, the frame)
    expect(plateIn(['B 1234 SKM,'])).toBe('B 1234 SKM');
    expect(plateIn(['|AD 77 XY.'])).toBe('AD 77 XY');
    // the frame's upright stroke read as an I run into the region code or the series
    expect(plateIn(['BUDI DEWI', 'IB 1234 SKM'])).toBe('B 1234 SKM');
    expect(plateIn(['D 4321 ABl'])).toBe('D 4321 AB');
    // a region code read as the digits its letters look like, set apart from the number
    expect(plateIn(['SUF RATNA', '13 1234 SKP'])).toBe('B 1234 SKP');
    expect(plateIn(['8 77 XY'])).toBe('B 77 XY');
    expect(plateIn(['13 02', '2 1234', '9 1234 AB', '131234 SKP'])).toBeUndefined();
    expect(plateIn(['IBU 1234 SK', 'ISTRI 2 ANAK'])).toBeUndefined();
    // a plate's shape without a plate's region code or number
    expect(plateIn(['TP 3 A', 'KM 5 B', 'XY 123 AB', 'B 0123 SK', 'RW 01 A'])).toBeUndefined();
    expect(printedForm({ ...base, plate: 'B 1234 SKM' }, words)).toMatchObject({ form: 'vehicle', prohibition: 7, reason: { why: 'plate', detail: 'B 1234 SKM' } });
    expect(printedForm({ ...base, plate: 'B 1234 SKM', caption: 'kaos relawan' }, words).reason.why).toBe('captionGarment');
  });

  it('counts a plate only on the print\'s own vehicle: below it or beside it, not far aside or far above', () => {
    const plate = { x: 280, y: 280, w: 110, h: 28 };
    // a sticker on the rear window over the boot, and one on the bumper beside the plate
    expect(plateNear({ x: 250, y: 160, w: 150, h: 30 }, plate)).toBe(true);
    expect(plateNear({ x: 120, y: 290, w: 120, h: 26 }, plate)).toBe(true);
    // a sign across the street, a banner high above, a print below the car
    expect(plateNear({ x: 20, y: 60, w: 40, h: 20 }, { ...plate, x: 560 })).toBe(false);
    expect(plateNear({ x: 280, y: 0, w: 110, h: 20 }, { ...plate, y: 400 })).toBe(false);
    expect(plateNear({ x: 280, y: 420, w: 110, h: 30 }, { ...plate, y: 200 })).toBe(false);
    expect(printedForm({ ...base, plate: 'B 1234 SKM', plateBox: { x: 560, y: 400, w: 60, h: 16 }, print: { x: 20, y: 20, w: 100, h: 30 } }, words).reason.why).not.toBe('plate');
    expect(printedForm({ ...base, plate: 'B 1234 SKM', plateBox: plate, print: { x: 250, y: 160, w: 150, h: 30 } }, words).reason.why).toBe('plate');
    // print on the body over a vehicle's two wheels; print beside it is not
    const vehicle = { x: 100, y: 20, w: 300, h: 200 };
    expect(printedForm({ ...base, vehicle }, words)).toMatchObject({ form: 'vehicle', prohibition: 7, reason: { why: 'wheels' } });
    expect(printedForm({ ...base, vehicle: { ...vehicle, x: 300 } }, words).reason.why).not.toBe('wheels');
  });

  it('reads the surface under the print: a small even patch is a sticker, a large uneven one a shirt, a large even one a sheet', () => {
    const surface = { box: { x: 0, y: 0, w: 10, h: 10 }, fill: 0.7, areaRatio: 5, touchesBottom: false, across: 0.5, below: 1, crown: 1, widestAt: 0.5, skinBelow: 0 };
    expect(printedForm({ ...base, surface: { ...surface, rect: 0.97, share: 0.03 } }, words)).toMatchObject({ form: 'vehicle', reason: { why: 'stickerPatch' } });
    expect(printedForm({ ...base, surface: { ...surface, rect: 0.7, share: 0.25, below: 4 } }, words)).toMatchObject({ form: 'worn', reason: { why: 'garmentSurface' } });
    expect(printedForm({ ...base, surface: { ...surface, rect: 0.98, share: 0.3 } }, words)).toMatchObject({ form: 'material', reason: { why: 'sheetSurface' } });
    // print off to the side of an uneven surface, or a surface that is the whole photo, says nothing
    expect(printedForm({ ...base, surface: { ...surface, rect: 0.7, share: 0.25, across: 0.1 } }, words).reason.why).not.toBe('garmentSurface');
    expect(printedForm({ ...base, surface: { ...surface, rect: 0.98, share: 0.95 } }, words).reason.why).not.toBe('sheetSurface');
    // the caption still comes first
    expect(printedForm({ ...base, caption: 'stiker di mobil', surface: { ...surface, rect: 0.7, share: 0.25, below: 4 } }, words).form).toBe('vehicle');
  });

  it('reads a dome under the print: a cap over a face is worn, a helmet with no face under it a rider\'s gear', () => {
    // a shell 56 wide and 43 tall, its crown a little over half its rim, widest at the rim
    const shell = { box: { x: 52, y: 46, w: 56, h: 43 }, fill: 0.64, rect: 0.83, areaRatio: 9.6, share: 0.08, touchesBottom: false, across: 0.5, below: 3, crown: 0.54, widestAt: 1, skinBelow: 0.01 };
    expect(printedForm({ ...base, surface: shell }, words)).toMatchObject({ form: 'vehicle', prohibition: 7, reason: { why: 'helmetShell' }, strength: 0.5 });
    expect(printedForm({ ...base, surface: { ...shell, skinBelow: 0.6 } }, words)).toMatchObject({ form: 'worn', prohibition: 4, reason: { why: 'headwear' }, strength: 0.5 });
    // not a dome: a shirt widest half-way down, a flat strip (a sticker turned a little), a
    // rectangle, a surface running out of the photo, a crown as wide as the rim
    expect(printedForm({ ...base, surface: { ...shell, widestAt: 0.45 } }, words).reason.why).not.toMatch(/helmetShell|headwear/);
    expect(printedForm({ ...base, surface: { ...shell, box: { x: 61, y: 52, w: 35, h: 9 } } }, words).reason.why).not.toMatch(/helmetShell|headwear/);
    expect(printedForm({ ...base, surface: { ...shell, rect: 0.95 } }, words).reason.why).not.toMatch(/helmetShell|headwear/);
    expect(printedForm({ ...base, surface: { ...shell, touchesBottom: true } }, words).reason.why).not.toMatch(/helmetShell|headwear/);
    expect(printedForm({ ...base, surface: { ...shell, crown: 0.9 } }, words).reason.why).not.toMatch(/helmetShell|headwear/);
    // a face right above the print (a shirt) still comes first
    expect(printedForm({ ...base, print: { x: 180, y: 130, w: 120, h: 80 }, faces: [{ x: 200, y: 20, w: 80, h: 80 }], surface: shell }, words).reason.why).toBe('torso');
    // a sticker patch stuck on a shell: its carrier is the dome; on a flat body it stays a sticker
    const patch = { box: { x: 61, y: 52, w: 35, h: 9 }, fill: 0.8, rect: 0.86, areaRatio: 2.8, share: 0.01, touchesBottom: false, across: 0.5, below: 0.2, crown: 0.46, widestAt: 1, skinBelow: 0 };
    expect(printedForm({ ...base, surface: patch, carrier: shell }, words)).toMatchObject({ form: 'vehicle', reason: { why: 'helmetShell' } });
    expect(printedForm({ ...base, surface: patch, carrier: { ...shell, rect: 0.95, crown: 1 } }, words).reason.why).toBe('stickerPatch');
    // a large surface's carrier is not asked
    expect(printedForm({ ...base, surface: { ...patch, share: 0.3, rect: 0.97 }, carrier: shell }, words).reason.why).toBe('sheetSurface');
  });
});

describe('printed words that name a pair as a pair', () => {
  it('are its pair name, a tag or both candidates, not one candidate alone (an official signing a notice)', async () => {
    const pack = await loadRulePack();
    const terms = pack.registry.terms.filter((x) => x.pair?.id === 'pilkada-2024-3299-01');
    const pick = (list: string, term: string) => {
      const found = terms.find((x) => x.list === list && x.term.toLowerCase() === term);
      if (!found) throw new Error(`no ${list} term ${term}`);
      return found;
    };
    expect(namesAsPair([pick('names', 'ahmad fauzi')])).toBe(false);
    expect(namesAsPair([pick('names', 'ahmad fauzi'), pick('names', 'haji fauzi')])).toBe(false);
    expect(namesAsPair([pick('names', 'ahmad fauzi'), pick('names', 'siti rahmawati')])).toBe(true);
    expect(namesAsPair([pick('pair_names', 'fauzi siti')])).toBe(true);
    // a short name with the pair's ballot number is still one person; both short names are two
    expect(namesAsPair([pick('ambiguous', 'siti'), pick('numbers', 'nomor 1')])).toBe(false);
    expect(namesAsPair([pick('ambiguous', 'fauzi'), pick('ambiguous', 'siti')])).toBe(true);
  });

  it('looks for a wearer\'s print on the chest below a face, inside the photo', () => {
    expect(chestOf({ x: 200, y: 50, w: 100, h: 100 }, photo)).toEqual({ x: 80, y: 160, w: 340, h: 200 });
    expect(chestOf({ x: 10, y: 300, w: 60, h: 60 }, photo)).toBeUndefined();
  });
});
