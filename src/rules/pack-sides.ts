// The sides of the pack's cue word lists, worked out once when the pack is compiled (they were
// WeakMaps filled lazily per pack by the first item scanned): which side each lexicon takes, the
// comparative markers, and for each rule matcher the sided words a `near` clause reads a pair's
// leaning by and the attack words a negation denies (evaluate.ts reads them; never the matching);
// also the pack's fallback rules (fallbackRulesOf), which evaluate.ts skips beside a specific form.
import { termText } from '../text/term-text.js';
import { COMPARATIVE_LEXICON, type CompiledMatcher, type CompiledRule, type FallbackRules, type LexiconSides } from './pack.js';

/**
 * The side each cue word list takes, as the rules' pair_stance cues declare it (a list declared
 * both ways takes none), and the comparative markers of the pack (a verdict before "daripada" is
 * said of the pair before it: "Prabowo lebih tegas daripada Anies").
 */
export function lexiconSidesOf(rules: readonly CompiledRule[]): LexiconSides {
  const sides = new Map<string, 'support' | 'attack' | null>();
  const markers = new Set<string>();
  for (const r of rules) {
    for (const m of r.matchers.values()) {
      for (const cue of m.stance?.cues ?? []) {
        if (cue.lexicons.includes(COMPARATIVE_LEXICON)) for (const w of cue.values) markers.add(termText(w));
        // a prohibited call and a comparison read their side from the words around them, not from the list
        if (cue.prohibited || cue.lexicons.includes(COMPARATIVE_LEXICON)) continue;
        for (const id of cue.lexicons) sides.set(id, sides.has(id) && sides.get(id) !== cue.stance ? null : cue.stance);
      }
    }
  }
  const words = [...markers].filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { sides, comparative: words.length ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words.join('|')})(?:$|[^\\p{L}\\p{N}])`, 'u') : undefined };
}

/**
 * Sets `sidedWords` and `verdictWords` on every `match` matcher of the rules (unless and exception
 * matchers never read them).
 * - sidedWords: the words of each list of a lexicon matcher as the matcher's text reads them
 *   (termText), when one of its lists has a side.
 * - verdictWords: lexicon matchers with attack verdicts by the pack's own pair_stance cues
 *   ("opini-kritik", "opini-hinaan"): a hit the negation scope denies counts for nothing, in a
 *   `near` clause as in a pair_stance matcher — every hit when every list is an attack list, else
 *   the words only attack lists hold. Support lists are left alone: a negated call ("jangan pilih")
 *   is read by the rules that look for it.
 */
export function markSidedMatchers(rules: readonly CompiledRule[], { sides }: LexiconSides): void {
  for (const r of rules) for (const m of r.matchers.values()) markMatcher(m, sides);
}

function markMatcher(m: CompiledMatcher, sides: ReadonlyMap<string, 'support' | 'attack' | null>): void {
  if (m.type !== 'terms' || !m.lexicons?.length) return;
  const words = m.lexicons.some((id) => sides.get(id)) && m.lexiconTerms ? new Map([...m.lexiconTerms].map(([id, terms]) => [id, new Set(terms.map(termText))])) : undefined;
  if (words) m.sidedWords = words;
  if (!m.lexicons.some((id) => sides.get(id) === 'attack')) return;
  if (m.lexicons.every((id) => sides.get(id) === 'attack')) {
    m.verdictWords = 'all';
    return;
  }
  if (!words) return;
  const attack = new Set<string>();
  const other = new Set<string>();
  for (const [id, ws] of words) for (const w of ws) (sides.get(id) === 'attack' ? attack : other).add(w);
  for (const w of other) attack.delete(w);
  if (attack.size) m.verdictWords = attack;
}

/** The pack's fallback rules and superseded rule ids (RulePack.fallback). */
export function fallbackRulesOf(rules: readonly CompiledRule[]): FallbackRules {
  return {
    rules: new Set(rules.filter((r) => r.def.prohibition === 3 && !r.def.builds_on?.length)),
    superseded: new Set(rules.flatMap((r) => r.def.supersedes ?? [])),
  };
}
