// Seeded randomness for reproducible training and generated data: one mulberry32 for the stance
// and polarity trainers, the bench generators (bench/generate-export.js re-exports it from dist)
// and the blind-sample draws, so a seed means the same sequence everywhere.

/** mulberry32: a tiny seeded PRNG, enough for shuffling and sampling; values in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffled copy. */
export function shuffle<T>(values: readonly T[], rand: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
