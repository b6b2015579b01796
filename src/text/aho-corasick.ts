// Aho–Corasick over UTF-16 code units: one left-to-right pass, every occurrence of every pattern,
// overlapping ones included. Work is linear in the text plus the number of hits.
//
// Why not a library: modern-ahocorasick walks the text by grapheme with Intl.Segmenter, whose
// ICU iterator grows super-linearly past 65,536 units (a 100 KB non-ASCII cell took minutes).
// Patterns here are already normalised (no combining marks, no variation selectors, no ZWJ), so
// code units are the right alphabet; word boundaries are decided by the caller.

export interface AcMatch<T> {
  pattern: string;
  data: T;
  /** UTF-16 offsets, end exclusive */
  start: number;
  end: number;
}

export class AhoCorasick<T> {
  /** children of each state, keyed by code unit */
  private readonly next: Array<Map<number, number>> = [new Map()];
  /** failure link of each state */
  private fail = new Int32Array(1);
  /** nearest state on the failure chain that ends a pattern (-1: none) */
  private dict = new Int32Array(1);
  /** patterns ending exactly at each state */
  private readonly ends: number[][] = [[]];
  private readonly patterns: Array<{ pattern: string; data: T }>;

  constructor(patterns: ReadonlyArray<{ pattern: string; data: T }>) {
    this.patterns = patterns.filter((p) => p.pattern.length > 0);
    this.patterns.forEach((p, index) => {
      let state = 0;
      for (let i = 0; i < p.pattern.length; i++) {
        const c = p.pattern.charCodeAt(i);
        let to = this.next[state]!.get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.ends.push([]);
          this.next[state]!.set(c, to);
        }
        state = to;
      }
      this.ends[state]!.push(index);
    });
    this.link();
  }

  /** Failure and dictionary links, breadth first. */
  private link(): void {
    const n = this.next.length;
    this.fail = new Int32Array(n);
    this.dict = new Int32Array(n).fill(-1);
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      for (const [c, child] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = this.fail[child]!;
        this.dict[child] = this.ends[fc]!.length > 0 ? fc : this.dict[fc]!;
        queue.push(child);
      }
    }
  }

  /** Every occurrence, ordered by end offset; at one end, longer patterns first. */
  *iterate(text: string): Generator<AcMatch<T>> {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.next[state]!.get(c);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        to = this.next[state]!.get(c);
      }
      state = to ?? 0;
      for (let out = this.ends[state]!.length > 0 ? state : this.dict[state]!; out !== -1; out = this.dict[out]!) {
        for (const index of this.ends[out]!) {
          const p = this.patterns[index]!;
          yield { pattern: p.pattern, data: p.data, start: i + 1 - p.pattern.length, end: i + 1 };
        }
      }
    }
  }
}
