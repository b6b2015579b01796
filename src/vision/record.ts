// Reading back what the vision stage stored with an item (its raw_json): the boxes a finding
// rests on, for the report. The stored JSON is checked with zod: it is a trust boundary.
import { z } from 'zod';
import { Box } from './box.js';

const StoredRecord = z.object({
  vision: z.object({
    photo: z.object({ sha256: z.string(), width: z.number().int().positive(), height: z.number().int().positive() }),
    evidence: z.array(z.object({ finding: z.string(), signal: z.enum(['ocr', 'image', 'pose']), box: Box, score: z.number(), thumbnail: z.string() })),
  }),
});

export interface FindingBoxes {
  /** the photo's size: the boxes' coordinate space */
  width: number;
  height: number;
  boxes: Array<Box & { label: string }>;
}

/** The boxes of one finding from an item's stored raw JSON; undefined for items vision did not make. */
export function findingBoxes(rawJson: string | null | undefined, findingId: string): FindingBoxes | undefined {
  if (!rawJson || !rawJson.includes('"vision"')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawJson);
  } catch {
    return undefined;
  }
  const record = StoredRecord.safeParse(parsed);
  if (!record.success) return undefined;
  const { photo, evidence } = record.data.vision;
  const boxes = evidence.filter((e) => e.finding === findingId).map((e) => ({ ...e.box, label: `${e.signal} ${Math.round(e.score * 100)}%` }));
  return boxes.length ? { width: photo.width, height: photo.height, boxes } : undefined;
}
