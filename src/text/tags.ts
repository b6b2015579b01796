// Hashtags and mentions as written in a text, for platforms whose exports do not list them.

const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;
const MENTION = /(?:^|[^\p{L}\p{N}_.@])@([A-Za-z0-9_.]{1,30}[A-Za-z0-9_])/gu;

/** Hashtags without '#', in order of appearance, duplicates (case-insensitive) removed. */
export function extractHashtags(text: string | undefined): string[] {
  // every hashtag has its '#': most texts have none, and the Unicode-class regex is the cost
  return text?.includes('#') ? unique([...text.matchAll(HASHTAG)].map((m) => m[1] ?? '')) : [];
}

/** @mentions without '@', in order, duplicates removed. */
export function extractMentions(text: string | undefined): string[] {
  return text?.includes('@') ? unique([...text.matchAll(MENTION)].map((m) => m[1] ?? '')) : [];
}

function unique(values: string[]): string[] {
  // most texts have no tag or mention: no Set for them (speed only)
  if (values.length === 0) return values;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const k = v.toLowerCase();
    if (v && !seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}
