// Instagram's newer files (comments, some likes) keep their fields in `string_map_data`, an object
// whose KEYS are labels in the account's language ("Comment" / Dutch "Opmerking" / …). A key is
// looked up in the alias table first; anything the table does not know is resolved by structure:
// the entry carrying a `timestamp` is the time, the string entries in file order are the comment
// and then the media owner (the order Instagram writes them in every sample seen).
import { z } from 'zod';

export const StringMapEntry = z.looseObject({
  value: z.string().optional(),
  href: z.string().optional(),
  timestamp: z.number().optional(),
});
export type StringMapEntry = z.infer<typeof StringMapEntry>;

export type StringMapField = 'comment' | 'owner' | 'time';

/**
 * Known labels per field, compared case-insensitively after mojibake repair. English, Danish and
 * Dutch come from real exports (formats.md §0.3, §2.4). Entries marked GUESS are unverified
 * (no Indonesian export has been seen yet); extend the table when a real sample shows the labels.
 */
export const STRING_MAP_ALIASES: Record<StringMapField, readonly string[]> = {
  comment: [
    'Comment', // en
    'Opmerking', // nl
    'Kommentar', // da — GUESS (Danish word; not seen in a sample)
    'Komentar', // id — GUESS
  ],
  owner: [
    'Media Owner', // en
    'Media-eigenaar', // nl
    'Author', // en (older comment exports)
    'Forfatter', // da
    'Pemilik Media', // id — GUESS
    'Pemilik media', // id — GUESS (sentence case)
  ],
  time: [
    'Time', // en
    'Tijd', // nl
    'Tidspunkt', // da
    'Waktu', // id — GUESS
  ],
};

const ALIAS_INDEX = new Map<string, StringMapField>(
  Object.entries(STRING_MAP_ALIASES).flatMap(([field, labels]) =>
    labels.map((label) => [label.toLowerCase(), field as StringMapField] as const),
  ),
);

export interface ResolvedStringMap {
  comment?: { key: string; value: string };
  owner?: { key: string; value: string };
  time?: { key: string; timestamp: number };
}

/** Map a `string_map_data` object to comment / owner / time, by label when known, else by structure. */
export function resolveStringMap(map: Record<string, unknown>): ResolvedStringMap {
  const out: ResolvedStringMap = {};
  const unknownStrings: Array<{ key: string; value: string }> = [];
  for (const [key, raw] of Object.entries(map)) {
    const entry = StringMapEntry.safeParse(raw);
    if (!entry.success) continue;
    const { value, timestamp } = entry.data;
    const field = ALIAS_INDEX.get(key.trim().toLowerCase());
    if (field === 'time' || (field === undefined && value === undefined && timestamp !== undefined)) {
      if (timestamp !== undefined && out.time === undefined) out.time = { key, timestamp };
    } else if (value !== undefined) {
      if (field === 'comment' || field === 'owner') {
        if (out[field] === undefined) out[field] = { key, value };
      } else {
        unknownStrings.push({ key, value });
      }
    }
  }
  // Structural fallback: unknown labels fill the free slots in file order (comment first).
  for (const entry of unknownStrings) {
    if (out.comment === undefined) out.comment = entry;
    else if (out.owner === undefined) out.owner = entry;
  }
  return out;
}
