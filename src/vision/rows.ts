// Printed rows from lines read piecemeal: OCR passes over a photo (the whole page, close looks
// turned to a slant, a chest) each return lines, and one printed row may come back as several.
// Pure (boxes in, lines out), so it is tested without the optional packages.

// Lines of two reads are one printed row when they share this much of the lower one's height,
// overlap along the row by at most this share of it, and are at most this many heights apart.
const ROW_SHARE = 0.6;
const ROW_OVERLAP = 0.3;
const ROW_GAP = 1.5;

/**
 * Lines read by different passes that are one printed row — beside each other, their heights
 * mostly shared, the gap between them under ROW_GAP of their height — joined into one line,
 * words left to right; then all lines top to bottom. A tilted or folded print is often read in
 * pieces (one word level, the next by a turned close look), and a pair name ("BUDI DEWI") only
 * matches when its words are one line in reading order.
 */
export function sameRow<T extends { bbox: { x0: number; y0: number; x1: number; y1: number } }>(lines: T[][]): T[][] {
  const box = (l: T[]) => ({ x0: Math.min(...l.map((w) => w.bbox.x0)), x1: Math.max(...l.map((w) => w.bbox.x1)), y0: Math.min(...l.map((w) => w.bbox.y0)), y1: Math.max(...l.map((w) => w.bbox.y1)) });
  const rows = lines.filter((l) => l.length > 0).map((l) => [...l]);
  for (let joined = true; joined; ) {
    joined = false;
    for (let i = 0; i < rows.length && !joined; i++)
      for (let j = i + 1; j < rows.length && !joined; j++) {
        const a = box(rows[i]!);
        const b = box(rows[j]!);
        const shared = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        const height = Math.min(a.y1 - a.y0, b.y1 - b.y0);
        const gap = Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1);
        if (height <= 0 || shared < ROW_SHARE * height || gap < -ROW_OVERLAP * height || gap > ROW_GAP * Math.max(a.y1 - a.y0, b.y1 - b.y0)) continue;
        rows[i] = [...rows[i]!, ...rows[j]!].sort((x, y) => x.bbox.x0 - y.bbox.x0);
        rows.splice(j, 1);
        joined = true;
      }
  }
  return rows.sort((a, b) => box(a).y0 - box(b).y0);
}
