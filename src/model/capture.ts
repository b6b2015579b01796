// One input as received: which bytes, from where, when and how. Evidence starts here.
import { z } from 'zod';
import { contentId } from './hash.js';

export const CaptureOriginKind = z.enum(['file', 'zip-member', 'url', 'stdin', 'saved-html']);
export type CaptureOriginKind = z.infer<typeof CaptureOriginKind>;

export const CaptureMethod = z.enum(['export-file', 'http-get', 'saved-html']);
export type CaptureMethod = z.infer<typeof CaptureMethod>;

export const HttpExchange = z.object({
  url: z.string(),
  finalUrl: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  redirects: z.array(z.string()).default([]),
});
export type HttpExchange = z.infer<typeof HttpExchange>;

export const Capture = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  originKind: CaptureOriginKind,
  /** file path as given by the user, or URL */
  origin: z.string(),
  /** path inside the zip (zip-member) or under the input folder; absent for a single file/URL */
  memberPath: z.string().optional(),
  /** capture id of the container (zip) this member came from */
  parentId: z.string().optional(),
  method: CaptureMethod,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  mediaType: z.string().optional(),
  /** ISO 8601 UTC: when netral read/fetched the bytes */
  capturedAt: z.string(),
  /** file modification time when known (ISO 8601 UTC) */
  sourceMtime: z.string().optional(),
  http: HttpExchange.optional(),
});
export type Capture = z.infer<typeof Capture>;

/**
 * A capture id is stable for the same bytes at the same place in the input, so a re-scan finds
 * the capture it already holds instead of adding a new one. The absolute path is left out: the
 * same export scanned from another folder is the same capture.
 */
export function captureId(parts: { sha256: string; memberPath?: string | undefined; origin: string; originKind: CaptureOriginKind }): string {
  const place = parts.originKind === 'url' ? parts.origin : (parts.memberPath ?? baseName(parts.origin));
  return contentId('capture', { sha256: parts.sha256, place });
}

function baseName(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] ?? p;
}
