// Content hashing shared by every model: canonical JSON (sorted keys, no undefined) + SHA-256.
import { hash } from 'node:crypto';

/** Deterministic JSON: object keys sorted, `undefined` members dropped, arrays kept in order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortDeep(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortDeep(v);
    }
    return out;
  }
  return value;
}

export function sha256Hex(data: string | Uint8Array): string {
  // the one-shot hash: no Hash object per call (verify hashes a few hundred thousand rows)
  return hash('sha256', data, 'hex');
}

/** A typed content id: the domain tag keeps an item hash from ever equalling a finding hash. */
export function contentId(domain: string, value: unknown): string {
  return sha256Hex(`netral:${domain}:v1\n${canonicalJson(value)}`);
}
