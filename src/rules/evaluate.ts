// The engine: evaluate(item) → Finding[]. Pure: no I/O, no clock, no globals.
import type { CandidateRef, Finding, Span, SpanField, Track } from '../model/finding.js';
import { findingId } from '../model/finding.js';
import type { Item } from '../model/item.js';
import { normalise, toOriginal, type NormalisedText } from '../text/normalise.js';
import type { TermHit } from '../text/matcher.js';
import { evaluateCondition } from './condition.js';
import { electionCoversRegion, electionsAt, nameTagsIn, plausibleBallotNumber, type Election, type RegistryTerm } from './registry.js';
import { REGION_SCOPED, type CompiledMatcher, type CompiledRule, type RulePack, type TermOwner } from './pack.js';
import { renderExplanation } from './explain.js';
import { clippedFormMarked } from './name-variants.js';
import { maskText, type MaskedText, type StanceScore } from './stance-model.js';
import { balancedStance, groupListedMentions, mixedStance, negatedAt, pairStances, takenStance, type CueHit } from './stance.js';

export interface EvalContext {
  /** region code of the subject (KPU/Kemendagri: "32", "3273"); selects Pilkada ballots */
  region?: string;
}

/** One occurrence of a matcher in one field string. */
export interface MatchHit {
  field: SpanField;
  index: number;
  /** normalised offsets */
  start: number;
  end: number;
  /** registry term behind the hit, if any */
  term?: RegistryTerm;
  /** a stance model's score, on the hits of a stance_model matcher */
  score?: number;
}

/** One field string of the item, normalised once, with its term hits from the one matcher pass. */
interface FieldText {
  field: SpanField;
  index: number;
  norm: NormalisedText;
  hits: TermHit<TermOwner>[];
  /** word index of each normalised offset (for `near`), computed on demand */
  wordAt?: Int32Array;
  /** the hits of each rule/exception matcher ("rule:3:ajakan"), built on first use */
  byMatcher?: Map<string, TermHit<TermOwner>[]>;
  /** registry terms found in the field for the elections in force, built on first use */
  registryHits?: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }>;
}

function registryHitsOf(f: FieldText, elections: ReadonlySet<Election>): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  if (!f.registryHits) {
    f.registryHits = [];
    for (const hit of f.hits) {
      for (const o of hit.owners) {
        if (o.type !== 'registry' || !elections.has(o.term.election)) continue;
        if (o.term.variant === 'clipped' && !clippedFormMarked(f.norm, hit.start, hit.inHashtag)) continue;
        f.registryHits.push({ hit, term: o.term });
      }
    }
  }
  return f.registryHits;
}

function matcherKey(type: 'rule' | 'exception', index: number, matcher: string): string {
  return `${type}:${index}:${matcher}`;
}

/** Hits of one rule/exception term matcher in a field: one pass over the hits per field, then lookups. */
function termHitsOf(f: FieldText, key: string): readonly TermHit<TermOwner>[] {
  if (!f.byMatcher) {
    f.byMatcher = new Map();
    for (const h of f.hits) {
      for (const o of h.owners) {
        if (o.type === 'registry') continue;
        const k = matcherKey(o.type, o.index, o.matcher);
        const list = f.byMatcher.get(k);
        // a term listed twice for one matcher (two lexicons) is still one hit
        if (!list) f.byMatcher.set(k, [h]);
        else if (list[list.length - 1] !== h) list.push(h);
      }
    }
  }
  return f.byMatcher.get(key) ?? [];
}

/** Per-item facts shared by all rules. */
export interface ItemView {
  item: Item;
  fields: FieldText[];
  /** elections whose watch window contains the item time */
  elections: Set<Election>;
  region: string | undefined;
}

export function evaluate(pack: RulePack, item: Item, ctx: EvalContext = {}): Finding[] {
  const view = prepareItem(pack, item, ctx);
  const findings: Finding[] = [];
  for (const rule of pack.rules) {
    if (rule.def.status === 'deprecated' || !rule.kinds.has(item.kind)) continue;
    const finding = evaluateRule(pack, rule, view);
    if (finding) findings.push(finding);
  }
  return withoutFallbackForm(findings);
}

/**
 * "8 tidak" item 3 (a status about a pair) is the fallback form of a post that takes sides: the
 * rubric files a post under 3 only when no specific form fits. When a specific form (a like, a
 * rally, a T-shirt, a pose, the office, a sticker, a debate, an SKB form) fits the same item, the
 * generic status finding would only repeat it for the reviewer, so it is left out.
 */
function withoutFallbackForm(findings: Finding[]): Finding[] {
  return findings.some((f) => f.prohibition !== 3) ? findings.filter((f) => f.prohibition !== 3) : findings;
}

/** Evaluate one rule on a prepared item (the fixture runner calls it rule by rule). */
export function evaluateRule(pack: RulePack, rule: CompiledRule, v: ItemView): Finding | undefined {
  const hitsOf = hitsMemo(rule.matchers, v, { type: 'rule', index: rule.index });
  const holds = (name: string) => matcherHolds(rule.matchers.get(name) as CompiledMatcher, v, hitsOf(name));
  if (!evaluateCondition(rule.condition, holds)) return undefined;

  const unlessHits = hitsMemo(rule.unless, v, { type: 'rule', index: rule.index });
  for (const m of rule.unless.values()) {
    if (matcherHolds(m, v, unlessHits(m.name))) return undefined;
  }

  const lowered: Array<{ id: string; reason: string }> = [];
  let factor = 1;
  for (const ex of rule.exceptions) {
    const exHits = hitsMemo(ex.matchers, v, { type: 'exception', index: ex.index });
    if (!evaluateCondition(ex.condition, (name) => matcherHolds(ex.matchers.get(name) as CompiledMatcher, v, exHits(name)))) continue;
    if (ex.def.effect === 'cancel') return undefined;
    factor *= ex.def.factor;
    lowered.push({ id: ex.def.id, reason: ex.def.reason });
  }

  // evidence: every positive matcher that holds contributes its spans, candidates and weight
  const spans: Span[] = [];
  const candidates = new Map<string, CandidateRef>();
  // elections named by identity (names, hashtags, accounts), not only by a number or hand sign
  const identityElections = new Set<string>();
  let disbelief = 1 - rule.def.confidence;
  const scores: Record<string, number> = {};
  for (const m of rule.matchers.values()) {
    if (!holds(m.name)) continue;
    disbelief *= 1 - m.weight;
    for (const h of hitsOf(m.name)) {
      if (h.score !== undefined) scores[m.name] = h.score;
      const field = v.fields.find((f) => f.field === h.field && f.index === h.index);
      if (field) spans.push(toSpan(field, h, m.name));
      if (h.term?.pair) {
        const p = h.term.pair;
        candidates.set(p.id, { election: h.term.election.id, number: p.number, pair: p.id, name: p.name });
        if (!REGION_SCOPED.has(h.term.list)) identityElections.add(h.term.election.id);
      }
    }
  }
  const uniqueSpans = dedupeSpans(spans);
  const candidateList = preferNamedElections([...candidates.values()], identityElections);
  const track = trackOf(v, candidateList, pack);
  const def = rule.def;
  const legalBasis = track === 'etik' ? def.legal_basis.bakal_calon : track === 'disiplin' ? def.legal_basis.calon : [...def.legal_basis.calon, ...def.legal_basis.bakal_calon];
  const skbForm = track === 'etik' ? def.skb_form?.bakal_calon : def.skb_form?.calon;
  const confidence = Math.round(Math.min(0.99, Math.max(0.01, (1 - disbelief) * factor)) * 100) / 100;
  const base = {
    itemId: v.item.id,
    ruleId: def.id,
    ruleVersion: def.version,
    spans: uniqueSpans,
  };
  return {
    id: findingId(base),
    ...base,
    prohibition: def.prohibition,
    severity: def.severity,
    confidence,
    track,
    ...(skbForm ? { skbForm } : {}),
    candidates: candidateList,
    title: def.title,
    explanation: renderExplanation(def.explain, { item: v.item, spans: uniqueSpans, candidates: candidateList, legalBasis, track, skbForm, scores }),
    legalBasis,
    lowered,
  };
}

/** Normalise every field of the item once and run the one matcher pass over each. */
export function prepareItem(pack: RulePack, item: Item, ctx: EvalContext = {}): ItemView {
  return {
    item,
    fields: fieldTexts(item).map(({ field, index, text }) => {
      const norm = normalise(text);
      return { field, index, norm, hits: [...pack.matcher.find(norm), ...nameTagHits(pack, norm)] };
    }),
    elections: new Set(electionsAt(pack.registry, activityTime(item))),
    region: ctx.region,
  };
}

/**
 * "salam dua jari ✌️ #BudiDewi" names one pair; the ✌️ alone would also mean 02 of every other
 * ballot in force. When some election is named by identity, numbers and hand signs only count
 * for the named elections.
 */
function preferNamedElections(candidates: CandidateRef[], identityElections: ReadonlySet<string>): CandidateRef[] {
  if (identityElections.size === 0) return candidates;
  return candidates.filter((c) => identityElections.has(c.election));
}

/** Hashtags carrying a candidate name and more words, as hits on the normalised text. */
function nameTagHits(pack: RulePack, norm: NormalisedText): TermHit<TermOwner>[] {
  const hits: TermHit<TermOwner>[] = [];
  for (const tag of nameTagsIn(pack.registry, norm.original)) {
    let start = -1;
    let end = -1;
    for (let i = 0; i < norm.text.length; i++) {
      const at = norm.starts[i] ?? 0;
      if (at >= tag.start && at < tag.end && norm.text[i] !== ' ') {
        if (start < 0) start = i;
        end = i + 1;
      }
    }
    if (start >= 0) hits.push({ start, end, inHashtag: true, inQuote: norm.inQuote[start] === 1, owners: tag.terms.map((term) => ({ type: 'registry', term })) });
  }
  return hits;
}

/** The strings of an item that rules can look at, each with its field name and list index. */
export function fieldTexts(item: Item): Array<{ field: SpanField; index: number; text: string }> {
  const out: Array<{ field: SpanField; index: number; text: string }> = [];
  const add = (field: SpanField, text: string | undefined, index = 0) => {
    if (text && text.trim()) out.push({ field, index, text });
  };
  add('text', item.text);
  if (item.target) add('target', targetString(item.target));
  if (item.place) add('place', [item.place.name, item.place.address].filter(Boolean).join(' | '));
  if (item.event) add('event', item.event.name);
  item.media.forEach((m, i) => add('media.caption', m.caption, i));
  if (item.context) add('context', item.context.name);
  if (item.link) add('link', [item.link.title, item.link.url].filter(Boolean).join(' | '));
  // hashtags an export lists separately from the text (so they are not matched twice)
  const inText = new Set((item.text ?? '').toLowerCase().match(/#[\p{L}\p{N}_]+/gu) ?? []);
  const extra = item.hashtags.filter((h) => !inText.has(`#${h.toLowerCase()}`));
  if (extra.length) add('hashtags', extra.map((h) => `#${h}`).join(' '));
  return out;
}

/** The target as one string: "name | @handle | url-form" — spans point into this string. */
export function targetString(t: NonNullable<Item['target']>): string {
  const url = t.url ? t.url.replace(/^[a-z]+:\/\//i, '').replace(/^(www\.|m\.|mobile\.|web\.)/i, '') : undefined;
  return [t.name, t.handle ? `@${t.handle.replace(/^@/, '')}` : undefined, url].filter(Boolean).join(' | ');
}

type MatcherOwner = { type: 'rule' | 'exception'; index: number };

/** The hits of each matcher of one rule (or exception) on one item, computed once: near matchers reuse their parts. */
function hitsMemo(matchers: ReadonlyMap<string, CompiledMatcher>, v: ItemView, owner: MatcherOwner): (name: string) => MatchHit[] {
  const hitsOf: (name: string) => MatchHit[] = memo((name) => matcherHits(matchers.get(name) as CompiledMatcher, v, owner, hitsOf));
  return hitsOf;
}

function matcherHits(m: CompiledMatcher, v: ItemView, owner: MatcherOwner, hitsOf: (name: string) => MatchHit[]): MatchHit[] {
  const inFields = v.fields.filter((f) => m.fields.includes(f.field));
  switch (m.type) {
    case 'terms': {
      const out: MatchHit[] = [];
      const key = matcherKey(owner.type, owner.index, m.name);
      for (const f of inFields) {
        for (const h of termHitsOf(f, key)) {
          if (m.outsideQuotes && h.inQuote) continue;
          out.push({ field: f.field, index: f.index, start: h.start, end: h.end });
        }
      }
      return out;
    }
    case 'registry': {
      const out: MatchHit[] = [];
      for (const f of inFields) {
        for (const { hit: h, term } of registryHitsOf(f, v.elections)) {
          if (!m.lists?.has(term.list)) continue;
          // "#JokowiLagi" is a campaign tag; the words "… dukung Jokowi lagi" are not
          if (term.list === 'hashtags' && !h.inHashtag && f.field !== 'hashtags') continue;
          const scope = m.scope ?? (REGION_SCOPED.has(term.list) ? 'election' : 'any');
          if (scope === 'election' && !electionCoversRegion(term.election, v.region)) continue;
          if (term.list === 'numbers' && /^\d+$/.test(f.norm.text.slice(h.start, h.end)) && !plausibleBallotNumber(f.norm.text, h.start, h.end)) continue;
          out.push({ field: f.field, index: f.index, start: h.start, end: h.end, term });
        }
      }
      if (m.minPairs && new Set(out.map((h) => h.term?.pair?.id).filter(Boolean)).size < m.minPairs) return [];
      return out;
    }
    case 'regex': {
      const out: MatchHit[] = [];
      for (const f of inFields) {
        const re = m.regex as NonNullable<CompiledMatcher['regex']>;
        re.lastIndex = 0;
        let r: RegExpExecArray | null;
        while ((r = re.exec(f.norm.text)) !== null) {
          if (r[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          if (m.outsideQuotes && f.norm.inQuote[r.index] === 1) continue;
          out.push({ field: f.field, index: f.index, start: r.index, end: r.index + r[0].length });
        }
      }
      return out;
    }
    case 'pair_stance':
      return pairStanceHits(m, v, owner, inFields, hitsOf);
    case 'stance_model':
      return stanceModelHits(m, v, hitsOf);
    case 'near': {
      const near = m.near as NonNullable<CompiledMatcher['near']>;
      const groups = near.names.map(hitsOf);
      const out: MatchHit[] = [];
      const [first, ...rest] = groups;
      for (const a of first ?? []) {
        const fa = v.fields.find((f) => f.field === a.field && f.index === a.index) as FieldText;
        const partners = rest.map((g) =>
          g.filter((b) => {
            if (b.field !== a.field || b.index !== a.index) return false;
            if (near.inOrder && b.start < a.end) return false;
            // a slogan counts for the pair it belongs to, not for whichever pair is named nearby
            if (near.samePair && a.term?.pair && b.term?.pair && a.term.pair.id !== b.term.pair.id) return false;
            // words between the closest ends: "omon omon doang si Wowo" is 3 words from "omon omon" to "wowo"
            const gap = b.start >= a.end ? wordIndex(fa, b.start) - wordIndex(fa, a.end - 1) : a.start >= b.end ? wordIndex(fa, a.start) - wordIndex(fa, b.end - 1) : 0;
            return gap <= near.within;
          }),
        );
        if (partners.every((p) => p.length > 0)) out.push(a, ...partners.flat());
      }
      return out;
    }
    default:
      return [];
  }
}

/**
 * Stance per pair (stance.ts): the mentions and cue words this matcher sees, put together pair
 * by pair. The hits are the mentions and cues of the pairs that make the matcher hold.
 */
function pairStanceHits(m: CompiledMatcher, v: ItemView, owner: MatcherOwner, inFields: FieldText[], hitsOf: (name: string) => MatchHit[]): MatchHit[] {
  const spec = m.stance as NonNullable<CompiledMatcher['stance']>;
  const mentions = matcherHits(spec.mentions, v, owner, hitsOf).flatMap((h) => (h.term?.pair ? [{ ...h, pair: h.term.pair.id, election: h.term.election.id, ...(h.term.stance ? { stance: h.term.stance } : {}) }] : []));
  if (mentions.length === 0) return [];
  const cues: Array<MatchHit & CueHit> = [];
  for (const cue of spec.cues) {
    const key = matcherKey(owner.type, owner.index, cue.key);
    for (const f of inFields) {
      for (const h of termHitsOf(f, key)) {
        if (m.outsideQuotes && h.inQuote) continue;
        cues.push({ field: f.field, index: f.index, start: h.start, end: h.end, stance: cue.stance, within: cue.within, before: cue.before, negated: negatedAt(f.norm.text, h.start) });
      }
    }
  }
  const fieldOf = (h: { field: string; index: number }) => inFields.find((f) => f.field === h.field && f.index === h.index) as FieldText;
  groupListedMentions(mentions, (h) => fieldOf(h).norm.text);
  const stances = pairStances(mentions, cues, (a, b) => {
    const f = fieldOf(a);
    return b.start >= a.end ? wordIndex(f, b.start) - wordIndex(f, a.end - 1) : a.start >= b.end ? wordIndex(f, a.start) - wordIndex(f, b.end - 1) : 0;
  });
  const holding = spec.mode === 'mixed' ? mixedStance(stances) : spec.mode === 'balanced' ? balancedStance(stances, spec.minPairs, spec.alike) : takenStance(stances);
  return holding.flatMap((p) => [...p.mentions, ...p.cues]);
}

/**
 * The writer's words of each field that mentions a candidate, masked for the stance model
 * (mentions → "§"). Fields without a mention are left out: the model never scores them.
 */
export function maskedFields(v: ItemView, mentions: CompiledMatcher): Array<{ field: FieldText; masked: MaskedText; mentions: MatchHit[] }> {
  const hits = matcherHits(mentions, v, { type: 'rule', index: -1 }, () => []);
  const out: Array<{ field: FieldText; masked: MaskedText; mentions: MatchHit[] }> = [];
  for (const f of v.fields) {
    if (!mentions.fields.includes(f.field)) continue;
    const own = hits.filter((h) => h.field === f.field && h.index === f.index && h.term?.pair);
    if (own.length) out.push({ field: f, masked: maskText(f.norm.text, own), mentions: own });
  }
  return out;
}

/**
 * A stance model's verdict: the best-scoring field that mentions a candidate, when it reaches
 * min_score. Hits are that field's mentions and the word n-grams that pushed the score most.
 */
function stanceModelHits(m: CompiledMatcher, v: ItemView, _hitsOf: (name: string) => MatchHit[]): MatchHit[] {
  const spec = m.model as NonNullable<CompiledMatcher['model']>;
  let best: { field: FieldText; masked: MaskedText; mentions: MatchHit[]; result: StanceScore } | undefined;
  for (const f of maskedFields(v, spec.mentions)) {
    const result = spec.model.score(f.masked);
    if (!best || result.score > best.result.score) best = { ...f, result };
  }
  if (!best || best.result.score < spec.minScore) return [];
  const { field, masked, result } = best;
  const score = Math.round(result.score * 100) / 100;
  const grams = result.top.map((t) => ({ field: field.field, index: field.index, start: masked.from[t.start] as number, end: masked.to[t.end - 1] as number, score }));
  return [...best.mentions.map((h) => ({ ...h, score })), ...grams.filter((g) => !best.mentions.some((h) => h.start === g.start && h.end === g.end))];
}

function matcherHolds(m: CompiledMatcher, v: ItemView, hits: MatchHit[]): boolean {
  switch (m.type) {
    case 'kind':
      return m.values?.has(v.item.kind) ?? false;
    case 'event_response':
      return v.item.event?.response !== undefined && (m.values?.has(v.item.event.response) ?? false);
    case 'reaction':
      return v.item.reaction !== undefined && (m.values?.has(v.item.reaction.toLowerCase()) ?? false);
    case 'has_media':
      return v.item.kind === 'media' || v.item.media.length > 0;
    default:
      return hits.length > 0;
  }
}

function wordIndex(f: FieldText, offset: number): number {
  if (!f.wordAt) {
    const w = new Int32Array(f.norm.text.length + 1);
    let count = 0;
    let inWord = false;
    for (let i = 0; i < f.norm.text.length; i++) {
      const isWord = f.norm.text[i] !== ' ';
      if (isWord && !inWord) count++;
      inWord = isWord;
      w[i] = count;
    }
    w[f.norm.text.length] = count;
    f.wordAt = w;
  }
  return f.wordAt[offset] ?? 0;
}

function toSpan(f: FieldText, h: MatchHit, matcher: string): Span {
  const o = toOriginal(f.norm, h.start, h.end);
  return { field: f.field, index: f.index, start: o.start, end: o.end, text: f.norm.original.slice(o.start, o.end), matcher };
}

function dedupeSpans(spans: Span[]): Span[] {
  const seen = new Set<string>();
  const out: Span[] = [];
  for (const s of spans.sort((a, b) => a.field.localeCompare(b.field) || a.index - b.index || a.start - b.start || b.end - a.end)) {
    const key = `${s.field}:${s.index}:${s.start}:${s.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

/**
 * Ethics track before the pairs were officially determined (bakal calon), discipline track from
 * determination on — judged against the election of the named candidate, else the only election
 * whose window holds the item.
 */
function trackOf(v: ItemView, candidates: CandidateRef[], pack: RulePack): Track {
  const when = activityTime(v.item);
  if (!when) return 'unknown';
  const t = Date.parse(when);
  const electionIds = new Set(candidates.map((c) => c.election));
  let elections = pack.registry.elections.filter((e) => electionIds.has(e.id));
  if (elections.length === 0) elections = [...v.elections].filter((e) => electionCoversRegion(e, v.region));
  if (elections.length === 0) return 'unknown';
  const tracks = new Set(elections.map((e) => (t < e.determination ? 'etik' : 'disiplin')));
  return tracks.size === 1 ? ([...tracks][0] as Track) : 'unknown';
}

/**
 * When the activity happened: the item's own time, else the date of the event it responds to
 * (Facebook records no time for event responses, but "joined the 10 Feb rally" places it).
 */
function activityTime(item: Item): string | undefined {
  return item.time ?? item.event?.start;
}

function memo<T>(fn: (name: string) => T): (name: string) => T {
  const cache = new Map<string, T>();
  return (name) => {
    let v = cache.get(name);
    if (v === undefined) {
      v = fn(name);
      cache.set(name, v);
    }
    return v;
  };
}
