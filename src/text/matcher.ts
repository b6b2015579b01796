// One pass finds every term of every rule and registry in a normalised text (Aho–Corasick,
// overlapping matches), so the cost grows with the text, not with the number of rules.
import AhoCorasick from 'modern-ahocorasick';
import { isWordBoundary, normalise } from './normalise.js';

export interface TermHit<T> {
  /** UTF-16 offsets into the NORMALISED text */
  start: number;
  end: number;
  /** every owner of this term (several rules/registry entries can share one term) */
  owners: readonly T[];
}

export class TermMatcher<T> {
  private readonly automaton: AhoCorasick<number> | undefined;
  private readonly ownersByTerm: T[][] = [];
  readonly termCount: number;

  /** Terms are normalised with the same normaliser as the texts, so "#PrabowoGibran" ≡ "prabowo gibran". */
  constructor(terms: Iterable<{ term: string; owner: T }>) {
    const index = new Map<string, number>();
    for (const { term, owner } of terms) {
      const key = normalise(term).text;
      if (key === '') continue;
      let i = index.get(key);
      if (i === undefined) {
        i = this.ownersByTerm.length;
        index.set(key, i);
        this.ownersByTerm.push([]);
      }
      (this.ownersByTerm[i] as T[]).push(owner);
    }
    this.termCount = index.size;
    this.automaton = index.size > 0 ? new AhoCorasick([...index].map(([pattern, data]) => ({ pattern, data }))) : undefined;
  }

  /** All whole-word occurrences of all terms, overlapping ones included. */
  find(normalisedText: string): TermHit<T>[] {
    if (!this.automaton || normalisedText === '') return [];
    const hits: TermHit<T>[] = [];
    for (const m of this.automaton.iterate(normalisedText, { strategy: 'all' })) {
      if (m.data === undefined || !isWordBoundary(normalisedText, m.start, m.end)) continue;
      hits.push({ start: m.start, end: m.end, owners: this.ownersByTerm[m.data] ?? [] });
    }
    return hits;
  }
}
