// Meta (Facebook, Instagram, Messenger) writes every UTF-8 byte of a non-ASCII character as its
// own \u00XX escape, so JSON.parse yields one U+0080–U+00FF character per byte ("ðŸ™" for 🙏).
// The repair maps code points back to bytes (ISO-8859-1, NOT windows-1252: bytes 0x80–0x9F arrive
// as C1 controls) and decodes them as UTF-8. Strings that are not valid mojibake stay as they are.

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Repair one string; returns it unchanged when it is plain ASCII, has code points > 0xFF, or is not valid UTF-8. */
export function repairMetaMojibake(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    if (c >= 0x80) needs = true;
  }
  if (!needs) return s;
  try {
    // Buffer 'latin1' maps each code point 0–255 to the byte of the same value.
    return UTF8.decode(Buffer.from(s, 'latin1'));
  } catch {
    return s;
  }
}

/** Repair every string in a parsed JSON value, object keys included (IG keys are localized text). */
export function repairDeep<T>(value: T): T {
  return repairValue(value) as T;
}

function repairValue(value: unknown): unknown {
  if (typeof value === 'string') return repairMetaMojibake(value);
  if (Array.isArray(value)) return value.map(repairValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[repairMetaMojibake(k)] = repairValue(v);
    return out;
  }
  return value;
}
