// Regional words that stand for an Indonesian word (rules/glosses/*.yml, built from NusaX by
// scripts/build-nusax-glosses.mjs). Like the affixed forms of morphology.ts, a gloss becomes an
// extra pattern of the one automaton: a rule term "jangan lupa" also matches "jhek loppa"
// (Madurese) with the same owners, so rules need no change and a scan is still one pass. The
// matched span is the regional word as written; glossesIn tells a finding which words were read
// through a gloss, in which language, and as what.
import { REGIONAL_AFFIXES } from './regional-affixes.js';
import { termText } from './term-text.js';

/** ISO 639-3 codes of the languages a gloss file may hold. */
export const GLOSS_LANGUAGES = ['ace', 'ban', 'bjn', 'bug', 'jav', 'mad', 'min', 'nij', 'sun', 'bbc'] as const;
export type GlossLanguage = (typeof GLOSS_LANGUAGES)[number];

/** One regional form of an Indonesian word, both normalised. */
export interface Gloss {
  lang: GlossLanguage;
  /** the Indonesian word (one word) */
  target: string;
  /** the regional form (one or more words) */
  form: string;
}

/** A regional word found in a text, with the Indonesian word it stands for. */
export interface GlossNote {
  form: string;
  target: string;
  langs: GlossLanguage[];
}

/** Variants of one pattern per language at most (a phrase of several glossed words multiplies). */
const MAX_VARIANTS_PER_LANGUAGE = 16;

export class GlossTable {
  /** target → language → forms */
  private readonly byTarget = new Map<string, Map<GlossLanguage, string[]>>();
  /** one-word form → what it stands for */
  private readonly byForm = new Map<string, GlossNote>();
  /** multi-word forms, by their first word */
  private readonly phrases = new Map<string, GlossNote[]>();
  private readonly memo = new Map<string, string[]>();
  /** the glosses kept (normalised; identity pairs and empty forms dropped) */
  readonly glosses: readonly Gloss[];

  /**
   * `normalised`: the glosses are another table's `glosses` (a restored pack's: the cache image keeps
   * them so, and normalising ~1,900 of them was a tenth of restoring the pack), taken as they are.
   */
  constructor(glosses: Iterable<Gloss>, normalised = false) {
    const kept: Gloss[] = [];
    for (const g of glosses) {
      const target = normalised ? g.target : termText(g.target);
      const form = normalised ? g.form : termText(g.form);
      if (target === '' || form === '' || form === target || target.includes(' ')) continue;
      kept.push({ lang: g.lang, target, form });
      let langs = this.byTarget.get(target);
      if (!langs) this.byTarget.set(target, (langs = new Map()));
      const forms = langs.get(g.lang) ?? [];
      if (!forms.includes(form)) forms.push(form);
      langs.set(g.lang, forms);
      const words = form.split(' ');
      const notes = words.length === 1 ? undefined : (this.phrases.get(words[0] as string) ?? []);
      const known = words.length === 1 ? this.byForm.get(form) : notes?.find((n) => n.form === form && n.target === target);
      if (known && known.target === target) {
        if (!known.langs.includes(g.lang)) known.langs.push(g.lang);
      } else if (!known) {
        const note = { form, target, langs: [g.lang] };
        if (notes) this.phrases.set(words[0] as string, [...notes, note]);
        else this.byForm.set(form, note);
      }
    }
    this.glosses = kept;
  }

  get size(): number {
    return this.glosses.length;
  }

  /**
   * The pattern with regional forms in place of its words, one language per variant: every
   * word may keep its Indonesian form (code-mixing: "jangan loppa"), at least one is regional.
   */
  variants(pattern: string): string[] {
    const known = this.memo.get(pattern);
    if (known) return known;
    const words = pattern.split(' ');
    const out = new Set<string>();
    if (words.some((w) => this.byTarget.has(w))) {
      for (const lang of GLOSS_LANGUAGES) {
        const options = words.map((w) => [w, ...(this.byTarget.get(w)?.get(lang) ?? [])]);
        if (options.every((o) => o.length === 1)) continue;
        let partial: string[][] = [[]];
        for (const o of options) partial = partial.flatMap((p) => o.map((x) => [...p, x]));
        let n = 0;
        for (const p of partial) {
          const v = p.join(' ');
          if (v === pattern || out.has(v)) continue;
          out.add(v);
          if (++n >= MAX_VARIANTS_PER_LANGUAGE) break;
        }
      }
    }
    const list = [...out];
    this.memo.set(pattern, list);
    return list;
  }

  /** The one-word regional forms of an Indonesian word in one language (none when it has no gloss there). */
  formsIn(target: string, lang: GlossLanguage): readonly string[] {
    return (this.byTarget.get(target)?.get(lang) ?? []).filter((f) => !f.includes(' '));
  }

  /** A word the table knows as a word of its own: an Indonesian word it glosses, or a regional form of any language. */
  knows(word: string): boolean {
    return this.byTarget.has(word) || this.byForm.has(word);
  }

  /** The regional words of a text (any text: it is normalised here) that a gloss reads as Indonesian, in order. */
  glossesIn(text: string): GlossNote[] {
    if (this.glosses.length === 0) return [];
    const words = termText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
    const out: GlossNote[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const phrase = this.phrases.get(w)?.find((n) => words.slice(i, i + n.form.split(' ').length).join(' ') === n.form);
      if (phrase) {
        out.push(phrase);
        i += phrase.form.split(' ').length - 1;
        continue;
      }
      const note = this.byForm.get(w) ?? this.affixedNote(w);
      if (note) out.push(note);
    }
    return out;
  }

  /**
   * A regional form with a regional affix of its own language ("epele": Madurese e- on "pele",
   * read as "pilih"; matcher.ts generates these for verb terms). Only affixes Indonesian does not
   * share: a di- or nasal form is read as Indonesian.
   */
  private affixedNote(word: string): GlossNote | undefined {
    for (const [lang, affixes] of AFFIX_ENTRIES) {
      for (const { prefix, suffix, readAsIndonesian } of affixes ?? []) {
        if (readAsIndonesian) continue;
        if (!word.startsWith(prefix) || !word.endsWith(suffix) || word.length - prefix.length - suffix.length < 3) continue;
        const root = this.byForm.get(word.slice(prefix.length, word.length - suffix.length));
        if (root?.langs.includes(lang)) return { form: word, target: root.target, langs: [lang] };
      }
    }
    return undefined;
  }
}

/** REGIONAL_AFFIXES as entries, made once (affixedNote asks for every word without a gloss) */
const AFFIX_ENTRIES = Object.entries(REGIONAL_AFFIXES) as Array<[GlossLanguage, (typeof REGIONAL_AFFIXES)[GlossLanguage]]>;

/** One line of a gloss file's language block: "kalah: kala, epakala" (Indonesian word: regional forms). */
const GLOSS_LINE = /^([a-z]+):\s*([^,\s][^,]*(?:,\s*[^,\s][^,]*)*?)\s*$/;

/**
 * The lines of one language's block, each "indonesian: form, form …" (a block of plain lines,
 * not a YAML mapping: a mapping of 2,000 small lists took the YAML parser a quarter of a second).
 * Returns the entries, or the first bad line (1-based within the block).
 */
export function parseGlossLines(block: string): { entries: Array<{ target: string; forms: string[] }> } | { bad: { line: number; text: string } } {
  const entries: Array<{ target: string; forms: string[] }> = [];
  const lines = block.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as string).trim();
    if (text === '') continue;
    const m = GLOSS_LINE.exec(text);
    if (!m) return { bad: { line: i + 1, text } };
    entries.push({ target: m[1] as string, forms: (m[2] as string).split(',').map((f) => f.trim()) });
  }
  return { entries };
}

/** No glosses (a pack without rules/glosses/). */
export const NO_GLOSSES = new GlossTable([]);
