// One flood fill for the pixel regions of vision: the bands of letter edges (text-regions.ts) and
// the surface under printed words (substrate.ts) both grow 4-connected regions from seeds.
// Pure (indices in, callbacks out), so it is tested without the optional packages.

/**
 * Grows 4-connected regions from `seeds` in a width × height grid: a neighbour `to` of a taken
 * pixel `from` is taken when `accept(from, to)` says so and `taken[to]` is not yet set. Every
 * pixel taken (the seeds too) is marked in `taken` and passed to `visit` once.
 */
export function floodFill(width: number, height: number, seeds: Iterable<number>, taken: Uint8Array, accept: (from: number, to: number) => boolean, visit: (i: number, x: number, y: number) => void): void {
  const stack: number[] = [];
  for (const s of seeds)
    if (!taken[s]) {
      taken[s] = 1;
      stack.push(s);
    }
  while (stack.length > 0) {
    const i = stack.pop()!;
    const x = i % width;
    const y = (i - x) / width;
    visit(i, x, y);
    if (x > 0) take(i, i - 1);
    if (x < width - 1) take(i, i + 1);
    if (y > 0) take(i, i - width);
    if (y < height - 1) take(i, i + width);
  }
  function take(from: number, to: number): void {
    if (taken[to] || !accept(from, to)) return;
    taken[to] = 1;
    stack.push(to);
  }
}
