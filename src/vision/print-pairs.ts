// The pairs a text finding on a photo's print names: those of the paper that carries its cue.
import type { Finding } from '../model/finding.js';
import { restated } from '../rules/evaluate.js';
import type { Box } from './box.js';
import { wordsIn, type OcrReading, type OcrWord } from './ocr.js';

/** A registry term naming a pair, at offsets into the vision item's text (the print first, then the item's own words). */
export interface PairHit {
  pair: string;
  election: string;
  start: number;
  end: number;
}

/**
 * The finding with only the pairs the print carrying its cue names. A photo can hold several
 * papers (a notice board: a pair's poster beside a duty roster), and the text rules read its
 * print as one text: a given name on the roster ("Kamis: Sari") that a candidate bears too reads
 * as naming that candidate's pair beside the poster's. A print is one campaign's (two pairs of
 * one election in one print is a listing of the field, listsRivals), so where a finding names two
 * or more pairs of one election by printed words alone, each of its cue words (its printed words
 * that name no pair: "Coblos", "Kantor") counts for the pair whose printed words stand nearest
 * it; a pair no cue word counts for is dropped with its spans, and the explanation names the
 * pairs and the words kept. A pair the item's own words name stays.
 * `printed`: the length of the print's text at the head of the item's text.
 */
export function pairsOfCuePrint(f: Finding, hits: readonly PairHit[], reading: OcrReading, printed: number): Finding {
  const spans = f.spans.filter((s) => s.field === 'text' && s.start < printed);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  const printedHits = hits.filter((h) => h.end <= printed && spans.some((s) => overlaps(s, h)));
  const wordsOf = (pair: string) => printedHits.filter((h) => h.pair === pair).flatMap((h) => wordsIn(reading, h.start, h.end));
  const inOwnWords = (pair: string) => hits.some((h) => h.pair === pair && h.start >= printed);
  const cues = spans.flatMap((s) => wordsIn(reading, s.start, Math.min(s.end, printed))).filter((w) => !hits.some((h) => h.end <= printed && overlaps(h, w)));
  if (cues.length === 0) return f;

  const dropped = new Set<string>();
  for (const election of new Set(f.candidates.map((c) => c.election))) {
    const rivals = [...new Set(f.candidates.filter((c) => c.election === election && !inOwnWords(c.pair)).map((c) => c.pair))]
      .map((pair) => ({ pair, words: wordsOf(pair) }))
      .filter((r) => r.words.length > 0);
    if (rivals.length < 2) continue;
    const nearest = new Set(cues.map((cue) => rivals.reduce((a, b) => (distance(cue, b.words) < distance(cue, a.words) ? b : a)).pair));
    for (const r of rivals) if (!nearest.has(r.pair)) dropped.add(r.pair);
  }
  if (dropped.size === 0) return f;
  const droppedHits = printedHits.filter((h) => dropped.has(h.pair));
  const keptHits = printedHits.filter((h) => !dropped.has(h.pair));
  // a span that is a dropped pair's words only ("Sari") goes with the pair
  const gone = (s: Finding['spans'][number]) => droppedHits.some((h) => overlaps(s, h)) && !keptHits.some((h) => overlaps(s, h)) && !cues.some((w) => overlaps(s, w));
  const candidates = f.candidates.filter((c) => !dropped.has(c.pair));
  const explanation = restated(f, candidates);
  for (const s of f.spans.filter(gone)) for (const lang of ['id', 'en'] as const) explanation[lang] = withoutQuoted(explanation[lang], s.text);
  return { ...f, candidates, spans: f.spans.filter((s) => !gone(s)), explanation };
}

/** An explanation's list of matched words (“BUDI DEWI”, “Sari”, “Kantor”) without one of them, where it stands so. */
function withoutQuoted(text: string, word: string): string {
  const quoted = `“${word}”`;
  if (text.includes(`, ${quoted}`)) return text.replace(`, ${quoted}`, '');
  return text.replace(`${quoted}, `, '');
}

/** The gap between a word and the nearest of some words, in heights of the taller (0 where they touch). */
function distance(word: OcrWord, words: readonly OcrWord[]): number {
  return Math.min(...words.map((w) => gap(word.box, w.box)));
}

function gap(a: Box, b: Box): number {
  const dx = Math.max(0, a.x - (b.x + b.w), b.x - (a.x + a.w));
  const dy = Math.max(0, a.y - (b.y + b.h), b.y - (a.y + a.h));
  return Math.hypot(dx, dy) / Math.max(a.h, b.h, 1);
}
