// Aho–Corasick over UTF-16 code units: one left-to-right pass, every occurrence of every pattern,
// overlapping ones included. Work is linear in the text plus the number of hits.
//
// Why not a library: modern-ahocorasick walks the text by grapheme with Intl.Segmenter, whose
// ICU iterator grows super-linearly past 65,536 units (a 100 KB non-ASCII cell took minutes).
// Patterns here are already normalised (no combining marks, no variation selectors, no ZWJ), so
// code units are the right alphabet; word boundaries are decided by the caller.
//
// Storage: a pack with every Pilkada region has ~200,000 patterns and ~1.5 million trie states,
// most of them with a single child. A state keeps that one edge in two plain number arrays and
// only a branching state gets a Map; patterns ending at a state form a linked list. One Map per
// state (the first version) spent more time building and collecting Maps than matching.

/** A built automaton's arrays (see AhoCorasick.state). */
export interface AutomatonState {
  firstChild: Int32Array;
  childCode: Uint16Array;
  childTo: Int32Array;
  fail: Int32Array;
  dict: Int32Array;
  endHead: Int32Array;
  nextEnd: Int32Array;
}

/** edgeCode of a state with no child, or with several (then its Map holds them) */
const NONE = -1;
const MANY = -2;

export class AhoCorasick<T> {
  /** the only child's code unit, NONE or MANY */
  private edgeCode: number[] = [NONE];
  /** the only child's state */
  private edgeTo: number[] = [0];
  /** the children of a branching state */
  private readonly branches = new Map<number, Map<number, number>>();
  /** the root's children by code unit (0: none): every mismatch falls back to the root, so its
   *  lookup is the hottest one; filled once the trie is built */
  private rootNext: Int32Array = new Int32Array(0);
  /** after linking: children of state s are childCode/childTo[firstChild[s] .. firstChild[s + 1]) */
  private compact = false;
  private firstChild: Int32Array = new Int32Array(0);
  private childCode: Uint16Array = new Uint16Array(0);
  private childTo: Int32Array = new Int32Array(0);
  /** failure link of each state */
  private fail: Int32Array = new Int32Array(1);
  /** nearest state on the failure chain that ends a pattern (-1: none) */
  private dict: Int32Array = new Int32Array(1);
  /** first pattern ending exactly at each state (-1: none); the rest via nextEnd */
  private endHead: number[] | Int32Array = [-1];
  private nextEnd: number[] | Int32Array = [];
  /** pattern text and data by pattern index (two arrays, not an object per pattern) */
  private readonly texts: readonly string[];
  private readonly data: T[];

  /**
   * The automaton of `state` (AhoCorasick.state) over the same patterns, given as texts whose data
   * is their index: a restored pack's matcher (no object per pattern made just to be taken apart).
   */
  static restoredByIndex(texts: readonly string[], state: AutomatonState): AhoCorasick<number> {
    if (texts.some((t) => t.length === 0)) return new AhoCorasick(texts.map((pattern, data) => ({ pattern, data })), state);
    return new AhoCorasick<number>([], state, { texts, data: Array.from(texts, (_, i) => i) });
  }

  constructor(patterns: ReadonlyArray<{ pattern: string; data: T }>, restored?: AutomatonState, columns?: { texts: readonly string[]; data: T[] }) {
    const kept = columns ? [] : patterns.filter((p) => p.pattern.length > 0);
    this.texts = columns ? columns.texts : kept.map((p) => p.pattern);
    this.data = columns ? columns.data : kept.map((p) => p.data);
    if (restored) {
      this.restore(restored);
      return;
    }
    const endHead = this.endHead as number[];
    const nextEnd = this.nextEnd as number[];
    this.texts.forEach((pattern, index) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        let to = this.child(state, c);
        if (to === undefined) {
          to = this.edgeCode.length;
          this.edgeCode.push(NONE);
          this.edgeTo.push(0);
          endHead.push(-1);
          this.addChild(state, c, to);
        }
        state = to;
      }
      nextEnd[index] = endHead[state]!;
      endHead[state] = index;
    });
    this.link();
    this.endHead = Int32Array.from(endHead);
    this.nextEnd = Int32Array.from(nextEnd);
  }

  /**
   * The built automaton as flat typed arrays (the rule-pack cache stores them, rules/pack-snapshot.ts);
   * `new AhoCorasick(samePatterns, state)` gives the same automaton back without building it.
   */
  state(): AutomatonState {
    return { firstChild: this.firstChild, childCode: this.childCode, childTo: this.childTo, fail: this.fail, dict: this.dict, endHead: this.endHead as Int32Array, nextEnd: this.nextEnd as Int32Array };
  }

  private restore(s: AutomatonState): void {
    const states = s.fail.length;
    const edges = s.childCode.length;
    // a state from elsewhere (a cache file) must at least fit together before it is walked
    if (
      states < 1 ||
      s.firstChild.length !== states + 1 ||
      s.firstChild[states] !== edges ||
      s.childTo.length !== edges ||
      s.dict.length !== states ||
      s.endHead.length !== states ||
      s.nextEnd.length !== this.texts.length
    ) {
      throw new Error('automaton state does not fit its patterns');
    }
    this.firstChild = s.firstChild;
    this.childCode = s.childCode;
    this.childTo = s.childTo;
    this.fail = s.fail;
    this.dict = s.dict;
    this.endHead = s.endHead;
    this.nextEnd = s.nextEnd;
    this.compact = true;
    this.edgeCode = [];
    this.edgeTo = [];
    const root = new Int32Array(0x10000);
    for (let k = s.firstChild[0]!; k < s.firstChild[1]!; k++) root[s.childCode[k]!] = s.childTo[k]!;
    this.rootNext = root;
  }

  private child(state: number, c: number): number | undefined {
    if (state === 0 && this.rootNext.length > 0) {
      const to = this.rootNext[c]!;
      return to === 0 ? undefined : to;
    }
    if (this.compact) {
      // the children of a state, sorted by code unit, in one flat pair of typed arrays
      let lo = this.firstChild[state]!;
      let hi = this.firstChild[state + 1]!;
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) if (this.childCode[lo] === c) return this.childTo[lo];
        return undefined;
      }
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const code = this.childCode[mid]!;
        if (code === c) return this.childTo[mid];
        if (code < c) lo = mid + 1;
        else hi = mid;
      }
      return undefined;
    }
    const code = this.edgeCode[state]!;
    if (code === c) return this.edgeTo[state];
    return code === MANY ? this.branches.get(state)!.get(c) : undefined;
  }

  private addChild(state: number, c: number, to: number): void {
    const code = this.edgeCode[state]!;
    if (code === NONE) {
      this.edgeCode[state] = c;
      this.edgeTo[state] = to;
    } else if (code === MANY) {
      this.branches.get(state)!.set(c, to);
    } else {
      this.branches.set(state, new Map([[code, this.edgeTo[state]!], [c, to]]));
      this.edgeCode[state] = MANY;
    }
  }

  /** Failure and dictionary links, breadth first. */
  private link(): void {
    const n = this.edgeCode.length;
    // the trie is complete: flatten it first, then link over the flat arrays (no Map, no closure per edge)
    this.compactEdges(n);
    const { firstChild, childCode, childTo } = this;
    const root = new Int32Array(0x10000);
    for (let k = firstChild[0]!; k < firstChild[1]!; k++) root[childCode[k]!] = childTo[k]!;
    this.rootNext = root;
    const fail = (this.fail = new Int32Array(n));
    const dict = (this.dict = new Int32Array(n).fill(-1));
    const endHead = this.endHead;
    const queue = new Int32Array(n);
    let tail = 0;
    for (let k = firstChild[0]!; k < firstChild[1]!; k++) queue[tail++] = childTo[k]!;
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      for (let k = firstChild[state]!; k < firstChild[state + 1]!; k++) {
        const c = childCode[k]!;
        const child = childTo[k]!;
        let f = fail[state]!;
        let target = this.child(f, c);
        while (target === undefined && f !== 0) {
          f = fail[f]!;
          target = this.child(f, c);
        }
        fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = fail[child]!;
        dict[child] = endHead[fc]! >= 0 ? fc : dict[fc]!;
        queue[tail++] = child;
      }
    }
  }

  /**
   * Once built, the trie is only read: every state's children go into flat sorted arrays (a
   * lookup is a short scan, not a Map probe) and the building structures are dropped (memory).
   */
  private compactEdges(n: number): void {
    const firstChild = new Int32Array(n + 1);
    for (let state = 0; state < n; state++) {
      const code = this.edgeCode[state]!;
      firstChild[state + 1] = firstChild[state]! + (code === MANY ? this.branches.get(state)!.size : code === NONE ? 0 : 1);
    }
    const childCode = new Uint16Array(firstChild[n]!);
    const childTo = new Int32Array(firstChild[n]!);
    for (let state = 0; state < n; state++) {
      let k = firstChild[state]!;
      const code = this.edgeCode[state]!;
      if (code === MANY) {
        // insertion sort by code unit into place (branching states have few children)
        const from = k;
        for (const [c, to] of this.branches.get(state)!) {
          let j = k++;
          while (j > from && childCode[j - 1]! > c) {
            childCode[j] = childCode[j - 1]!;
            childTo[j] = childTo[j - 1]!;
            j--;
          }
          childCode[j] = c;
          childTo[j] = to;
        }
      } else if (code !== NONE) {
        childCode[k] = code;
        childTo[k] = this.edgeTo[state]!;
      }
    }
    this.firstChild = firstChild;
    this.childCode = childCode;
    this.childTo = childTo;
    this.compact = true;
    this.edgeCode = [];
    this.edgeTo = [];
    this.branches.clear();
  }

  /**
   * Every occurrence, ordered by end offset (at one end, longer patterns first), without a
   * generator or an object per match (speed): onMatch(data, start, end, pattern) with UTF-16
   * offsets, end exclusive.
   */
  scan(text: string, onMatch: (data: T, start: number, end: number, pattern: string) => void): void {
    if (this.compact && this.rootNext.length > 0) {
      this.scanCompact(text, onMatch);
      return;
    }
    let state = 0;
    const endHead = this.endHead;
    const dict = this.dict;
    const nextEnd = this.nextEnd;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.child(state, c);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        to = this.child(state, c);
      }
      state = to ?? 0;
      for (let out = endHead[state]! >= 0 ? state : dict[state]!; out !== -1; out = dict[out]!) {
        for (let index = endHead[out]!; index !== -1; index = nextEnd[index]!) {
          const pattern = this.texts[index]!;
          onMatch(this.data[index]!, i + 1 - pattern.length, i + 1, pattern);
        }
      }
    }
  }
  /**
   * scan() over the built automaton (always the case once constructed): the child lookup of
   * child() inlined over local typed arrays. The walk is the same, so are the matches and their order.
   */
  private scanCompact(text: string, onMatch: (data: T, start: number, end: number, pattern: string) => void): void {
    const { firstChild, childCode, childTo, fail, dict, rootNext, texts, data } = this;
    const endHead = this.endHead as Int32Array;
    const nextEnd = this.nextEnd as Int32Array;
    const n = text.length;
    let state = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      // the child of `state` for c, following failure links; 0 when even the root has none
      let to = 0;
      for (;;) {
        if (state === 0) {
          to = rootNext[c]!;
          break;
        }
        let lo = firstChild[state]!;
        let hi = firstChild[state + 1]!;
        to = -1;
        if (hi - lo <= 8) {
          for (; lo < hi; lo++) {
            if (childCode[lo] === c) {
              to = childTo[lo]!;
              break;
            }
          }
        } else {
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            const code = childCode[mid]!;
            if (code === c) {
              to = childTo[mid]!;
              break;
            }
            if (code < c) lo = mid + 1;
            else hi = mid;
          }
        }
        if (to !== -1) break;
        state = fail[state]!;
      }
      state = to;
      const head = endHead[state]!;
      if (head < 0 && dict[state] === -1) continue;
      for (let out = head >= 0 ? state : dict[state]!; out !== -1; out = dict[out]!) {
        for (let index = endHead[out]!; index !== -1; index = nextEnd[index]!) {
          const pattern = texts[index]!;
          onMatch(data[index]!, i + 1 - pattern.length, i + 1, pattern);
        }
      }
    }
  }
  /** Some pattern starts with this UTF-16 unit (matchesAt at an offset holding any other finds nothing). */
  startsWith(code: number): boolean {
    return this.rootNext[code] !== 0;
  }

  /**
   * Every pattern that starts at `start` (a plain trie walk from the root, no failure links), in
   * increasing length: onMatch(data, end, pattern). The caller that only wants matches starting at
   * chosen offsets (word starts) walks those instead of the whole text; see TermMatcher.find for
   * how it puts them back in scan()'s order.
   */
  matchesAt(text: string, start: number, onMatch: (data: T, end: number, pattern: string) => void): void {
    if (!this.compact || this.rootNext.length === 0) throw new Error('automaton not built');
    const { firstChild, childCode, childTo, texts, data } = this;
    const endHead = this.endHead as Int32Array;
    const nextEnd = this.nextEnd as Int32Array;
    const n = text.length;
    if (start >= n) return;
    let state = this.rootNext[text.charCodeAt(start)]!;
    for (let i = start + 1; state !== 0; i++) {
      for (let index = endHead[state]!; index !== -1; index = nextEnd[index]!) onMatch(data[index]!, i, texts[index]!);
      if (i >= n) return;
      const c = text.charCodeAt(i);
      let lo = firstChild[state]!;
      let hi = firstChild[state + 1]!;
      let to = 0;
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) {
          if (childCode[lo] === c) {
            to = childTo[lo]!;
            break;
          }
        }
      } else {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          const code = childCode[mid]!;
          if (code === c) {
            to = childTo[mid]!;
            break;
          }
          if (code < c) lo = mid + 1;
          else hi = mid;
        }
      }
      state = to;
    }
  }
}
