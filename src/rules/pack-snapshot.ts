// The costly, deterministic part of a compiled rule pack as one compact value: parsed rule,
// exception and lexicon files, the compiled candidate registry and the term matcher with its
// automaton. The pack cache (pack-cache.ts) stores it on disk and scan workers receive it from
// the main thread, so neither parses YAML nor compiles the registry again.
//
// Why columns and indexes, not the objects themselves: with every Pilkada region the registry has
// ~80,000 terms pointing at 548 elections; serialising that object graph as is took longer to read
// back than to compile. Terms become typed-array columns, and every reference (term → election,
// pair; matcher owner → term) becomes an index, restored to the very same shared objects.
import v8 from 'node:v8';
import type { AutomatonState } from '../text/aho-corasick.js';
import type { Gloss } from '../text/glosses.js';
import { TermMatcher } from '../text/matcher.js';
import { primeTermTexts, termText } from '../text/term-text.js';
import type { NameVariantKind } from './name-variants.js';
import { type DeletionColumns, EditVariantIndex } from './name-variants.js';
import { ambiguousTagSources, type CompiledRegistry, type Election, type RegistryTerm } from './registry.js';
import type { RegistryPair } from './registry-schema.js';
import type { ExceptionFile, RegistryList, RuleFile } from './schema.js';
import type { StanceModelFile } from './stance-model.js';
import type { Lexicon, TermOwner } from './pack.js';

/** What a cache hit saves compiling (pack.ts rebuilds the cheap rest: rules' matchers, gates). */
export interface PackParts {
  lexicons: Map<string, Lexicon>;
  /** the glosses of rules/glosses/, normalised (GlossTable.glosses: the matcher has their patterns; findings name them) */
  glosses: Gloss[];
  rules: Array<{ file: string; def: RuleFile }>;
  exceptions: Array<{ file: string; def: ExceptionFile }>;
  /** validated model files (their weights table is large enough for zod to take a while) */
  models: Array<{ file: string; data: StanceModelFile }>;
  registry: CompiledRegistry;
  matcher: TermMatcher<TermOwner>;
  /** a restored pack's large typed arrays, in SharedArrayBuffers (decodePackParts): what a scan's worker threads share */
  shared?: SharedPackArrays;
}

/**
 * The typed arrays a restored pack keeps for its whole life (the automaton's, the term columns,
 * the matcher's owner columns), each in a SharedArrayBuffer, by field: the main thread hands them
 * to its scan workers (pipeline/eval-pool.ts), whose restore of the same image uses them in place
 * of its own copies (~10 MB with every Pilkada region, once instead of once per thread).
 */
export type SharedPackArrays = Record<string, ArrayBufferView>;

interface TermColumns {
  lists: string[];
  list: Uint8Array;
  election: Int32Array;
  /** index into election.pairs, -1: no pair (events) */
  pair: Int32Array;
  /**
   * every term's text run together, term i being text[textEnds[i - 1] .. textEnds[i]): one string
   * to read back instead of ~100,000 (each a heap object the restore allocated, copied and promoted)
   */
  text: string;
  textEnds: Int32Array;
  /**
   * the terms with a code unit above U+00FF (an emoji, a hand sign), by index: left out of `text`
   * (their span there is empty), so `text` stays a one-byte string. With one such term in it the
   * whole text was two bytes a unit: ~2.2 M units, 4.3 MB instead of 2.2 MB in every thread.
   */
  wide: Array<[number, string]>;
  /** 0 none, 1 support, 2 attack */
  stance: Uint8Array;
  variants: string[];
  /** index into variants + 1, 0: not a variant */
  variant: Uint8Array;
}

/** A matcher owner that is not a registry term: plain data, a flat object of strings and numbers. */
type PlainOwner = Exclude<TermOwner, { type: 'registry' }>;

interface Encoded {
  lexicons: Array<[string, Lexicon]>;
  /**
   * termText of every lexicon term, in the lexicons' order (null: the term as it is): the pack's
   * sided and verdict words (pack-sides.ts) are the lexicons' terms normalised, ~50 ms of a warm
   * start when each was normalised again. The key covers the normaliser's code, so they cannot be stale.
   */
  lexiconTexts: Array<string | null>;
  glosses: Gloss[];
  rules: Array<{ file: string; def: RuleFile }>;
  exceptions: Array<{ file: string; def: ExceptionFile }>;
  models: Array<{ file: string; data: StanceModelFile }>;
  elections: Election[];
  terms: TermColumns;
  nameForms: { forms: string[]; offsets: Int32Array; terms: Int32Array };
  /** ambiguousTagSources (registry.ts): form k's terms are terms[offsets[k] .. offsets[k + 1]) */
  ambiguousTags: { forms: string[]; offsets: Int32Array; terms: Int32Array };
  allNameForms: string[];
  editVariants: Array<[string, Int32Array]>;
  /** the edit index's deletion keys, ready-built (EditVariantIndex.deletionColumns) */
  editDeletions: DeletionColumns;
  notNames: string[];
  matcher: {
    /**
     * per owner: ≥ 0 a registry term by its index, < 0 the plain owner at plainOwners[-1 - value].
     * ~19,000 rule, exception and cue owners have only ~450 distinct contents: each is stored once
     * and copied per owner when first hit (an owner stays its own object, as compiled)
     */
    owners: Int32Array;
    plainOwners: PlainOwner[];
    offsets: Int32Array;
    ownerIndex: Int32Array;
    takesClitics: Uint8Array;
    termCount: number;
    patterns: string[];
    derivable: Array<[string, number]>;
    automaton: AutomatonState | undefined;
  };
}

const STANCES = [undefined, 'support', 'attack'] as const;

/** The parts as bytes (v8 serialisation of the compact form). Throws on a part it cannot encode. */
export function encodePackParts(parts: PackParts): Buffer {
  const { registry } = parts;
  const electionIndex = new Map(registry.elections.map((e, i) => [e, i]));
  const pairIndex = new Map<RegistryPair, number>();
  for (const e of registry.elections) e.pairs.forEach((p, i) => pairIndex.set(p, i));
  const indexOf = <K>(map: Map<K, number>, key: K): number => {
    const i = map.get(key);
    if (i === undefined) throw new Error('pack snapshot: a reference outside the registry');
    return i;
  };
  const table = (values: string[]) => {
    const names: string[] = [];
    const codes = new Uint8Array(values.length);
    values.forEach((v, i) => {
      let k = names.indexOf(v);
      if (k < 0) k = names.push(v) - 1;
      codes[i] = k;
    });
    return { names, codes };
  };

  const terms = registry.terms;
  const lists = table(terms.map((t) => t.list));
  const variantNames: string[] = [];
  let textEnd = 0;
  const isWide = (term: string): boolean => /[^\u0000-\u00ff]/.test(term);
  const narrow = (term: string): string => (isWide(term) ? '' : term);
  const columns: TermColumns = {
    lists: lists.names,
    list: lists.codes,
    election: Int32Array.from(terms, (t) => indexOf(electionIndex, t.election)),
    pair: Int32Array.from(terms, (t) => (t.pair ? indexOf(pairIndex, t.pair) : -1)),
    // through latin1 bytes: a one-byte string in V8's representation, whatever the terms' own was
    text: Buffer.from(terms.map((t) => narrow(t.term)).join(''), 'latin1').toString('latin1'),
    textEnds: Int32Array.from(terms, (t) => (textEnd += narrow(t.term).length)),
    wide: terms.flatMap((t, i): Array<[number, string]> => (isWide(t.term) ? [[i, t.term]] : [])),
    stance: Uint8Array.from(terms, (t) => STANCES.indexOf(t.stance)),
    variants: variantNames,
    variant: Uint8Array.from(terms, (t) => {
      if (!t.variant) return 0;
      let k = variantNames.indexOf(t.variant);
      if (k < 0) k = variantNames.push(t.variant) - 1;
      return k + 1;
    }),
  };
  const termIndex = new Map(terms.map((t, i) => [t, i]));
  // nameForms hold copies of name terms that differ only in their list ('name_tags'): stored as
  // the index of a name term equal in everything else
  const forms: string[] = [];
  const formOffsets = [0];
  const formTerms: number[] = [];
  const nameKey = (t: RegistryTerm) => `${t.election.id}\u0000${t.pair?.id ?? ''}\u0000${t.term}\u0000${t.variant ?? ''}\u0000${t.stance ?? ''}`;
  const sameTerm = new Map<string, number>();
  terms.forEach((t, i) => {
    if ((t.list === 'names' || t.list === 'pair_names') && !sameTerm.has(nameKey(t))) sameTerm.set(nameKey(t), i);
  });
  for (const [form, list] of registry.nameForms) {
    forms.push(form);
    for (const t of list) {
      const i = sameTerm.get(nameKey(t));
      if (i === undefined) throw new Error('pack snapshot: a name form without its term');
      formTerms.push(i);
    }
    formOffsets.push(formTerms.length);
  }

  const tagForms: string[] = [];
  const tagOffsets = [0];
  const tagTerms: number[] = [];
  for (const [form, list] of ambiguousTagSources(terms)) {
    tagForms.push(form);
    for (const t of list) tagTerms.push(indexOf(termIndex, t));
    tagOffsets.push(tagTerms.length);
  }

  const matcher = parts.matcher.state();
  const ownerIndex = new Map<TermOwner, number>();
  const owners: number[] = [];
  const plainOwners: PlainOwner[] = [];
  const plainIndex = new Map<string, number>();
  const plainRef = (o: PlainOwner): number => {
    if (Object.values(o).some((v) => typeof v !== 'string' && typeof v !== 'number')) throw new Error('pack snapshot: an owner that is not flat');
    const key = JSON.stringify(o);
    let j = plainIndex.get(key);
    if (j === undefined) plainIndex.set(key, (j = plainOwners.push(o) - 1));
    return -1 - j;
  };
  const offsets = [0];
  const ownerRefs: number[] = [];
  for (const list of matcher.owners) {
    for (const o of list) {
      let k = ownerIndex.get(o);
      if (k === undefined) {
        k = owners.push(o.type === 'registry' ? indexOf(termIndex, o.term) : plainRef(o)) - 1;
        ownerIndex.set(o, k);
      }
      ownerRefs.push(k);
    }
    offsets.push(ownerRefs.length);
  }

  const encoded: Encoded = {
    lexicons: [...parts.lexicons],
    lexiconTexts: [...parts.lexicons.values()].flatMap((l) =>
      l.terms.map((t) => {
        const text = termText(t);
        return text === t ? null : text;
      }),
    ),
    glosses: parts.glosses,
    rules: parts.rules,
    exceptions: parts.exceptions,
    models: parts.models,
    elections: registry.elections,
    terms: columns,
    nameForms: { forms, offsets: Int32Array.from(formOffsets), terms: Int32Array.from(formTerms) },
    ambiguousTags: { forms: tagForms, offsets: Int32Array.from(tagOffsets), terms: Int32Array.from(tagTerms) },
    allNameForms: registry.allNameForms,
    editVariants: registry.editVariants.entries().map(([form, list]) => [form, Int32Array.from(list.flatMap((o) => [indexOf(electionIndex, o.election), indexOf(pairIndex, o.pair)]))]),
    editDeletions: registry.editVariants.deletionColumns(),
    notNames: [...registry.notNames],
    matcher: {
      owners: Int32Array.from(owners),
      plainOwners,
      offsets: Int32Array.from(offsets),
      ownerIndex: Int32Array.from(ownerRefs),
      takesClitics: matcher.takesClitics,
      termCount: matcher.termCount,
      patterns: matcher.patterns,
      derivable: matcher.derivable,
      automaton: matcher.automaton,
    },
  };
  // a restored pack's kept arrays are in SharedArrayBuffers, which v8.serialize does not write:
  // plain copies (of the containers too: the matcher's own state objects stay as they are)
  encoded.matcher = { ...encoded.matcher, ...(encoded.matcher.automaton ? { automaton: { ...encoded.matcher.automaton } } : {}) };
  mapKeptArrays(encoded, (_, a) => (a.buffer instanceof SharedArrayBuffer ? (a as Uint8Array).slice() : a));
  return v8.serialize(encoded);
}

/** The typed-array fields a restored pack keeps alive (SharedPackArrays' names are `<object>.<field>`). */
const KEPT_ARRAYS = [
  ['terms', ['list', 'election', 'pair', 'stance', 'variant', 'textEnds']],
  ['nameForms', ['offsets', 'terms']],
  ['ambiguousTags', ['offsets', 'terms']],
  ['matcher', ['owners', 'offsets', 'ownerIndex', 'takesClitics']],
  ['automaton', ['firstChild', 'childCode', 'childTo', 'fail', 'dict', 'endHead', 'nextEnd']],
] as const;

/** Each of KEPT_ARRAYS' fields of `e` replaced by `f(name, value)` (an object that is absent is passed over: decode checks it). */
function mapKeptArrays(e: Encoded, f: (name: string, a: ArrayBufferView) => ArrayBufferView): void {
  const objects: Record<(typeof KEPT_ARRAYS)[number][0], object | undefined> = { terms: e.terms, nameForms: e.nameForms, ambiguousTags: e.ambiguousTags, matcher: e.matcher, automaton: e.matcher?.automaton };
  for (const [name, keys] of KEPT_ARRAYS) {
    const o = objects[name] as Record<string, unknown> | undefined;
    if (!o || typeof o !== 'object') continue;
    for (const k of keys) {
      const a = o[k];
      if (ArrayBuffer.isView(a)) o[k] = f(`${name}.${k}`, a);
    }
  }
}

const bytesOf = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** A copy of `a` (a typed array) in a SharedArrayBuffer of its own. */
function sharedCopy(a: ArrayBufferView): ArrayBufferView {
  const sab = new SharedArrayBuffer(a.byteLength);
  bytesOf(a).copy(Buffer.from(sab));
  const Typed = a.constructor as new (buffer: SharedArrayBuffer) => ArrayBufferView;
  return new Typed(sab);
}

/** `given` when it is the same kind of array with the same bytes as `a`. */
function sameArray(given: ArrayBufferView | undefined, a: ArrayBufferView): boolean {
  return given !== undefined && ArrayBuffer.isView(given) && given.constructor === a.constructor && given.byteLength === a.byteLength && bytesOf(given).equals(bytesOf(a));
}

/**
 * The snapshot's typed arrays, each replaced by its own copy when it is a view of `image`.
 * v8.deserialize makes an aligned typed array a view of the bytes it reads, so a few of the
 * automaton's and the term columns' arrays kept the whole cache image (~11 MB with every Pilkada
 * region) alive as long as the pack: in each scan worker, for the whole scan. Named field by field:
 * walking every value of the snapshot made an entry pair per string of its ~250,000 (term texts,
 * patterns, owners), all alive until the walk ended, so young collections copied and promoted them.
 */
function ownTypedArrays(e: Encoded, image: ArrayBufferLike, given: SharedPackArrays | undefined): SharedPackArrays {
  const own = <A extends ArrayBufferView>(a: A): A => (a && ArrayBuffer.isView(a) && a.buffer === image ? ((a as unknown as Uint8Array).slice() as unknown as A) : a);
  const ownFields = <O extends object>(o: O | undefined, keys: ReadonlyArray<keyof O>): void => {
    if (!o || typeof o !== 'object') return;
    for (const k of keys) o[k] = own(o[k] as ArrayBufferView) as O[keyof O];
  };
  // the arrays the pack keeps: another thread's copy of the very same bytes when one was given,
  // else a copy in a SharedArrayBuffer (another thread may be given it)
  const shared: SharedPackArrays = {};
  mapKeptArrays(e, (name, a) => (shared[name] = sameArray(given?.[name], a) ? (given?.[name] as ArrayBufferView) : sharedCopy(a)));
  // read once by the restore, then garbage: only not a view of the image
  ownFields(e.editDeletions, ['offsets', 'bases']);
  if (Array.isArray(e.editVariants)) for (const entry of e.editVariants) if (Array.isArray(entry)) entry[1] = own(entry[1]);
  return shared;
}

/**
 * The parts back from encodePackParts' bytes. Throws when the bytes do not hold a consistent
 * snapshot (every index is checked before it is followed); the caller then compiles afresh.
 */
export function decodePackParts(bytes: Uint8Array, given?: SharedPackArrays): PackParts {
  const e = v8.deserialize(bytes) as Encoded;
  const shared = e && typeof e === 'object' ? ownTypedArrays(e, bytes.buffer, given) : {};
  const fail = (what: string): never => {
    throw new Error(`pack snapshot: ${what}`);
  };
  if (!e || typeof e !== 'object' || !Array.isArray(e.elections) || !Array.isArray(e.models) || !e.terms || !e.matcher || !e.nameForms) fail('not a snapshot');
  const elections = e.elections;
  const c = e.terms;
  if (typeof c.text !== 'string' || !(c.textEnds instanceof Int32Array)) fail('term texts missing');
  const n = c.textEnds.length;
  if (![c.list, c.election, c.pair, c.stance, c.variant].every((col) => col.length === n)) fail('term columns of unequal length');
  if ((n > 0 ? c.textEnds[n - 1] : 0) !== c.text.length) fail('term texts do not fit');
  if (!Array.isArray(c.wide)) fail('wide term texts missing');
  const wide = new Map<number, string>();
  for (const entry of c.wide) {
    const [i, text] = Array.isArray(entry) ? entry : [];
    if (typeof i !== 'number' || !(i >= 0 && i < n) || typeof text !== 'string') fail('wide term out of range');
    wide.set(i as number, text as string);
  }
  // every index is checked now (a cheap pass over numbers); the objects are made when first needed:
  // a scan of a few items meets a few hundred of the ~80,000 terms
  for (let i = 0; i < n; i++) {
    const election = elections[c.election[i]!] ?? fail('term election out of range');
    if (c.textEnds[i]! < (i > 0 ? c.textEnds[i - 1]! : 0) || c.pair[i]! >= election.pairs.length || c.list[i]! >= c.lists.length || c.stance[i]! >= STANCES.length || c.variant[i]! > c.variants.length) fail('term out of range');
  }
  // the terms made so far by index: a Map, not `new Array(n)` (a holey array of ~80,000 slots was
  // ~8 ms of each warm start to allocate, for the few hundred a scan of a few items makes)
  const made = new Map<number, RegistryTerm>();
  const termAt = (i: number): RegistryTerm => {
    let t = made.get(i);
    if (t === undefined) {
      const election = elections[c.election[i]!] as Election;
      const p = c.pair[i]!;
      const list = c.lists[c.list[i]!] as RegistryList;
      const term = wide.get(i) ?? c.text.slice(i > 0 ? c.textEnds[i - 1] : 0, c.textEnds[i]);
      // the same keys in the same order as compileRegistry writes them
      t = p >= 0 ? { list, election, pair: election.pairs[p] as RegistryPair, term } : { list, election, term };
      const stance = STANCES[c.stance[i]!];
      if (stance) t.stance = stance;
      const v = c.variant[i]!;
      if (v > 0) t.variant = c.variants[v - 1] as NameVariantKind;
      made.set(i, t);
    }
    return t;
  };
  let terms: RegistryTerm[] | undefined;
  const everyTerm = (): RegistryTerm[] => {
    if (!terms) {
      terms = new Array<RegistryTerm>(n);
      for (let i = 0; i < n; i++) terms[i] = termAt(i);
    }
    return terms;
  };

  const nf = e.nameForms;
  if (nf.offsets.length !== nf.forms.length + 1 || nf.offsets[nf.forms.length] !== nf.terms.length) fail('name forms do not fit');
  for (let j = 0; j < nf.terms.length; j++) if (!(nf.terms[j]! >= 0 && nf.terms[j]! < n)) fail('name form term out of range');
  let nameForms: Map<string, RegistryTerm[]> | undefined;
  /** nameForms, made on first use (only hashtags need them), each form's terms when that form is first read */
  const nameFormsMap = (): Map<string, RegistryTerm[]> =>
    (nameForms ??= new LazyTermLists(nf.forms, (k) => {
      const list: RegistryTerm[] = [];
      for (let j = nf.offsets[k]!; j < nf.offsets[k + 1]!; j++) list.push(asNameTag(termAt(nf.terms[j]!)));
      return list;
    }));
  const editEntries: Array<[string, Array<{ election: Election; pair: RegistryPair }>]> = e.editVariants.map(([form, refs]) => {
    const owners: Array<{ election: Election; pair: RegistryPair }> = [];
    for (let j = 0; j + 1 < refs.length; j += 2) {
      const election = elections[refs[j]!] ?? fail('edit variant election out of range');
      owners.push({ election, pair: election.pairs[refs[j + 1]!] ?? fail('edit variant pair out of range') });
    }
    return [form, owners];
  });
  const d = e.editDeletions;
  if (!d || !Array.isArray(d.keys) || !(d.offsets instanceof Int32Array) || !(d.bases instanceof Int32Array)) fail('edit variant deletions missing');
  const editVariants = EditVariantIndex.restored(editEntries, d);
  const registry = { elections, allNameForms: e.allNameForms, editVariants, notNames: new Set(e.notNames) } as Omit<CompiledRegistry, 'terms' | 'nameForms'>;
  Object.defineProperty(registry, 'terms', { get: everyTerm, enumerable: true });
  // a function, not data: left out of the enumerable keys a restored registry is compared by
  const termsOfList = (list: RegistryList): RegistryTerm[] => {
    const code = c.lists.indexOf(list);
    const out: RegistryTerm[] = [];
    if (code >= 0) for (let i = 0; i < n; i++) if (c.list[i] === code) out.push(termAt(i));
    return out;
  };
  Object.defineProperty(registry, 'termsOfList', { value: termsOfList, enumerable: false });
  const at = e.ambiguousTags;
  if (!at || !Array.isArray(at.forms) || !(at.offsets instanceof Int32Array) || !(at.terms instanceof Int32Array)) fail('ambiguous tag forms missing');
  if (at.offsets.length !== at.forms.length + 1 || at.offsets[at.forms.length] !== at.terms.length) fail('ambiguous tag forms do not fit');
  for (let j = 0; j < at.terms.length; j++) if (!(at.terms[j]! >= 0 && at.terms[j]! < n)) fail('ambiguous tag term out of range');
  const tagSources = (): Map<string, RegistryTerm[]> => {
    const out = new Map<string, RegistryTerm[]>();
    for (let k = 0; k < at.forms.length; k++) {
      const list: RegistryTerm[] = [];
      for (let j = at.offsets[k]!; j < at.offsets[k + 1]!; j++) list.push(termAt(at.terms[j]!));
      out.set(at.forms[k] as string, list);
    }
    return out;
  };
  Object.defineProperty(registry, 'ambiguousTagSources', { value: tagSources, enumerable: false });
  Object.defineProperty(registry, 'nameForms', { get: nameFormsMap, enumerable: true });

  if (!Array.isArray(e.lexicons) || !Array.isArray(e.lexiconTexts)) fail('lexicons missing');
  const lexiconTerms = e.lexicons.flatMap(([, l]) => l.terms);
  if (lexiconTerms.length !== e.lexiconTexts.length) fail('lexicon texts do not fit');
  primeTermTexts(lexiconTerms.map((t, i) => [t, e.lexiconTexts[i] ?? t]));

  const m = e.matcher;
  const patternCount = m.patterns.length;
  if (m.offsets.length !== patternCount + 1 || m.offsets[patternCount] !== m.ownerIndex.length) fail('matcher owners do not fit');
  if (!(m.owners instanceof Int32Array) || !Array.isArray(m.plainOwners)) fail('matcher owners missing');
  for (const o of m.plainOwners) if (!o || typeof o !== 'object') fail('owner out of range');
  for (let k = 0; k < m.owners.length; k++) if (!(m.owners[k]! < n && -1 - m.owners[k]! < m.plainOwners.length)) fail('owner out of range');
  for (let j = 0; j < m.ownerIndex.length; j++) if (!(m.ownerIndex[j]! >= 0 && m.ownerIndex[j]! < m.owners.length)) fail('owner out of range');
  // one owner object per owner (patterns share them), made with its pattern's first hit
  // by index, as the terms above (a Map: a scan meets a few hundred of ~60,000 owners)
  const owners = new Map<number, TermOwner>();
  const ownerAt = (k: number): TermOwner => {
    let o = owners.get(k);
    if (o === undefined) {
      const enc = m.owners[k]!;
      o = enc >= 0 ? { type: 'registry', term: termAt(enc) } : { ...(m.plainOwners[-1 - enc] as PlainOwner) };
      owners.set(k, o);
    }
    return o;
  };
  const ownersOf = (pattern: number): TermOwner[] => {
    const list: TermOwner[] = [];
    for (let j = m.offsets[pattern]!; j < m.offsets[pattern + 1]!; j++) list.push(ownerAt(m.ownerIndex[j]!));
    return list;
  };
  const matcher = new TermMatcher<TermOwner>([], { owners: [], ownersOf, takesClitics: m.takesClitics, termCount: m.termCount, patterns: m.patterns, derivable: m.derivable, automaton: m.automaton });
  return { lexicons: new Map(e.lexicons), glosses: Array.isArray(e.glosses) ? e.glosses : fail('glosses missing'), rules: e.rules, exceptions: e.exceptions, models: e.models, registry: registry as CompiledRegistry, matcher, shared };
}

/**
 * A restored registry's nameForms: every form is a key from the start, in the compiled order, and
 * its terms are made when the form is first read (get, or any walk over the values). A scan reads
 * the keys (the hashtag automaton, registry.ts nameTagIndex) and the few forms its hashtags hold;
 * making every form's list at once (~19,000 forms with every Pilkada region: a name-tag copy of
 * each name term, and the term it copies) kept ~10 MB in every thread that saw one hashtag.
 * Until read, a form's value is its index (a small integer: no object).
 */
class LazyTermLists extends Map<string, RegistryTerm[]> {
  private readonly make: (k: number) => RegistryTerm[];

  constructor(forms: readonly string[], make: (k: number) => RegistryTerm[]) {
    super();
    this.make = make;
    for (let k = 0; k < forms.length; k++) super.set(forms[k] as string, k as unknown as RegistryTerm[]);
  }

  override get(form: string): RegistryTerm[] | undefined {
    const v: unknown = super.get(form);
    if (typeof v !== 'number') return v as RegistryTerm[] | undefined;
    const list = this.make(v);
    // an existing key: its place in the order stays
    super.set(form, list);
    return list;
  }

  /** Every form's terms made (before any walk that hands out values). */
  private makeAll(): void {
    for (const [form, v] of super.entries()) if (typeof v === 'number') super.set(form, this.make(v));
  }

  override entries(): MapIterator<[string, RegistryTerm[]]> {
    this.makeAll();
    return super.entries();
  }

  override values(): MapIterator<RegistryTerm[]> {
    this.makeAll();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, RegistryTerm[]]> {
    this.makeAll();
    return super[Symbol.iterator]();
  }

  override forEach(callback: (value: RegistryTerm[], key: string, map: Map<string, RegistryTerm[]>) => void, thisArg?: unknown): void {
    this.makeAll();
    super.forEach(callback, thisArg);
  }
}

/** The copy of a name term that nameForms holds (compileRegistry: `{ ...t, list: 'name_tags' }`). */
function asNameTag(t: RegistryTerm): RegistryTerm {
  const copy: RegistryTerm = t.pair ? { list: 'name_tags', election: t.election, pair: t.pair, term: t.term } : { list: 'name_tags', election: t.election, term: t.term };
  if (t.stance) copy.stance = t.stance;
  if (t.variant) copy.variant = t.variant;
  return copy;
}
