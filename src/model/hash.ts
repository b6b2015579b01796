// Content hashing shared by every model: canonical JSON (sorted keys, no undefined) + SHA-256.
import { hash } from 'node:crypto';

/** Deterministic JSON: object keys sorted, `undefined` members dropped, arrays kept in order. */
export function canonicalJson(value: unknown): string {
  // written in one pass, without a sorted copy of the value: an export or a scan writes one per
  // finding and item (the output is exactly what JSON.stringify of a key-sorted deep copy gives: test/model/hash.test.ts)
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return JSON.stringify(value);
  return writeCanonical(value)!;
}

/** The canonical JSON of one value; undefined where JSON leaves the value out (undefined, a function, a symbol). */
function writeCanonical(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'bigint':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let out = `[${writeCanonical(value[0]) ?? 'null'}`;
    for (let i = 1; i < value.length; i++) out += `,${writeCanonical(value[i]) ?? 'null'}`;
    return `${out}]`;
  }
  let out = '{';
  for (const key of canonicalKeys(value as object)) {
    const v = writeCanonical((value as Record<string, unknown>)[key]);
    if (v === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${quotedKey(key)}${v}`;
  }
  return `${out}}`;
}

// the same few hundred keys recur in every record: each is quoted once (bounded: keys of raw input are anyone's)
const QUOTED_KEYS = new Map<string, string>();
/** `"key":` as canonical JSON writes it, cached (also used for the store's column names). */
export function quotedKey(key: string): string {
  let q = QUOTED_KEYS.get(key);
  if (q === undefined) {
    q = `${JSON.stringify(key)}:`;
    if (QUOTED_KEYS.size < 4096) QUOTED_KEYS.set(key, q);
  }
  return q;
}

const INDEX_KEY = /^(0|[1-9]\d{0,9})$/;

/**
 * Own keys in the order JSON.stringify of a key-sorted copy lists them: a JS object lists integer
 * keys first, ascending, then the others in sorted order. `__proto__` is left out (assigning it
 * to a copy makes no member).
 */
function canonicalKeys(value: object): string[] {
  const keys = Object.keys(value).sort();
  let plain = true;
  for (const k of keys) {
    const c = k.charCodeAt(0);
    // a digit (an index key may be one) or `_` (__proto__): the exact test below
    if ((c >= 48 && c <= 57) || c === 95) {
      plain = false;
      break;
    }
  }
  if (plain || !keys.some((k) => INDEX_KEY.test(k) || k === '__proto__')) return keys;
  const index = keys.filter((k) => INDEX_KEY.test(k) && Number(k) < 2 ** 32 - 1).sort((a, b) => Number(a) - Number(b));
  const isIndex = new Set(index);
  return [...index, ...keys.filter((k) => !isIndex.has(k) && k !== '__proto__')];
}

export function sha256Hex(data: string | Uint8Array): string {
  // the one-shot hash: no Hash object per call (verify hashes a few hundred thousand rows)
  return hash('sha256', data, 'hex');
}

/** A typed content id: the domain tag keeps an item hash from ever equalling a finding hash. */
export function contentId(domain: string, value: unknown): string {
  return sha256Hex(`netral:${domain}:v1\n${canonicalJson(value)}`);
}
