// Content hashing shared by every model: canonical JSON (sorted keys, no undefined) + SHA-256.
import { hash } from 'node:crypto';

/**
 * Deterministic JSON: object keys sorted, `undefined` members dropped, arrays kept in order.
 * Written out directly, in one walk, without building a sorted copy first (an item id is hashed
 * for every item read). The output is exactly JSON.stringify of the sorted copy, including its
 * quirks: array-index keys ("0", "10") come first in numeric order, as JSON.stringify lists them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  return writeJson(value);
}

function writeJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const v: unknown = value[i];
          out += v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : writeJson(v);
        }
        return `${out}]`;
      }
      const keys = Object.keys(value).sort();
      let out = '{';
      let first = true;
      for (const key of orderedKeys(keys)) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${writeJson(v)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      // bigint: JSON.stringify's own error
      return JSON.stringify(value) as string;
  }
}

/** Sorted keys in the order JSON.stringify lists an object built in that order: array indices first, numerically. */
function orderedKeys(sorted: string[]): string[] {
  let indices: string[] | undefined;
  for (const k of sorted) if (isArrayIndex(k)) (indices ??= []).push(k);
  if (!indices) return sorted;
  indices.sort((a, b) => Number(a) - Number(b));
  return [...indices, ...sorted.filter((k) => !isArrayIndex(k))];
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

export function sha256Hex(data: string | Uint8Array): string {
  // the one-shot hash: no Hash object per call (verify hashes a few hundred thousand rows)
  return hash('sha256', data, 'hex');
}

/** A typed content id: the domain tag keeps an item hash from ever equalling a finding hash. */
export function contentId(domain: string, value: unknown): string {
  return sha256Hex(`netral:${domain}:v1\n${canonicalJson(value)}`);
}
