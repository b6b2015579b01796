// `scan --vision`: every photo an item shows is read once — printed text (OCR), known campaign
// imagery (perceptual hash against the registry's reference images) and hands (raised fingers).
// What it reads becomes one more item of kind `media` beside the photo's item: its text is the
// OCR text (then the item's own words, for context), evaluated by the same rule engine as any
// caption; the image and pose signals add findings of the vision rules. The reading itself
// (models, boxes, scores, thumbnails) is the item's raw record, kept with it as evidence.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { NetralError } from '../errors.js';
import type { IngestEvent, MediaCapture } from '../ingest/ingest.js';
import { t } from '../i18n/index.js';
import { visionMessages as m } from '../i18n/vision.js';
import { captureId, type Capture } from '../model/capture.js';
import type { CandidateRef, Finding, Span } from '../model/finding.js';
import { sha256Hex } from '../model/hash.js';
import { makeItem, type Item, type Media } from '../model/item.js';
import { evaluate, prepareItem, type ItemView } from '../rules/evaluate.js';
import type { RulePack } from '../rules/pack.js';
import { electionCoversRegion, electionsAt, type Election, type RegistryTerm } from '../rules/registry.js';
import { toOriginal } from '../text/normalise.js';
import type { RegistryImage } from '../rules/registry-schema.js';
import type { RuleRecord } from '../store/types.js';
import type { VisionItemEvent } from './event.js';
import { bandsAcross, boxText, unionBox, type Box } from './box.js';
import { dHashWindow, Integral, maskedDistance, maskedHash, type MaskedHash } from './dhash.js';
import { locate } from './locate.js';
import { chestOf, dome, formWords, namesAsPair, PATCH_SHARE, plateIn, plateText, printedForm, type FormDecision, type FormWords } from './form.js';
import { cropThumbnail, decodePhoto, greyPixels, smallRgb, type Photo } from './image.js';
import { FAINT_STEPS, handlesAbove, patchUnder, patternAround, skinShare, substrateOf, type Substrate } from './substrate.js';
import { vehicleOver, wheelsIn, type Wheel } from './wheels.js';
import { modelText, type ModelInfo } from './model-info.js';
import { OcrEngine, wordsIn, type OcrReading, type OcrWord } from './ocr.js';
import { sellsSomething } from './commerce.js';
import { listsField, pairNameWords, type PairNameWords } from './listing.js';
import { pairsOfCuePrint } from './print-pairs.js';
import { HandModel, SHAPE_SIGN, type HandReading, type SeenObject } from './pose.js';
import { packageStatus } from './packages.js';
import { imageRule, printedRule, VISION_RULES, visionFinding, visionRuleRecord, type VisionRule } from './rules.js';

export type Signal = 'ocr' | 'image' | 'pose';
export const SIGNALS: readonly Signal[] = ['ocr', 'image', 'pose'];

/** A registry reference image, hashed. */
export interface Reference {
  election: Election;
  image: RegistryImage;
  hash: MaskedHash;
  /** the reference's greyscale pixels, summed, for locating it in a photo */
  pixels: Integral;
}

export interface ImageMatch {
  label: string;
  pair: string;
  kind: RegistryImage['kind'];
  election: string;
  /** Hamming distance of the 64-bit dHashes (reliable bits, scaled to 64) */
  distance: number;
  /** correlation of the located window with the reference */
  ncc: number;
  box: Box;
}

/** Everything read from one photo. */
export interface PhotoReading {
  sha256: string;
  width: number;
  height: number;
  ocr?: OcrReading;
  images: ImageMatch[];
  hands: HandReading[];
  /** faces the pose model saw (boxes only): where a wearer's chest is */
  faces: Box[];
  /** vehicles and people the object model saw, when printed words needed them (formOf) */
  objects?: SeenObject[];
  /** milliseconds spent per signal */
  ms: Partial<Record<Signal, number>>;
}

/** One piece of evidence a finding rests on: what looked, where, how sure, and the crop. */
export interface VisionEvidence {
  finding: string;
  signal: Signal;
  model: ModelInfo;
  box: Box;
  score: number;
  /** sha256 of the cropped JPEG kept as a capture beside the photo */
  thumbnail: string;
}

/** The raw record of a vision item (stored as its raw_json). */
export interface VisionRecord {
  vision: {
    photo: { sha256: string; width: number; height: number; uri?: string };
    /** length of the OCR part at the start of the item's text: spans before it have boxes */
    ocrLength: number;
    ocr?: OcrReading;
    images: ImageMatch[];
    hands: HandReading[];
    faces: Box[];
    /** the form of the printed words (shirt, vehicle sticker, other material) and why */
    form?: FormDecision;
    evidence: VisionEvidence[];
  };
}


// Masked dHash distances (scaled to 64 bits) up to this are the same picture resized,
// recompressed or photographed slightly off; unrelated pictures sit around 32.
export const MAX_IMAGE_DISTANCE = 12;
// Registry lists that name a pair by identity (not a number, a slogan or a party).
const IDENTITY_LISTS = new Set(['names', 'pair_names', 'hashtags', 'name_tags', 'teams', 'accounts']);
// A candidate's short name (many people's) and a ballot number: a pair's only together.
const SHORT_NAME_LISTS = new Set(['ambiguous']);
const NUMBER_LISTS = new Set(['numbers']);
// Lists that name a pair by its candidates' names (not a tag, a team or an account).
const NAME_LISTS = new Set(['names', 'pair_names', 'ambiguous']);

// The surface under printed words is measured on a copy this wide (cloth texture and sensor
// noise average out; a sticker is still a dozen pixels tall).
const SURFACE_WIDTH = 160;
// Wheels are looked for on a copy this wide (a wheel is still a dozen pixels across).
const WHEEL_WIDTH = 200;
// Photos smaller than this on either side are not read (the hand model fails on them, and there
// is nothing to see).
const MIN_PHOTO_SIDE = 32;

export interface VisionOptions {
  signals?: readonly Signal[];
}

export class VisionReader {
  private readonly cache = new Map<string, { photo: Photo; reading: PhotoReading }>();

  private constructor(
    private readonly pack: RulePack,
    readonly references: Reference[],
    private readonly ocr: OcrEngine | undefined,
    private readonly hands: HandModel | undefined,
    readonly hashModel: ModelInfo,
    private readonly hashing: boolean,
    private readonly formWords: FormWords,
    private readonly nameWords: ReadonlySet<string>,
    private readonly pairWords: ReadonlyArray<readonly [string, string]>,
    private readonly pairNumbers: ReadonlyMap<string, readonly number[]>,
    private readonly pairNames: PairNameWords,
  ) {}

  /** Start the models for the chosen signals and hash the registry's reference images. */
  static async open(pack: RulePack, options: VisionOptions = {}): Promise<VisionReader> {
    const signals = new Set(options.signals ?? SIGNALS);
    const references = signals.has('image') ? await loadReferences(pack) : [];
    const ocr = signals.has('ocr') ? await OcrEngine.open() : undefined;
    const hands = signals.has('pose') ? await HandModel.open() : undefined;
    const sharpVersion = packageStatus('sharp').version ?? '?';
    const hashModel = { name: 'netral locate (NCC) + masked dHash-64', version: '1', weights: `sharp ${sharpVersion}, ${references.length} reference image(s)` };
    return new VisionReader(pack, references, ocr, hands, hashModel, signals.has('image'), formWords(pack), nameWords(pack), pairWords(pack), pairNumbers(pack), pairNameWords(pack.registry.elections));
  }

  async close(): Promise<void> {
    await this.ocr?.close();
  }

  get models(): ModelInfo[] {
    return [this.ocr?.model, this.hashing ? this.hashModel : undefined, this.hands?.model].filter((x): x is ModelInfo => x !== undefined);
  }

  /** Read one photo (bytes of any format sharp decodes). Same bytes are read once per scan. */
  async readPhoto(bytes: Buffer): Promise<{ photo: Photo; reading: PhotoReading }> {
    const sha256 = sha256Hex(bytes);
    const cached = this.cache.get(sha256);
    if (cached) return cached;
    const photo = await decodePhoto(bytes);
    const reading: PhotoReading = { sha256, width: photo.width, height: photo.height, images: [], hands: [], faces: [], ms: {} };
    // an icon or a placeholder pixel has no print, design or hand to read
    if (Math.min(photo.width, photo.height) < MIN_PHOTO_SIDE) return { photo, reading };
    // faces first: a wearer's chest is where OCR looks hardest, and where a print is worn (form.ts)
    if (this.hands && this.ocr) {
      const t0 = performance.now();
      reading.faces = await this.hands.faces(photo);
      reading.ms.pose = performance.now() - t0;
    }
    if (this.ocr) {
      const t0 = performance.now();
      const chests = reading.faces.map((f) => chestOf(f, photo)).filter((b): b is Box => b !== undefined);
      reading.ocr = await this.ocr.read(photo, chests, this.nameWords, this.pairWords, this.pairNumbers);
      reading.ms.ocr = performance.now() - t0;
      // print read mirrored is a mirror's picture: the face model, like the readers, may see the
      // wearer only the right way round, and a face above the print says it is worn (form.ts)
      if (reading.ocr.mirrored && reading.faces.length === 0 && this.hands) {
        const t1 = performance.now();
        const flopped = await decodePhoto(await sharp(photo.png).flop().png({ compressionLevel: 1 }).toBuffer());
        reading.faces = (await this.hands.faces(flopped)).map((f) => ({ ...f, x: photo.width - f.x - f.w }));
        reading.ms.pose = (reading.ms.pose ?? 0) + performance.now() - t1;
      }
    }
    if (this.references.length > 0) {
      const t0 = performance.now();
      reading.images = await matchReferences(photo, this.references);
      reading.ms.image = performance.now() - t0;
    }
    if (this.hands) {
      const t0 = performance.now();
      reading.hands = await this.hands.read(photo);
      reading.ms.pose = (reading.ms.pose ?? 0) + performance.now() - t0;
    }
    const entry = { photo, reading };
    this.cache.set(sha256, entry);
    if (this.cache.size > 32) this.cache.delete(this.cache.keys().next().value as string);
    return entry;
  }

  /**
   * The scan's events with a vision item after each item that shows a photo. A photo that cannot
   * be decoded gives a warning and is skipped; nothing else changes.
   */
  async *expand(events: AsyncIterable<IngestEvent>, ctx: { region?: string }): AsyncGenerator<IngestEvent | VisionItemEvent> {
    const buffers = new Map<string, Buffer>();
    for await (const event of events) {
      yield event;
      if (event.type === 'capture') {
        // a loose photo is its own capture: keep the bytes of the latest one for its item
        buffers.clear();
        if (Buffer.isBuffer(event.content) && event.capture.mediaType?.startsWith('image/')) buffers.set(event.capture.sha256, event.content);
        continue;
      }
      if (event.type !== 'item') continue;
      for (const [index, media] of event.item.media.entries()) {
        if (!media.sha256 || !media.mediaType?.startsWith('image/')) continue;
        const source = photoSource(event, media.sha256, buffers);
        if (!source) continue;
        let read: { photo: Photo; reading: PhotoReading };
        let bytes: Buffer;
        try {
          bytes = Buffer.isBuffer(source.content) ? source.content : await readAll(await source.content());
          read = await this.readPhoto(bytes);
        } catch (err) {
          yield { type: 'warning', message: t(m.photoUnreadable, { path: media.uri ?? source.capture.memberPath ?? source.capture.origin, detail: err instanceof Error ? err.message : String(err) }) };
          continue;
        }
        const derived = await this.visionItem(event, index, media, source, read, ctx);
        if (derived) yield derived;
      }
    }
  }

  /** The vision item for one photo of an item, with its findings and thumbnails. */
  private async visionItem(
    event: Extract<IngestEvent, { type: 'item' }>,
    index: number,
    media: Media,
    source: MediaCapture,
    { photo, reading }: { photo: Photo; reading: PhotoReading },
    ctx: { region?: string },
  ): Promise<VisionItemEvent | undefined> {
    if (!reading.ocr?.text && reading.images.length === 0 && reading.hands.length === 0) return undefined;
    const original = event.item;
    const ocrText = reading.ocr?.text ?? '';
    // the item's own words follow the printed ones: "Kaos baru" + a printed pair name is a T-shirt
    const context = [original.text, ...original.media.map((x) => x.caption)].filter((x): x is string => !!x && x.trim() !== '').join('\n');
    const text = [ocrText, context].filter(Boolean).join('\n\n');
    const item = makeItem({
      platform: original.platform,
      kind: 'media',
      ...(original.actor ? { actor: original.actor } : {}),
      ...(original.time ? { time: original.time } : {}),
      ...(original.timeRaw ? { timeRaw: original.timeRaw } : {}),
      ...(text ? { text } : {}),
      media: [media],
      ...(original.context ? { context: original.context } : {}),
      ...(original.permalink ? { permalink: original.permalink } : {}),
      source: { ...original.source, pointer: `${original.source.pointer}#vision/media/${index}` },
    });

    const findings: Finding[] = [];
    const evidence: Array<Omit<VisionEvidence, 'thumbnail'>> = [];
    const rules = new Map<string, RuleRecord>();
    const useRule = (rule: VisionRule) => rules.set(rule.id, visionRuleRecord(this.pack, rule));

    // print naming several pairs of one election is a listing of the field, not campaign material
    // (listsRivals), and so is print laid out as one however OCR misread its names (listsField:
    // number blocks in a row or a column, name words of several pairs, an election body's mark):
    // no finding rests on its words, and it is no context for a hand sign
    // the item prepared and its registry hits found once (every list), then read per list below
    const view = prepareItem(this.pack, item, ctx.region ? { region: ctx.region } : {});
    const registryHits = pairHits(view);
    const hitsIn = (lists: ReadonlySet<string> = IDENTITY_LISTS) => registryHits.filter((h) => lists.has(h.term.list));
    const identity = hitsIn();
    const listing =
      listsRivals(ocrText ? identity.filter((h) => h.start < ocrText.length) : []) ||
      (!!reading.ocr && !!ocrText && listsField(reading.ocr.words, ocrText, view.elections, this.pairNames));

    // print that sells something (a price, a size, an offer, a menu: commerce.ts) and names nobody
    // by identity: its numbers are a product's or a menu line's, never a ballot number — no text
    // rule's finding rests on them, and they pair no short name ("Salon Dewi, paket 2")
    const selling = !!ocrText && !listing && sellsSomething(ocrText) && !identity.some((h) => h.start < ocrText.length);
    const printedNumbers = selling ? hitsIn(NUMBER_LISTS).filter((h) => h.start < ocrText.length) : [];
    const onPrintedNumber = (s: Span) => printedNumbers.some((h) => s.start < h.end && h.start < s.end);

    // 1. printed text: the same rules as any caption; a finding counts here only when it rests on
    // printed words, and names only the pairs of the print that carries its cue (print-pairs.ts)
    if (reading.ocr && ocrText && !listing) {
      const pairTerms = registryHits.flatMap((h) => (h.term.pair ? [{ pair: h.term.pair.id, election: h.term.election.id, start: h.start, end: h.end }] : []));
      for (const read of evaluate(this.pack, item, ctx.region ? { region: ctx.region } : {})) {
        const f = pairsOfCuePrint(read, pairTerms, reading.ocr, ocrText.length);
        const printed = f.spans.filter((s) => s.field === 'text' && s.start < ocrText.length);
        if (printed.length === 0) continue;
        if (printed.some(onPrintedNumber)) continue;
        const words = printed.flatMap((s) => wordsIn(reading.ocr as OcrReading, s.start, Math.min(s.end, ocrText.length)));
        const box = unionBox(words.map((w) => w.box));
        if (!box) continue;
        const score = Math.round((words.reduce((a, w) => a + w.score, 0) / words.length) * 100) / 100;
        findings.push(f);
        evidence.push({ finding: f.id, signal: 'ocr', model: (this.ocr as OcrEngine).model, box, score });
      }
    }

    // printed campaign material: the printed words name a pair by identity. Their form — worn
    // (4), on a vehicle (7) or other material (3) — comes from the item's words, a face above the
    // print, the surface the pair's words are printed on and the layout (form.ts). Each form adds
    // its finding unless a text rule already filed the printed words under its prohibition: a worn
    // or vehicle form even where a text rule read them as support (3), other material even where
    // one read another act in them (a poster's "Coblos No. 2" on an office notice board whose
    // other papers say "kantor": an appeal in the office, 6 — the poster is still material, 3).
    const printedBy = (p: Finding['prohibition']) => findings.some((f) => f.prohibition === p && f.spans.some((s) => s.field === 'text' && s.start < ocrText.length));
    let form: FormDecision | undefined;
    if (reading.ocr && ocrText && !listing) {
      const byPair = new Map<string, { election: Election; spans: Span[]; terms: RegistryTerm[] }>();
      // a candidate's short name ("DEWI") or a pair's short name that is also a word ("AMIN")
      // names nobody alone; printed with its own pair's ballot number ("NOMOR 2") it names that
      // pair (still as one person: namesAsPair); the pair's short name also does printed beside a
      // name of its own pair elsewhere in the print ("AMIN" over "ANIES …": the pair's tag with
      // its candidate; a given name beside a candidate's name may be anyone's, so not that)
      const printedHits = (lists: ReadonlySet<string>) => hitsIn(lists).filter((h) => h.start < ocrText.length && h.term.pair);
      const numbers = selling ? [] : printedHits(NUMBER_LISTS);
      const printedIdentity = printedHits(IDENTITY_LISTS);
      // (only where the pair's own printed names do not already name it as a pair: their print is read as before)
      const besideOwn = (h: { term: RegistryTerm; start: number; end: number }) => {
        const own = printedIdentity.filter((x) => x.term.pair?.id === h.term.pair?.id);
        return (
          !!h.term.pair?.ambiguous_pair_names.some((n) => n.toLowerCase() === h.term.term) &&
          !namesAsPair(own.map((x) => x.term)) &&
          own.some((x) => h.end <= x.start || x.end <= h.start)
        );
      };
      const shortNames = printedHits(SHORT_NAME_LISTS).filter((h) => numbers.some((n) => n.term.pair?.id === h.term.pair?.id) || besideOwn(h));
      const ownNumbers = numbers.filter((n) => shortNames.some((h) => h.term.pair?.id === n.term.pair?.id));
      for (const hit of [...identity, ...shortNames, ...ownNumbers]) {
        if (hit.start >= ocrText.length || !hit.term.pair) continue;
        const entry = byPair.get(hit.term.pair.id) ?? { election: hit.term.election, spans: [], terms: [] };
        if (entry.spans.some((x) => x.start === hit.start && x.end === Math.min(hit.end, ocrText.length))) continue;
        entry.spans.push({ field: 'text', index: 0, start: hit.start, end: Math.min(hit.end, ocrText.length), text: ocrText.slice(hit.start, Math.min(hit.end, ocrText.length)), matcher: 'paslon' });
        entry.terms.push(hit.term);
        byPair.set(hit.term.pair.id, entry);
      }
      // "PRABOWO" alone is 02 of 2019 and of 2024; "PRABOWO GIBRAN" beside it names 2024: a pair
      // whose printed words are all part of another pair's is left out
      const key = (x: Span) => `${x.start}:${x.end}`;
      const covered = (a: Span[], b: Span[]) => b.length > a.length && a.every((x) => b.some((y) => key(y) === key(x)));
      for (const [id, entry] of [...byPair]) if ([...byPair.values()].some((other) => covered(entry.spans, other.spans))) byPair.delete(id);
      // a print is one campaign's: a pair of another election named only by a tag beside a pair its
      // candidates' names name ("Indonesia Maju", a 2019 tag of 01, on a 2024 poster of "PRABOWO
      // GIBRAN 02") is the named pair's slogan, not a second pair
      const byName = (e: { terms: RegistryTerm[] }) => e.terms.some((x) => NAME_LISTS.has(x.list));
      for (const [id, entry] of [...byPair]) if (!byName(entry) && [...byPair.values()].some((other) => other.election.id !== entry.election.id && byName(other))) byPair.delete(id);
      for (const [pairId, { election, spans, terms }] of byPair) {
        const pair = election.pairs.find((p) => p.id === pairId);
        const words = spans.flatMap((s) => wordsIn(reading.ocr as OcrReading, s.start, s.end));
        const box = unionBox(words.map((w) => w.box));
        if (!pair || !box) continue;
        const pairForm = await this.formOf(photo, reading, context, words);
        if (!pairForm) continue;
        // one candidate's name alone is what an office notice signed by an official in office
        // shows too: it counts only where the caption or a face says the print is worn or on a
        // vehicle, or where it is the candidate's own unambiguous name as the registry writes it (no
        // everyday given name, no variant)
        // on a vehicle whose licence plate is read beside it (no notice board has a plate)
        // ... or a short name printed with its own pair's ballot number there (a short name is
        // many people's; with the number beside it on a car it is the pair's sticker)
        const numbered = terms.some((x) => x.list === 'numbers') && terms.some((x) => x.list === 'ambiguous');
        const ownNameOnPlatedVehicle = pairForm.reason.why === 'plate' && terms.every((x) => (x.list === 'names' || (numbered && (x.list === 'ambiguous' || x.list === 'numbers'))) && !x.variant);
        if (!namesAsPair(terms) && (pairForm.form === 'material' || (pairForm.strength < 0.8 && !ownNameOnPlatedVehicle))) continue;
        if (printedBy(pairForm.prohibition)) continue;
        form ??= pairForm;
        const rule = printedRule(pairForm.form);
        useRule(rule);
        const score = Math.round((words.reduce((a, w) => a + w.score, 0) / words.length) * 100) / 100;
        const model = (this.ocr as OcrEngine).model;
        const why = { id: t(m[`form_${pairForm.reason.why}`], { detail: pairForm.reason.detail ?? '' }, 'id'), en: t(m[`form_${pairForm.reason.why}`], { detail: pairForm.reason.detail ?? '' }, 'en') };
        const f = visionFinding(this.pack, rule, item, {
          election,
          candidates: [{ election: election.id, number: pair.number, pair: pair.id, name: pair.name }],
          // a form read from layout alone is less sure than one the caption or a face gives
          confidence: (0.5 * score + 0.1) * (0.6 + 0.4 * pairForm.strength),
          key: pair.id,
          spans,
          explanation: (legal) => {
            const filled = localize(m.explainPrinted, { pair: pair.name, words: spans.map((s) => `“${s.text}”`).join(', '), ...box, model: modelText(model), legal });
            return { id: filled.id.replace('{form}', why.id), en: filled.en.replace('{form}', why.en) };
          },
        });
        findings.push(f);
        evidence.push({ finding: f.id, signal: 'ocr', model, box, score });
      }
    }

    // pairs the photo or its item names by identity: context for the weaker signals
    const named = new Set(identity.flatMap((h) => (h.term.pair && !(listing && h.start < ocrText.length) ? [h.term.pair.id] : [])));

    // 2. known campaign imagery
    for (const match of reading.images) {
      const ref = this.references.find((r) => r.image.pair === match.pair && r.image.label === match.label);
      if (!ref || !inForce(ref.election, item, ctx, true)) continue;
      const pair = ref.election.pairs.find((p) => p.id === match.pair);
      if (!pair) continue;
      const rule = imageRule(match.kind);
      useRule(rule);
      const confidence = 1 - match.distance / 32;
      const candidate: CandidateRef = { election: ref.election.id, number: pair.number, pair: pair.id, name: pair.name };
      const f = visionFinding(this.pack, rule, item, {
        election: ref.election,
        candidates: [candidate],
        confidence,
        key: `${match.label}@${boxText(match.box)}`,
        explanation: (legal) => localize(m.explainImage, { label: match.label, pair: pair.name, distance: match.distance, ...match.box, model: modelText(this.hashModel), legal }),
      });
      findings.push(f);
      evidence.push({ finding: f.id, signal: 'image', model: this.hashModel, box: match.box, score: Math.round(confidence * 100) / 100 });
    }

    // 3. hands showing a pair's number: a hint alone, firmer when the photo also names the pair
    for (const hand of reading.hands) {
      const sign = SHAPE_SIGN[hand.shape];
      for (const election of electionsAt(this.pack.registry, item.time)) {
        if (!inForce(election, item, ctx, false)) continue;
        for (const pair of election.pairs) {
          const byEmoji = sign.emoji.some((e) => pair.hand_signs.some((h) => h.startsWith(e)));
          if (!byEmoji && (sign.number === undefined || sign.number !== pair.number)) continue;
          const withContext = named.has(pair.id);
          useRule(VISION_RULES.pose);
          const candidate: CandidateRef = { election: election.id, number: pair.number, pair: pair.id, name: pair.name };
          const f = visionFinding(this.pack, VISION_RULES.pose, item, {
            election,
            candidates: [candidate],
            confidence: (withContext ? 0.65 : 0.2) * hand.score,
            severity: withContext ? 'medium' : 'low',
            key: `${pair.id}@${boxText(hand.box)}`,
            explanation: (legal) =>
              localize(m.explainPose, { fingers: hand.raised.length, shape: hand.shape, pair: pair.name, context: '{context}', score: hand.score, ...hand.box, model: modelText((this.hands as HandModel).model), legal }, withContext ? m.poseContext : m.poseAlone),
          });
          findings.push(f);
          evidence.push({ finding: f.id, signal: 'pose', model: (this.hands as HandModel).model, box: hand.box, score: hand.score });
        }
      }
    }
    if (findings.length === 0) return undefined;

    // a cropped thumbnail per piece of evidence, kept as a capture beside the photo
    const crops: MediaCapture[] = [];
    const kept: VisionEvidence[] = [];
    for (const e of evidence) {
      const jpeg = await cropThumbnail(photo, e.box);
      const sha = sha256Hex(jpeg);
      kept.push({ ...e, thumbnail: sha });
      if (crops.some((c) => c.capture.sha256 === sha)) continue;
      crops.push({ capture: cropCapture(source.capture, e.box, sha, jpeg.length), content: jpeg });
    }
    const raw: VisionRecord = {
      vision: {
        photo: { sha256: reading.sha256, width: reading.width, height: reading.height, ...(media.uri ? { uri: media.uri } : {}) },
        ocrLength: ocrText.length,
        ...(reading.ocr ? { ocr: reading.ocr } : {}),
        images: reading.images,
        hands: reading.hands,
        faces: reading.faces,
        ...(form ? { form } : {}),
        evidence: kept,
      },
    };
    return { type: 'item', item, raw, capture: event.capture, ...(event.member ? { member: event.member } : {}), adapter: `${event.adapter}+vision`, byOwner: event.byOwner, ...(event.namesake && { namesake: true }), ...(event.otherAccount && { otherAccount: true }), mediaCaptures: [source, ...crops], findings, rules: [...rules.values()] };
  }

  /** The form of printed words (a pair's, in photo pixels) and the surface they are printed on. */
  private async formOf(photo: Photo, reading: PhotoReading, caption: string, words: readonly OcrWord[]): Promise<FormDecision | undefined> {
    const print = unionBox(words.map((w) => w.box));
    if (!print) return undefined;
    const byLine = new Map<number, OcrWord[]>();
    for (const w of words) byLine.set(lineOf(reading.ocr as OcrReading, w), [...(byLine.get(lineOf(reading.ocr as OcrReading, w)) ?? []), w]);
    const lines = byLine.size;
    const small = await smallRgb(photo, SURFACE_WIDTH);
    const k = small.width / photo.width;
    // print read turned runs at that angle (a sticker on an upright fairing): its ring follows the line
    const angle = words.find((w) => w.angle !== undefined)?.angle ?? 0;
    const toSmall = (b: Box): Box => ({ x: Math.round(b.x * k), y: Math.round(b.y * k), w: Math.max(1, Math.round(b.w * k)), h: Math.max(1, Math.round(b.h * k)) });
    const surfaceOf = (b: Box) => substrateOf(small, toSmall(b), angle);
    // the whole print first; where the rows above and below it are not one colour (a stripe of
    // the design under the last line), each of its lines, widest first
    const lineBoxes = [...byLine.values()].map((ws) => unionBox(ws.map((w) => w.box))).filter((b): b is Box => b !== undefined).sort((a, b) => b.w - a.w);
    let surface = surfaceOf(print);
    for (const b of lines > 1 ? lineBoxes : []) surface ??= surfaceOf(b);
    // a large rectangle round the print may be a dome whose faint edge let the surface leak into
    // the wall behind it (a white helmet on a pale wall), or a strip or sticker whose edge is faint
    // against the glass or paint it is on (a tinted sun strip on a dark windscreen): measured again
    // with finer steps, a dome or a small even patch there is what the print is on (a sheet printed
    // on directly stays a sheet: its paper floods the whole of it at every step)
    if (surface && surface.rect >= 0.85 && surface.share >= 0.08)
      for (const step of FAINT_STEPS) {
        const strict = substrateOf(small, toSmall(print), angle, step);
        if (!strict) break;
        if (dome(strict) || smallPatch(strict)) {
          surface = strict;
          break;
        }
      }
    // a large uneven surface round the print (a shirt's shape to the surface cue) may be a dome
    // whose faint rim let the surface leak into the table and the wall round it (a helmet resting
    // on a table): measured again with finer steps, a dome there is what the print is on; nothing
    // else found there replaces it (a shirt keeps its shape)
    else if (surface && surface.rect < 0.85 && surface.share >= 0.08 && !backdrop(surface, small.width))
      for (const step of FAINT_STEPS) {
        const strict = substrateOf(small, toSmall(print), angle, step);
        if (!strict) break;
        if (dome(strict)) {
          surface = strict;
          break;
        }
      }
    // a surface reaching the photo's top and both its sides is the backdrop (a wall, the sky) the
    // surface leaked into across a faint edge (a light car's paint against a pale sky): measured
    // again with finer steps, a small uneven surface kept apart from the backdrop there (a car's
    // body panel seen at an angle) is what the print is on; otherwise the backdrop stays (a sheet to
    // the surface cue, as before: a large one may be a pale shirt on a pale wall, a small even
    // rectangle a small sheet as well as a sticker)
    if (surface && backdrop(surface, small.width))
      for (const step of FAINT_STEPS) {
        const strict = substrateOf(small, toSmall(print), angle, step);
        if (!strict) break;
        if (!backdrop(strict, small.width) && strict.share <= PATCH_SHARE && strict.rect < 0.85) {
          surface = strict;
          break;
        }
      }
    // the paper between the letters, where no ring is one colour (a tight sticker: its edge runs
    // along the words, half sticker, half the paint round it) or where the ring's surface is large
    // (a sticker whose margin is thinner than the ring: the ring lies on the shield, the shell or
    // the wall round it): kept only when it is a small rectangular patch (a sticker), so a shirt or a
    // sheet printed on directly is still measured from its ring (its paper floods the whole of it)
    if ((!surface || (surface.share > PATCH_SHARE && !dome(surface))) && Math.abs(angle) <= 45) {
      const patch = patchUnder(small, toSmall(print));
      if (patch && patch.share <= PATCH_SHARE && patch.rect >= 0.85) surface = patch;
    }
    // a small patch round the print (a sticker): what it is stuck on, from a ring just outside it
    let carrier = surface && surface.share <= PATCH_SHARE ? substrateOf(small, surface.box) : undefined;
    // ... and where no one colour is round it, how busy that is (a patterned cloth round a sewn band)
    const pattern = surface && surface.share <= PATCH_SHARE && !carrier ? patternAround(small, surface.box) : undefined;
    // an even rectangle the print is on, or its small patch is stuck on, with a bag's straps rising
    // from its top edge: a tote. A pale bag's edge against a pale wall is faint (the surface floods
    // the wall, a backdrop or a large sheet to the cues above), so it is looked for at the finer
    // steps too, and when found it is what the print (or its patch) is on.
    let handles = false;
    if (surface && Math.abs(angle) <= 45 && (surface.share <= PATCH_SHARE || surface.rect >= 0.85 || backdrop(surface, small.width))) {
      const patch = surface.share <= PATCH_SHARE;
      const bag = bagUnder(small, patch ? surface.box : toSmall(print));
      if (bag) {
        handles = true;
        if (patch) carrier = bag;
        else surface = bag;
      }
    }
    // a plate is another line than the pair's own
    const ocrLines = (reading.ocr as OcrReading).text.split('\n');
    const plate = plateIn(ocrLines.filter((_, i) => !byLine.has(i)));
    // where it is: the words of its line, so it counts only on the print's own vehicle
    const plateLine = plate === undefined ? -1 : ocrLines.findIndex((l, i) => !byLine.has(i) && plateText(l) === plate);
    const plateBox = plateLine < 0 ? undefined : unionBox((reading.ocr as OcrReading).words.filter((w) => lineOf(reading.ocr as OcrReading, w) === plateLine).map((w) => w.box));
    // a vehicle seen from the side: the body over its two wheels
    const grey = await greyPixels(photo.png, WHEEL_WIDTH);
    const g = photo.width / grey.width;
    // a thin ring under the print's own box is a round letter of it, not a bicycle's tyre — when it
    // is no larger than a letter: a ring whose radius is more than its tallest word's box is tall
    // is no letter of it (a sticker along a bicycle's down tube, its box reaching over the rear
    // wheel's top)
    const tallest = Math.max(...words.map((w) => w.box.h));
    const onPrint = (wh: Wheel) => wh.r * g <= tallest && wh.x * g >= print.x - wh.r * g && wh.x * g <= print.x + print.w + wh.r * g && wh.y * g >= print.y - wh.r * g && wh.y * g <= print.y + print.h + wh.r * g;
    const body = vehicleOver(wheelsIn(grey).filter((wh) => !wh.thin || !onPrint(wh)), grey);
    const vehicle = body ? { x: Math.round(body.x * g), y: Math.round(body.y * g), w: Math.round(body.w * g), h: Math.round(body.h * g) } : undefined;
    // how much of each face's lower half is skin: a helmet's shell and visor can pass for a face
    const faces = reading.faces.map((f) => ({ ...f, skin: skinShare(small, toSmall({ x: f.x, y: f.y + f.h / 2, w: f.w, h: f.h / 2 })) }));
    const input = { caption, print, lines, ...(angle !== 0 ? { angle, bands: bandsAcross(lineBoxes, Math.abs(angle) > 45) } : {}), photo: { width: reading.width, height: reading.height }, faces, ...(surface ? { surface } : {}), ...(carrier ? { carrier } : {}), ...(pattern !== undefined ? { pattern } : {}), ...(handles ? { handles } : {}), ...(plate ? { plate } : {}), ...(plateBox ? { plateBox } : {}), ...(vehicle ? { vehicle } : {}) };
    const decision = printedForm(input, this.formWords);
    // campaign words that would count as other material from their surface or from nothing at
    // all: ask the object model whether a vehicle or a person carries them (once per photo)
    if (!this.hands || decision.form !== 'material' || (decision.reason.why !== 'sheetSurface' && decision.reason.why !== 'none')) return decision;
    if (!reading.objects) {
      const t0 = performance.now();
      reading.objects = await this.hands.objects(photo);
      reading.ms.pose = (reading.ms.pose ?? 0) + performance.now() - t0;
    }
    return printedForm({ ...input, objects: reading.objects }, this.formWords);
  }
}

/** A surface reaching the top of an image `width` wide and both its sides: the backdrop. */
function backdrop(s: Substrate, width: number): boolean {
  return s.box.y === 0 && s.box.x === 0 && s.box.x + s.box.w >= width;
}

/**
 * The body of a bag round a box (the print, or the patch it is on): an even rectangle, not the
 * backdrop nor most of the photo, with a bag's straps rising from its top edge (handlesAbove),
 * grown at the usual step and then at the finer ones; undefined when none is.
 */
function bagUnder(small: Parameters<typeof substrateOf>[0], from: Box): Substrate | undefined {
  for (const step of [undefined, ...FAINT_STEPS]) {
    const s = substrateOf(small, from, 0, step);
    if (!s) return undefined;
    if (s.rect >= 0.85 && s.share >= 0.08 && s.share < 0.9 && !backdrop(s, small.width) && handlesAbove(small, s.box)) return s;
  }
  return undefined;
}

/** A small even rectangle clear of the photo's bottom: a sticker's or a strip's own surface. */
function smallPatch(s: Substrate): boolean {
  return s.share <= PATCH_SHARE && s.rect >= 0.85 && !s.touchesBottom;
}

/**
 * Registry terms in a prepared item's text that name a pair (any list: names, numbers, short
 * names …), for the elections in force, at original offsets, in text order: found once per vision
 * item and read per list by the caller.
 */
function pairHits(view: ItemView): Array<{ term: RegistryTerm; start: number; end: number }> {
  const out: Array<{ term: RegistryTerm; start: number; end: number }> = [];
  for (const f of view.fields) {
    if (f.field !== 'text') continue;
    for (const h of f.hits)
      for (const o of h.owners) {
        if (o.type !== 'registry' || !o.term.pair || !view.elections.has(o.term.election)) continue;
        out.push({ term: o.term, ...toOriginal(f.norm, h.start, h.end) });
      }
  }
  return out;
}

/**
 * Whether printed words name two or more pairs of one election by identity (names, pair names,
 * tags): KPU's poster or ballot specimen of every pair, a debate schedule, a "kenali calonmu"
 * sheet. A campaign prints its own pair, never a rival's, so such print is a listing of the field
 * and supports nobody. Pairs of different elections ("PRABOWO" is 02 of 2019 and of 2024) are not
 * rivals, and a hit whose words lie inside a longer hit of another election's pair is that pair's
 * print, not its own election's ("PRABOWO" of "PRABOWO GIBRAN" is no 2019 name beside 2019's
 * slogan tag "Indonesia Maju" on a 2024 poster), as the printed pairs are read below.
 */
export function listsRivals(hits: ReadonlyArray<{ term: Pick<RegistryTerm, 'election' | 'pair'>; start?: number; end?: number }>): boolean {
  const pairs = new Map<string, Set<string>>();
  const inside = (h: (typeof hits)[number]) =>
    h.start !== undefined &&
    h.end !== undefined &&
    hits.some((o) => o.term.pair && o.term.election.id !== h.term.election.id && o.start !== undefined && o.end !== undefined && o.start <= h.start! && h.end! <= o.end && o.end - o.start > h.end! - h.start!);
  for (const h of hits) {
    const { term } = h;
    if (!term.pair || inside(h)) continue;
    const seen = pairs.get(term.election.id) ?? new Set<string>();
    seen.add(term.pair.id);
    pairs.set(term.election.id, seen);
  }
  return [...pairs.values()].some((s) => s.size >= 2);
}

/**
 * The name words of every pair in the registry (candidates' names and forms, pair names), upper
 * case, letters only, at least four letters: OCR reads a line that holds one of them, or nearly
 * one, again (ocr.ts pass 5).
 */
function nameWords(pack: RulePack): Set<string> {
  const out = new Set<string>();
  for (const election of pack.registry.elections)
    for (const pair of election.pairs)
      for (const phrase of [...pair.candidates.flatMap((c) => [c.name, ...c.forms, ...c.ambiguous_forms]), ...pair.pair_names])
        for (const word of phrase.toUpperCase().split(/[^\p{L}]+/u)) if (word.length >= 4) out.add(word);
  return out;
}

/** The pair names of exactly two words (upper case, letters only): OCR reads two neighbouring words near them as them (pair-words.ts). */
function pairWords(pack: RulePack): Array<[string, string]> {
  const out = new Map<string, [string, string]>();
  for (const election of pack.registry.elections)
    for (const pair of election.pairs)
      for (const phrase of pair.pair_names) {
        const words = phrase.toUpperCase().split(/[^\p{L}]+/u).filter(Boolean);
        if (words.length === 2) out.set(words.join(' '), [words[0]!, words[1]!]);
      }
  return [...out.values()];
}

/** The ballot numbers of each pair name of two words (pairWords' keys: the words upper case, joined by a space). */
function pairNumbers(pack: RulePack): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const election of pack.registry.elections)
    for (const pair of election.pairs)
      for (const phrase of pair.pair_names) {
        const words = phrase.toUpperCase().split(/[^\p{L}]+/u).filter(Boolean);
        if (words.length !== 2) continue;
        const key = words.join(' ');
        const numbers = out.get(key) ?? [];
        if (!numbers.includes(pair.number)) numbers.push(pair.number);
        out.set(key, numbers);
      }
  return out;
}

/** The printed line (index) a word of a reading is on. */
function lineOf(reading: OcrReading, word: OcrWord): number {
  let line = 0;
  for (let i = 0; i < word.start; i++) if (reading.text[i] === '\n') line++;
  return line;
}

/** An election counts for a photo when the photo's time is in its window and, for ballot numbers, the subject votes in it. */
function inForce(election: Election, item: Item, ctx: { region?: string }, byIdentity: boolean): boolean {
  const at = item.time ? Date.parse(item.time) : Number.NaN;
  if (!Number.isNaN(at) && (at < election.watchFrom || at > election.watchUntil)) return false;
  return byIdentity || electionCoversRegion(election, ctx.region);
}

function localize(message: { id: string; en: string }, params: Record<string, string | number>, context?: { id: string; en: string }): { id: string; en: string } {
  const fill = (lang: 'id' | 'en') => t(message, params, lang).replace('{context}', context ? context[lang] : '');
  return { id: fill('id'), en: fill('en') };
}

/** Where a photo's bytes are: a media capture of the item, or the item's own capture (a loose photo). */
function photoSource(event: Extract<IngestEvent, { type: 'item' }>, sha256: string, buffers: Map<string, Buffer>): MediaCapture | undefined {
  const media = event.mediaCaptures.find((c) => c.capture.sha256 === sha256);
  if (media) return media;
  const own = buffers.get(sha256);
  return own && event.capture.sha256 === sha256 ? { capture: event.capture, content: own } : undefined;
}

function cropCapture(photo: Capture, box: Box, sha256: string, bytes: number): Capture {
  const memberPath = `${photo.memberPath ?? path.basename(photo.origin)}#crop=${box.x},${box.y},${box.w},${box.h}`;
  return {
    id: captureId({ sha256, memberPath, origin: photo.origin, originKind: photo.originKind }),
    originKind: photo.originKind,
    origin: photo.origin,
    memberPath,
    parentId: photo.id,
    method: photo.method,
    sha256,
    bytes,
    mediaType: 'image/jpeg',
    capturedAt: photo.capturedAt,
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

/** Hash every reference image of the registry; one that cannot be read stops the scan (exit 2). */
export async function loadReferences(pack: RulePack): Promise<Reference[]> {
  const out: Reference[] = [];
  for (const election of pack.registry.elections) {
    for (const image of election.images) {
      const file = path.resolve(path.dirname(election.file), image.file);
      try {
        if (!election.pairs.some((p) => p.id === image.pair)) throw new Error(`pair ${image.pair} is not in this registry`);
        const grey = await greyPixels(await readFile(file), 256);
        const hash = maskedHash(grey);
        if (hash.count < 24) throw new Error(`too plain to recognise (${hash.count} of 64 hash bits carry contrast)`);
        out.push({ election, image, hash, pixels: new Integral(grey) });
      } catch (err) {
        throw new NetralError(m.badReferenceImage, { file: election.file, image: image.file, detail: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return out;
}

// Correlation a located window needs before its hash is compared: below it, the best place in
// a photo without the reference is just the least unlike one.
const MIN_NCC = 0.75;

/**
 * Each reference located in the photo (normalised cross-correlation on a 128-pixel copy), kept
 * when the window's masked dHash is within MAX_IMAGE_DISTANCE of the reference's.
 */
export async function matchReferences(photo: Photo, references: readonly Reference[]): Promise<ImageMatch[]> {
  const grey = await greyPixels(photo.png, 128);
  const integral = new Integral(grey);
  const scale = photo.width / grey.width;
  const out: ImageMatch[] = [];
  for (const ref of references) {
    const at = locate(grey, integral, ref.pixels);
    if (!at || at.ncc < MIN_NCC) continue;
    const distance = maskedDistance(ref.hash, dHashWindow(integral, at.x, at.y, at.w, at.h));
    if (distance > MAX_IMAGE_DISTANCE) continue;
    const box = { x: Math.round(at.x * scale), y: Math.round(at.y * scale), w: Math.max(1, Math.round(at.w * scale)), h: Math.max(1, Math.round(at.h * scale)) };
    out.push({ label: ref.image.label, pair: ref.image.pair, kind: ref.image.kind, election: ref.election.id, distance, ncc: Math.round(at.ncc * 100) / 100, box });
  }
  return out;
}

