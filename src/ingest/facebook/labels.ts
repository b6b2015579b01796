// The 2024+ `label_values` shape: a list of {label, value} / {label|title, dict:[…]} entries whose
// labels are localized (formats.md §0.3). We key on structure first (a URL-looking value, the entry
// holding a dict) and use label names only to choose between several candidates. The alias
// table grows as samples appear; Indonesian entries are GUESSES, not seen in a real export.
import { z } from 'zod';

export interface LabelValue {
  label?: string;
  title?: string;
  value?: string;
  href?: string;
  timestamp_value?: number;
  dict?: LabelValue[];
  vec?: LabelValue[];
}

export const LabelValueSchema: z.ZodType<LabelValue> = z.lazy(() =>
  z.object({
    label: z.string().optional(),
    title: z.string().optional(),
    value: z.string().optional(),
    href: z.string().optional(),
    timestamp_value: z.number().optional(),
    dict: z.array(LabelValueSchema).optional(),
    vec: z.array(LabelValueSchema).optional(),
  }),
);

// Vietnamese labels (Cảm xúc, Tên, Nhóm, Tác giả) are from a real 2026 export's reactions in groups;
// English `Group` and `Author` for the same entries are GUESSES (that file's English form not seen).
export const LABEL_ALIASES = {
  reaction: ['Reaction', 'リアクション', 'Cảm xúc', /* guess */ 'Reaksi', 'Tanggapan'],
  url: ['URL', 'Link', /* guess */ 'Tautan'],
  owner: ['Owner', /* guess */ 'Pemilik'],
  /** the group a reacted-to post sits in (reactions in groups, 2026) */
  group: ['Nhóm', /* guess */ 'Group', 'Grup'],
  /** the author of a reacted-to post in a group */
  author: ['Tác giả', /* guess */ 'Author', 'Penulis'],
  name: ['Name', '名前', 'Tên', /* guess */ 'Nama'],
  message: ['Message', /* guess */ 'Pesan'],
  placeTags: ['Place tags', /* guess */ 'Tag tempat', 'Penanda tempat'],
  address: ['Address', /* guess */ 'Alamat'],
  coordinates: ['Coordinates', /* guess */ 'Koordinat'],
  placeName: ['Place name', /* guess */ 'Nama tempat'],
  visitTime: ['Visit time', /* guess */ 'Waktu kunjungan'],
  taggingApp: ['Name of application used to tag this place', /* guess */ 'Nama aplikasi yang digunakan untuk menandai tempat ini'],
} as const;

type AliasKey = keyof typeof LABEL_ALIASES;

function labelOf(lv: LabelValue): string {
  return (lv.label ?? lv.title ?? '').trim().toLowerCase();
}

/** The entry whose label (or title) is one of the aliases of `key`. */
export function byLabel(entries: readonly LabelValue[], key: AliasKey): LabelValue | undefined {
  const aliases = LABEL_ALIASES[key].map((a) => a.toLowerCase());
  return entries.find((lv) => aliases.includes(labelOf(lv)));
}

export function isUrl(s: string | null | undefined): s is string {
  return !!s && /^https?:\/\//i.test(s);
}

const COORDINATES = /^\(?\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)?$/;

/** "(-7.2575 , 112.7521)" → {lat, lon} */
export function parseCoordinates(s: string | undefined): { lat: number; lon: number } | undefined {
  const m = s ? COORDINATES.exec(s.trim()) : null;
  return m ? { lat: Number(m[1]), lon: Number(m[2]) } : undefined;
}

/** Every leaf (entry with a value) under an entry's dict/vec, depth-first. */
export function leaves(lv: LabelValue): LabelValue[] {
  const children = [...(lv.dict ?? []), ...(lv.vec ?? [])];
  if (children.length === 0) return lv.value !== undefined ? [lv] : [];
  return children.flatMap(leaves);
}

/** A plain text entry: has a string value, no children, and is not a URL. */
export function isTextEntry(lv: LabelValue): boolean {
  return typeof lv.value === 'string' && !lv.dict && !lv.vec && !isUrl(lv.value);
}
