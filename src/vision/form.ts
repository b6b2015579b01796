// Which form printed campaign words in a photo take — worn on a shirt (prohibition 4), a sticker
// on a vehicle (7) or other campaign material (3) — decided from what is available offline: the
// item's own words, faces the pose model sees above the print, and where the print sits in the
// photo. Pure: no model, so it is testable without the optional packages. Every decision says why.
import type { Box } from './box.js';
import type { Substrate } from './substrate.js';
import type { Prohibition } from '../model/finding.js';
import type { RulePack } from '../rules/pack.js';
import type { RegistryTerm } from '../rules/registry.js';

export type PrintedForm = 'worn' | 'vehicle' | 'material';

/** Why a form was chosen: a reason id (the message key) and what it rests on. */
export interface FormReason {
  why: 'captionGarment' | 'captionVehicle' | 'captionMaterial' | 'torso' | 'forehead' | 'plate' | 'wheels' | 'stickerPatch' | 'garmentSurface' | 'sheetSurface' | 'stickerLayout' | 'uprightStrip' | 'headwear' | 'helmetShell' | 'bagHandles' | 'patternedCloth' | 'shirtLayout' | 'vehicleObject' | 'personObject' | 'none';
  /** the caption word, or the face box, the reason rests on */
  detail?: string;
}

export interface FormDecision {
  form: PrintedForm;
  prohibition: Prohibition;
  reason: FormReason;
  /** how much the form itself is to be trusted (0..1): caption words and a face are firmer than layout */
  strength: number;
}

export interface FormWords {
  garment: string[];
  vehicle: string[];
  material: string[];
}

/** A face the pose model saw, and how much of its lower half is skin (when measured). */
export interface FaceBox extends Box {
  /**
   * share of skin-toned pixels in the lower half of its box (substrate.ts skinShare: mouth and
   * chin, under any band across its top); undefined when not measured
   */
  skin?: number;
}

export interface FormInput {
  /** the item's own words (caption, post text): not the OCR text */
  caption: string;
  /** where the printed words are, in photo pixels */
  print: Box;
  /** printed lines in that box */
  lines: number;
  /** the direction the print's lines run, degrees clockwise from level, when they were read turned */
  angle?: number;
  /** how many bands its lines occupy across their run (box.ts bandsAcross): lines read twice count once */
  bands?: number;
  photo: { width: number; height: number };
  /** faces seen in the photo (pose model), in photo pixels */
  faces: readonly FaceBox[];
  /** the surface the print is on (substrate.ts), when one was found */
  surface?: Substrate;
  /** what that surface is stuck on, when it is a small patch (a sticker's carrier: measured round the patch) */
  carrier?: Substrate;
  /**
   * how busy what lies just above and just below a small patch is, when no one-colour carrier was
   * found round it (substrate.ts patternAround: the lesser share of neighbouring pixels a sharp
   * colour step apart, of the two bands)
   */
  pattern?: number;
  /**
   * a bag's handles rise from the top edge of the even rectangle the print is on, or of the one
   * its small patch is stuck on (substrate.ts handlesAbove: a tote's straps)
   */
  handles?: boolean;
  /** a licence plate read elsewhere in the same photo (its text) */
  plate?: string;
  /** where that plate is (photo pixels): when known, it counts only near the print (plateNear) */
  plateBox?: Box;
  /** the body of a vehicle seen from the side, over its two wheels (wheels.ts), in photo pixels */
  vehicle?: Box;
  /** vehicles and people an object model sees (pose.ts objects), photo pixels: given only when nothing firmer decided */
  objects?: ReadonlyArray<{ kind: 'vehicle' | 'person'; label: string; score: number; box: Box }>;
}

// A print is worn by a person the object model boxes when its middle is in the middle
// PERSON_ACROSS of the box across and between PERSON_TOP and PERSON_BOTTOM of it down (a chest:
// under the head, above the legs), and it is at most PERSON_WIDTH of the box wide (a sheet behind
// a person spans past them).
const PERSON_ACROSS = 0.6;
const PERSON_TOP = 0.2;
const PERSON_BOTTOM = 0.75;
const PERSON_WIDTH = 0.9;

const PROHIBITION: Record<PrintedForm, Prohibition> = { worn: 4, vehicle: 7, material: 3 };
// Printed material that is neither worn nor on a vehicle (the words the garment and sticker rules do not list).
const MATERIAL_WORDS = ['poster', 'spanduk', 'baliho', 'banner', 'pamflet', 'brosur', 'selebaran', 'flyer', 'kalender'];

/**
 * The garment and vehicle words are the text rules' own (t4 `atribut`, t7 `kendaraan`), so a
 * caption is read for the form with the same words a caption is judged by.
 */
export function formWords(pack: RulePack): FormWords {
  const terms = (ruleId: string, matcher: string): string[] => {
    const rule = pack.rules.find((r) => r.def.id === ruleId);
    const m = (rule?.def.match as Record<string, { terms?: string[] }> | undefined)?.[matcher];
    return m?.terms ?? [];
  };
  return { garment: terms('t4-kaos-atribut-kampanye', 'atribut'), vehicle: terms('t7-stiker-kendaraan', 'kendaraan'), material: MATERIAL_WORDS };
}

function wordIn(text: string, words: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  return words.find((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(lower));
}

/**
 * A face counts as wearing the print when the print is below it, overlaps its column (within one
 * face width either side) and starts within four face heights of the chin: a chest, not a poster
 * on the wall behind.
 */
function wearer(print: Box, faces: readonly Box[]): Box | undefined {
  return faces.find((f) => {
    const below = print.y >= f.y + f.h * 0.8 && print.y - (f.y + f.h) <= f.h * 4;
    const column = print.x < f.x + f.w * 2 && print.x + print.w > f.x - f.w;
    return below && column;
  });
}

/**
 * A face whose top half the print runs across: its middle inside the face's column and in the
 * upper half of the face's box (a forehead), no wider than two faces (a band round a head, not a
 * banner behind it — a face in front of a banner hides the banner's middle, it is not read across
 * the face), with some skin under the band (FACE_SKIN of the box's lower half, where measured):
 * the pose model also takes a helmet's shell with its dark visor for a face, and a sticker across
 * that shell is the helmet's, not a headband's.
 */
function forehead(print: Box, faces: readonly FaceBox[]): Box | undefined {
  const mx = print.x + print.w / 2;
  const my = print.y + print.h / 2;
  return faces.find((f) => mx >= f.x && mx <= f.x + f.w && my >= f.y && my <= f.y + f.h * 0.5 && print.w <= 2 * f.w && (f.skin === undefined || f.skin >= FACE_SKIN));
}

// A face's lower half (mouth, chin and what the box takes in round them) is at least this share
// skin-toned: the pose model's boxes round the faces of the labelled photos measured 0.08 or more
// (160 px wide copies), a black helmet's shell and visor 0.01. Kept low so that a face in dim
// light or of dark skin, which the RGB skin rule half misses, still counts: only a box with next
// to no skin is taken for something else.
const FACE_SKIN = 0.05;

/**
 * Where a face's wearer's shirt print would be (photo pixels, clipped): the chest below the chin,
 * the span wearer() accepts across (a face width either side) and about two and a half face
 * heights down.
 */
export function chestOf(face: Box, photo: { width: number; height: number }): Box | undefined {
  const x = Math.max(0, Math.round(face.x - 1.2 * face.w));
  const y = Math.round(face.y + 1.1 * face.h);
  const w = Math.min(photo.width - x, Math.round(3.4 * face.w));
  const h = Math.min(photo.height - y, Math.round(2.6 * face.h));
  return w >= 8 && h >= 8 ? { x, y, w, h } : undefined;
}

/** The form of printed words in a photo, and why. */
export function printedForm(input: FormInput, words: FormWords): FormDecision {
  const decide = (form: PrintedForm, reason: FormReason, strength: number): FormDecision => ({ form, prohibition: PROHIBITION[form], reason, strength });
  // 1. the person posting says what it is
  const garment = wordIn(input.caption, words.garment);
  if (garment) return decide('worn', { why: 'captionGarment', detail: garment }, 0.9);
  const vehicle = wordIn(input.caption, words.vehicle);
  if (vehicle) return decide('vehicle', { why: 'captionVehicle', detail: vehicle }, 0.9);
  // 2. a face right above the print: it is on a torso
  const face = wearer(input.print, input.faces);
  if (face) return decide('worn', { why: 'torso', detail: `x=${face.x} y=${face.y} w=${face.w} h=${face.h}` }, 0.8);
  // ... or across the top of a face: a band round the head (a bandana, a headband)
  const head = forehead(input.print, input.faces);
  if (head) return decide('worn', { why: 'forehead', detail: `x=${head.x} y=${head.y} w=${head.w} h=${head.h}` }, 0.7);
  const material = wordIn(input.caption, words.material);
  if (material) return decide('material', { why: 'captionMaterial', detail: material }, 0.8);
  // 3. a licence plate in the same photo: the print is on or beside a vehicle (a shirt print with
  // its wearer's face was decided above) ...
  if (input.plate && (!input.plateBox || plateNear(input.print, input.plateBox))) return decide('vehicle', { why: 'plate', detail: input.plate }, 0.6);
  // ... or the print's middle is on the body over a vehicle's two wheels
  const v = input.vehicle;
  const mx = input.print.x + input.print.w / 2;
  const my = input.print.y + input.print.h / 2;
  if (v && mx >= v.x && mx <= v.x + v.w && my >= v.y && my <= v.y + v.h) return decide('vehicle', { why: 'wheels', detail: `x=${v.x} y=${v.y} w=${v.w} h=${v.h}` }, 0.6);
  // ... or an object model sees a vehicle round the print's middle (a car too far for its plate
  // to be read, a minibus, a car from behind), or a person wearing it (too small for a face)
  const objects = input.objects ?? [];
  const inside = (b: Box) => mx >= b.x && mx <= b.x + b.w && my >= b.y && my <= b.y + b.h;
  const seenVehicle = objects.find((o) => o.kind === 'vehicle' && inside(o.box));
  if (seenVehicle) return decide('vehicle', { why: 'vehicleObject', detail: objectText(seenVehicle) }, 0.5);
  // (not on a sheet the print's surface shows: a poster's candidates are people too, their names
  // printed across their chests)
  const s = input.surface;
  const sheet = !!s && s.share < 0.9 && s.rect >= 0.85 && s.share >= 0.08;
  const seenPerson = objects.find((o) => {
    const b = o.box;
    return !sheet && o.kind === 'person' && Math.abs(mx - (b.x + b.w / 2)) <= (PERSON_ACROSS / 2) * b.w && my >= b.y + PERSON_TOP * b.h && my <= b.y + PERSON_BOTTOM * b.h && input.print.w <= PERSON_WIDTH * b.w;
  });
  if (seenPerson) return decide('worn', { why: 'personObject', detail: objectText(seenPerson) }, 0.5);
  // 4. the surface the words are printed on (substrate.ts), unless it is the whole photo (print
  // on a plain background says nothing of what carries it)
  if (s && s.share < 0.9) {
    // a dome, or a small patch stuck on one: a cap's crown over a face is worn; a helmet's shell
    // with no face under it is a rider's gear, filed with the vehicle's stickers
    // an even rectangle with a bag's straps rising from its top edge, the print on it or on a
    // small patch stuck on it: a tote bag carried or hung up, an attribute shown like a shirt (4)
    // — not a poster, a banner or a vehicle's panel
    if (input.handles && ((s.rect >= 0.85 && s.share >= 0.08) || (s.share <= PATCH_SHARE && input.carrier))) return decide('worn', { why: 'bagHandles' }, 0.5);
    const shell = dome(s) ? s : s.share <= PATCH_SHARE && input.carrier && dome(input.carrier) ? input.carrier : undefined;
    if (shell) return shell.skinBelow >= DOME_FACE ? decide('worn', { why: 'headwear' }, 0.5) : decide('vehicle', { why: 'helmetShell' }, 0.5);
    // a small rectangular patch, set off from what is around it: a sticker — unless nothing round
    // it is one colour and what lies above and below it is a dense pattern: a band sewn on a
    // patterned cloth (a batik shirt's name band). A vehicle's paint, glass or plastic round a
    // sticker is one colour, or at most crossed by a few edges (a panel's seam, a wheel).
    if (s.share <= PATCH_SHARE && s.rect >= 0.85 && !s.touchesBottom) {
      if (!input.carrier && (input.pattern ?? 0) >= CLOTH_PATTERN) return decide('worn', { why: 'patternedCloth' }, 0.4);
      return decide('vehicle', { why: 'stickerPatch' }, 0.5);
    }
    // a large irregular surface (neck, shoulders, sleeves: not a rectangle) running on below the
    // print, the print across its middle: a shirt front
    if (s.share >= 0.08 && s.rect < 0.85 && Math.abs(s.across - 0.5) <= 0.15 && s.below >= 0.5) return decide('worn', { why: 'garmentSurface' }, 0.5);
    // a large rectangle: a sheet, a poster, a banner
    if (s.rect >= 0.85 && s.share >= 0.08) return decide('material', { why: 'sheetSurface' }, 0.5);
  }
  // 5. layout alone (weak): a sticker is one or two wide lines low in a landscape photo (car door,
  // rear window); a shirt's print is a centred block starting below the top 40 % (under a head)
  // and running to the lower part of the frame; a poster or banner starts high or fills the frame
  const { width: W, height: H } = input.photo;
  const p = input.print;
  const cx = p.x + p.w / 2;
  if (W > H && input.lines <= 2 && p.w >= 3 * (p.h / Math.max(1, input.lines)) && p.y + p.h / 2 >= H * 0.55) return decide('vehicle', { why: 'stickerLayout' }, 0.4);
  if (uprightStrip(input)) return decide('vehicle', { why: 'uprightStrip', detail: `${Math.round(input.angle ?? 0)}°` }, 0.4);
  if (input.lines >= 2 && Math.abs(cx - W / 2) <= W * 0.12 && p.y >= H * 0.4 && p.w <= W * 0.6) return decide('worn', { why: 'shirtLayout' }, 0.4);
  return decide('material', { why: 'none' }, 0.5);
}

// A dome (a helmet's shell, a cap's crown): a surface whose top quarter of rows is at most
// DOME_CROWN of its widest row, that row in its bottom DOME_RIM (the rim sits on a head or a
// table), at least DOME_TALL as tall as it is wide (not a strip: a sticker turned a little has a
// short first row too) and at most as tall as wide, the print across its middle, small in the
// photo and clear of its bottom edge. A shirt is widest at its sleeves, half-way down, and runs out
// of the photo; a sticker, a sheet or a banner is a rectangle. DOME_FACE of skin-toned pixels
// under its middle is a face under it.
const DOME_CROWN = 0.65;
const DOME_RIM = 0.3;
const DOME_TALL = 0.4;
const DOME_FACE = 0.4;
// a surface at most this share of the photo is a patch whose carrier is looked at (a sticker's)
export const PATCH_SHARE = 0.06;
// A patch's surroundings are a patterned cloth when at least this share of neighbouring pixels,
// both just above and just below it, are a sharp step apart: batik measured 0.57–0.78, a becak's
// panel over its wheel 0.16 / 0.40, an SUV's spare-wheel cover 0.05 / 0 (160 px wide copies).
const CLOTH_PATTERN = 0.5;
export function dome(s: Substrate): boolean {
  return s.rect < 0.9 && s.crown <= DOME_CROWN && s.widestAt >= 1 - DOME_RIM && s.box.h >= DOME_TALL * s.box.w && s.box.h <= s.box.w && Math.abs(s.across - 0.5) <= 0.2 && s.share <= 0.15 && !s.touchesBottom;
}

// A strip of print read turned a near quarter (its lines running up or down the photo, within
// UPRIGHT_OFF of upright) in one or two lines, at least UPRIGHT_LONG times as long as it is wide:
// a sticker stuck along something upright — a car's C-pillar, a scooter's fork, an angkot's body
// read top-to-bottom. Posters and banners print level; a shirt's print turns with its wearer by
// tens of degrees, not by a quarter. Reached only when no caption, face, plate, wheels, object or
// surface decided, so it is a guess from the layout and as weak as the sticker layout above.
const UPRIGHT_OFF = 30;
const UPRIGHT_LONG = 2.5;
function uprightStrip(input: FormInput): boolean {
  const a = Math.abs(input.angle ?? 0);
  const p = input.print;
  return Math.abs(a - 90) <= UPRIGHT_OFF && (input.bands ?? input.lines) <= 2 && p.h >= UPRIGHT_LONG * p.w;
}

const objectText = (o: { label: string; score: number; box: Box }) => `${o.label} ${o.score.toFixed(2)}, x=${o.box.x} y=${o.box.y} w=${o.box.w} h=${o.box.h}`;

// An Indonesian licence plate: a region code, a number of 1–4 digits not starting with 0, and
// 1–3 series letters ("B 1234 SKM", "AD 77 XY"). Only the police's region codes count (Korlantas:
// Sumatra, Java, Bali and Nusa Tenggara, Kalimantan, Sulawesi, Maluku, Papua): "TPS 3 A" or
// "KM 5 B" has a plate's shape but no plate's region.
const PLATE = /^([A-Z]{1,2}) ?[1-9][0-9]{0,3} ?[A-Z]{1,3}$/;
const PLATE_REGIONS = new Set(
  [
    'BL BB BK BA BM BP BH BD BN BG BE',
    'A B D E F T Z G H K R AA AB AD L M N P S W AE AG',
    'DK DR EA DH EB ED',
    'KB DA KH KT KU',
    'DB DL DM DN DD DP DT DC DW',
    'DE DG',
    'PA PB',
  ].flatMap((x) => x.split(' ')),
);

// A plate and a print are on one vehicle when the print's middle is within this many plate
// widths of the plate's middle across, and from this many plate widths above it (a rear window
// over a boot) to this many below (a sticker on the bumper beside or under it). Widths, not
// heights: the plate's box is its read text, whose height says little of the plate's.
const PLATE_ACROSS = 3;
const PLATE_ABOVE = 2.5;
const PLATE_BELOW = 1;

/**
 * A plate on the same vehicle body as a print: a car's plate is about a fifth of its width, so a
 * print more than a few plate widths aside, or far above it, is on something else (a shirt, a
 * shop sign, another car in the street).
 */
export function plateNear(print: Box, plate: Box): boolean {
  const dx = Math.abs(print.x + print.w / 2 - (plate.x + plate.w / 2));
  const dy = print.y + print.h / 2 - (plate.y + plate.h / 2);
  return dx <= PLATE_ACROSS * plate.w && dy >= -PLATE_ABOVE * plate.w && dy <= PLATE_BELOW * plate.w;
}

/** A read line as a plate would be written: without the stray marks OCR reads at its ends (a screw, a frame's edge). */
export function plateText(line: string): string {
  return line.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * The licence plate among the lines an OCR read (one whole line), if any. A plate's frame is a
 * thin upright stroke at either end, which OCR may read as an "I" run into the region code or the
 * series ("IB 1234 SKM"): no region code starts with I, so a line that is no plate as read is
 * tried without it.
 */
export function plateIn(lines: readonly string[]): string | undefined {
  const isPlate = (l: string) => {
    const m = PLATE.exec(l);
    return m !== null && PLATE_REGIONS.has(m[1]!);
  };
  for (const read of lines.map(plateText)) {
    if (isPlate(read)) return read;
    const unframed = read.replace(/^[Il](?=[A-Z])|(?<=[A-Z])[Il]$/g, '');
    if (unframed !== read && isPlate(unframed)) return unframed;
    // a region code read as the digits its letters look like ("13 1234 SKP": B read as 13), set
    // apart from the number by a space as a plate prints it
    const lettered = read.replace(/^(\d{1,2})(?= [1-9])/, (d) => REGION_DIGITS[d] ?? d);
    if (lettered !== read && isPlate(lettered)) return lettered;
  }
  return undefined;
}

// Region-code letters OCR reads as digits on a plate's embossed print: B as 13 or 8, D as 0, G as
// 6, S as 5, Z as 2, A as 4, T as 7.
const REGION_DIGITS: Readonly<Record<string, string>> = { '13': 'B', '8': 'B', '0': 'D', '6': 'G', '5': 'S', '2': 'Z', '4': 'A', '7': 'T' };

/**
 * Printed words name a pair as a pair — not just one person who may be in office — when they
 * include its pair name, a tag, a team or an account, or name both its candidates (by full or
 * short name; a ballot number beside one name does not make two).
 */
export function namesAsPair(terms: readonly RegistryTerm[]): boolean {
  // a short name or a ballot number says no more than one candidate's name
  const people = terms.filter((x) => x.list !== 'numbers');
  if (people.some((x) => x.list !== 'names' && x.list !== 'ambiguous')) return true;
  const persons = new Set(
    people.map((x) => {
      const i = x.pair?.candidates.findIndex((c) => c.name.toLowerCase() === x.term.toLowerCase() || c.forms.some((f) => f.toLowerCase() === x.term.toLowerCase()) || (c.ambiguous_forms ?? []).some((f) => f.toLowerCase() === x.term.toLowerCase()));
      return i === undefined || i < 0 ? x.term.toLowerCase() : String(i);
    }),
  );
  return persons.size >= 2;
}
