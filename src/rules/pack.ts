// Loading and compiling the rule pack: rule files, shared exceptions and candidate registries,
// validated once, with every literal term put into one matcher.
import { readFile, readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import RE2 from 're2';
import { sha256Hex } from '../model/hash.js';
import type { ItemKind } from '../model/item.js';
import type { SpanField } from '../model/finding.js';
import { TermMatcher } from '../text/matcher.js';
import { normalise } from '../text/normalise.js';
import { SLANG } from '../text/slang.js';
import { ConditionError, conditionNames, parseCondition, type Condition } from './condition.js';
import { compileRegistry, type CompiledRegistry, type RegistryTerm } from './registry.js';
import { RegistryFile } from './registry-schema.js';
import { ExceptionFile, LexiconFile, RuleFile, type MatcherSpec, type RegistryList } from './schema.js';
import type { Stance } from './stance.js';
import { StanceModel, StanceModelFile } from './stance-model.js';
import { parseYamlFile, RuleFileError, type YamlLocator } from './yaml-file.js';
import type { RuleRecord } from '../store/types.js';

/** The rules/ folder shipped with netral (works from src/ under vitest and from dist/). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

export interface CompiledMatcher {
  name: string;
  type: 'terms' | 'registry' | 'regex' | 'near' | 'kind' | 'event_response' | 'reaction' | 'has_media' | 'pair_stance' | 'stance_model';
  fields: SpanField[];
  weight: number;
  lists?: ReadonlySet<RegistryList>;
  /** explicit scope; by default numbers and hand signs are 'election', the other lists 'any' */
  scope?: 'any' | 'election';
  minPairs?: number;
  regex?: RE2;
  near?: { names: string[]; within: number; inOrder: boolean; samePair: boolean };
  values?: ReadonlySet<string>;
  reason?: string;
  /** drop hits inside a quotation (terms, lexicons, regexes) */
  outsideQuotes?: boolean;
  /** pair_stance: what counts as a mention, and the cue word lists (their terms are in the shared matcher under `key`) */
  stance?: {
    mode: 'mixed' | 'balanced' | 'taken';
    mentions: CompiledMatcher;
    minPairs: number;
    alike: ReadonlySet<Stance>;
    cues: Array<{ key: string; stance: 'support' | 'attack'; within: number; before: boolean; values: ReadonlySet<string> }>;
  };
  /** stance_model: the loaded model, its threshold and what counts as a mention */
  model?: { model: StanceModel; minScore: number; mentions: CompiledMatcher };
}

export interface CompiledRule {
  index: number;
  def: RuleFile;
  file: string;
  source: string;
  sha256: string;
  kinds: ReadonlySet<ItemKind>;
  matchers: ReadonlyMap<string, CompiledMatcher>;
  unless: ReadonlyMap<string, CompiledMatcher>;
  condition: Condition;
  locator: YamlLocator;
  /** the shared exceptions that apply to this rule, resolved once when the pack loads */
  exceptions: CompiledException[];
}

export interface CompiledException {
  index: number;
  def: ExceptionFile;
  file: string;
  matchers: ReadonlyMap<string, CompiledMatcher>;
  condition: Condition;
}

/** Who owns a term in the shared matcher. */
export type TermOwner =
  | { type: 'rule'; index: number; matcher: string }
  | { type: 'exception'; index: number; matcher: string }
  | { type: 'registry'; term: RegistryTerm };

export interface RulePack {
  rules: CompiledRule[];
  exceptions: CompiledException[];
  registry: CompiledRegistry;
  matcher: TermMatcher<TermOwner>;
  /** sha256 over every loaded file, in load order */
  sha256: string;
  files: string[];
}

export interface LoadOptions {
  /** folders holding rule files (and exceptions/); default: the built-in rules/ */
  rulesDirs?: string[];
  /** registry files or folders; default: rules/registry/ of the first rules dir */
  registryPaths?: string[];
  /** registries added on top of the defaults (--registry) */
  extraRegistryPaths?: string[];
}

const DEFAULT_WEIGHT: Record<CompiledMatcher['type'], number> = {
  terms: 0.3,
  registry: 0.45,
  regex: 0.3,
  near: 0.2,
  kind: 0,
  event_response: 0,
  reaction: 0,
  has_media: 0,
  pair_stance: 0.3,
  stance_model: 0.15,
};
const LIST_WEIGHT: Partial<Record<RegistryList, number>> = { slogans: 0.15, ambiguous: 0.1, parties: 0.2, numbers: 0.3, hand_signs: 0.3, events: 0.3 };
/** numbers and hand signs only mean a pair of the subject's own ballot (unless a matcher says scope: any) */
export const REGION_SCOPED: ReadonlySet<RegistryList> = new Set(['numbers', 'hand_signs']);

export async function loadRulePack(options: LoadOptions = {}): Promise<RulePack> {
  const rulesDirs = options.rulesDirs?.length ? options.rulesDirs : [BUILTIN_RULES_DIR];
  const ruleFiles: string[] = [];
  const exceptionFiles: string[] = [];
  const lexiconFiles: string[] = [];
  const defaultRegistry: string[] = [];
  const modelFiles: string[] = [];
  for (const dir of rulesDirs) {
    modelFiles.push(...(await jsonFilesIn(path.join(dir, 'models'))));
    for (const f of await yamlFilesUnder(dir)) {
      const rel = path.relative(dir, f).split(path.sep);
      if (rel[0] === 'registry') defaultRegistry.push(f);
      else if (rel[0] === 'exceptions') exceptionFiles.push(f);
      else if (rel[0] === 'lexicons') lexiconFiles.push(f);
      else ruleFiles.push(f);
    }
  }
  const registryFiles: string[] = [];
  for (const p of options.registryPaths ?? defaultRegistry) registryFiles.push(...(await yamlFilesUnder(p)));
  for (const p of options.extraRegistryPaths ?? []) registryFiles.push(...(await yamlFilesUnder(p)));

  const hash = new Array<string>();
  const read = async (f: string) => {
    const text = await readFile(f, 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new RuleFileError(f, undefined, undefined, `cannot read (${err.code ?? err.message})`);
    });
    hash.push(`${f.split(path.sep).slice(-2).join('/')}:${sha256Hex(text)}`);
    return text;
  };

  const registries = [];
  const seenElections = new Map<string, string>();
  for (const f of registryFiles) {
    const { data } = parseYamlFile(f, await read(f), RegistryFile);
    const earlier = seenElections.get(data.election.id);
    if (earlier) throw new RuleFileError(f, undefined, undefined, `election.id "${data.election.id}" is already defined in ${earlier}`);
    seenElections.set(data.election.id, f);
    registries.push({ file: data, path: f });
  }

  const lexicons = new Map<string, string[]>();
  for (const f of lexiconFiles) {
    const { data, locator } = parseYamlFile(f, await read(f), LexiconFile);
    if (lexicons.has(data.id)) throw new RuleFileError(f, locator.locate(['id'])?.line, 1, `id "${data.id}" is already used by another lexicon`);
    lexicons.set(data.id, data.terms);
  }
  const registry = compileRegistry(registries, knownWords(lexicons));

  // learned models (models/<id>.json) rules refer to by id, loaded once like lexicons
  const models = new Map<string, StanceModel>();
  for (const f of modelFiles) {
    const model = new StanceModel(parseModelFile(f, await read(f)));
    if (models.has(model.id)) throw new RuleFileError(f, undefined, undefined, `id "${model.id}" is already used by another model`);
    models.set(model.id, model);
  }

  const rules: CompiledRule[] = [];
  const seenRules = new Map<string, string>();
  for (const f of ruleFiles) {
    const source = await read(f);
    const { data, locator } = parseYamlFile(f, source, RuleFile);
    const earlier = seenRules.get(data.id);
    if (earlier) throw new RuleFileError(f, locator.locate(['id'])?.line, 1, `id "${data.id}" is already used by ${earlier}`);
    seenRules.set(data.id, f);
    rules.push(compileRule(data, f, source, locator, rules.length, lexicons, models));
  }

  const exceptions: CompiledException[] = [];
  for (const f of exceptionFiles) {
    const { data, locator } = parseYamlFile(f, await read(f), ExceptionFile);
    const matchers = compileMatchers(data.match, data.fields, f, locator, ['match'], lexicons);
    const condition = compileCondition(data.condition, [...matchers.keys()], f, locator);
    exceptions.push({ index: exceptions.length, def: data, file: f, matchers, condition });
  }
  for (const rule of rules) {
    for (const id of rule.def.exceptions) {
      if (id !== '*' && !exceptions.some((e) => e.def.id === id)) {
        throw new RuleFileError(rule.file, rule.locator.locate(['exceptions'])?.line, 1, `exceptions: no shared exception "${id}" in exceptions/`);
      }
    }
    rule.exceptions = exceptionsFor(rule.def, exceptions);
  }

  const terms: Array<{ term: string; owner: TermOwner }> = [];
  for (const t of registry.terms) terms.push({ term: t.term, owner: { type: 'registry', term: t } });
  const addTerms = (type: 'rule' | 'exception', index: number, m: CompiledMatcher) => {
    if (m.type === 'terms') for (const term of m.values ?? []) terms.push({ term, owner: { type, index, matcher: m.name } });
    for (const cue of m.stance?.cues ?? []) for (const term of cue.values) terms.push({ term, owner: { type, index, matcher: cue.key } });
  };
  for (const r of rules) for (const m of [...r.matchers.values(), ...r.unless.values()]) addTerms('rule', r.index, m);
  for (const e of exceptions) for (const m of e.matchers.values()) addTerms('exception', e.index, m);
  if (rules.length === 0) throw new RuleFileError(rulesDirs.join(', '), undefined, undefined, 'no rule files found');

  return {
    rules,
    exceptions,
    registry,
    matcher: new TermMatcher(terms),
    sha256: sha256Hex(hash.join('\n')),
    files: [...registryFiles, ...modelFiles, ...ruleFiles, ...exceptionFiles],
  };
}

function compileRule(
  def: RuleFile,
  file: string,
  source: string,
  locator: YamlLocator,
  index: number,
  lexicons: ReadonlyMap<string, string[]>,
  models: ReadonlyMap<string, StanceModel>,
): CompiledRule {
  const matchers = compileMatchers(def.match, def.applies_to.fields, file, locator, ['match'], lexicons, models);
  const unless = compileMatchers(def.unless, def.applies_to.fields, file, locator, ['unless'], lexicons);
  for (const [name, spec] of Object.entries(def.unless)) {
    (unless.get(name) as CompiledMatcher).reason = (spec as { reason: string }).reason;
  }
  const condition = compileCondition(def.condition, [...matchers.keys()], file, locator);
  // a matcher nobody uses is a mistake (Sigma "dangling detection")
  const used = conditionNames(condition);
  for (const m of matchers.values()) m.near?.names.forEach((n) => used.add(n));
  for (const name of matchers.keys()) {
    if (!used.has(name)) throw new RuleFileError(file, locator.locate(['match', name])?.line, 1, `match.${name}: not used by the condition`);
  }
  // explanation placeholders must resolve
  for (const lang of ['id', 'en'] as const) {
    for (const m of def.explain[lang].matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
      const key = m[1] as string;
      const ok =
        ['item.kind', 'item.platform', 'candidate.name', 'candidate.number', 'candidate.election', 'legal_basis', 'track', 'skb_form', 'evidence'].includes(key) ||
        (key.startsWith('matched.') && matchers.has(key.slice(8))) ||
        (key.startsWith('score.') && matchers.get(key.slice(6))?.type === 'stance_model');
      if (!ok) throw new RuleFileError(file, locator.locate(['explain', lang])?.line, 1, `explain.${lang}: unknown placeholder {{${key}}}`);
    }
  }
  return {
    index,
    def,
    file,
    source,
    sha256: sha256Hex(source),
    kinds: new Set(def.applies_to.kinds),
    matchers,
    unless,
    condition,
    locator,
    exceptions: [],
  };
}

/** Shared exceptions a rule honours (its `exceptions` list) that also target it (id, tN prefix or '*'). */
function exceptionsFor(def: RuleFile, all: CompiledException[]): CompiledException[] {
  const prefix = def.id.split('-')[0] ?? '';
  return all.filter(
    (ex) => (def.exceptions.includes('*') || def.exceptions.includes(ex.def.id)) && ex.def.rules.some((r) => r === '*' || r === def.id || r === prefix),
  );
}

function compileCondition(source: string, names: string[], file: string, locator: YamlLocator): Condition {
  try {
    return parseCondition(source, names);
  } catch (err) {
    if (err instanceof ConditionError) throw new RuleFileError(file, locator.locate(['condition'])?.line, 1, `condition: ${err.message}`);
    throw err;
  }
}

function compileMatchers(
  specs: Record<string, MatcherSpec>,
  defaultFields: SpanField[],
  file: string,
  locator: YamlLocator,
  at: string[],
  lexicons: ReadonlyMap<string, string[]>,
  models: ReadonlyMap<string, StanceModel> = new Map(),
): Map<string, CompiledMatcher> {
  const out = new Map<string, CompiledMatcher>();
  const lexiconTerms = (ids: string | string[]): Set<string> => {
    const values = new Set<string>();
    for (const id of Array.isArray(ids) ? ids : [ids]) {
      const words = lexicons.get(id);
      if (!words) throw new RuleFileError(file, where(), 1, `${at[0]}.${name}: no lexicon "${id}" in lexicons/`);
      words.forEach((w) => values.add(w));
    }
    return values;
  };
  let name = '';
  const where = () => locator.locate([...at, name])?.line;
  for (const [matcherName, spec] of Object.entries(specs)) {
    name = matcherName;
    const base = { name, fields: ('fields' in spec && spec.fields) || defaultFields, ...('outside_quotes' in spec && spec.outside_quotes ? { outsideQuotes: true } : {}) };
    if ('terms' in spec) {
      const dup = spec.terms.find((t, i) => spec.terms.indexOf(t) !== i);
      if (dup) throw new RuleFileError(file, where(), 1, `${at[0]}.${name}: term "${dup}" listed twice`);
      out.set(name, { ...base, type: 'terms', values: new Set(spec.terms), weight: spec.weight ?? DEFAULT_WEIGHT.terms });
    } else if ('lexicon' in spec) {
      // a shared word list behaves exactly like an inline terms list
      out.set(name, { ...base, type: 'terms', values: lexiconTerms(spec.lexicon), weight: spec.weight ?? DEFAULT_WEIGHT.terms });
    } else if ('stance_model' in spec) {
      const model = models.get(spec.stance_model.model);
      if (!model) throw new RuleFileError(file, where(), 1, `${at[0]}.${name}: no model "${spec.stance_model.model}" in models/`);
      const mentions: CompiledMatcher = { name: `${name}.mentions`, type: 'registry', fields: base.fields, weight: 0, lists: new Set(spec.mentions) };
      out.set(name, { ...base, type: 'stance_model', weight: spec.weight ?? DEFAULT_WEIGHT.stance_model, model: { model, minScore: spec.stance_model.min_score, mentions } });
    } else if ('pair_stance' in spec) {
      const mentions: CompiledMatcher = { name: `${name}.mentions`, type: 'registry', fields: base.fields, weight: 0, lists: new Set(spec.mentions) };
      const cues = spec.cues.map((c, i) => ({ key: `${name}.cue${i}`, stance: c.stance, within: c.within, before: c.before, values: lexiconTerms(c.lexicon) }));
      out.set(name, { ...base, type: 'pair_stance', weight: spec.weight ?? DEFAULT_WEIGHT.pair_stance, stance: { mode: spec.pair_stance, mentions, minPairs: spec.min_pairs, alike: new Set(spec.alike), cues } });
    } else if ('registry' in spec) {
      const lists = new Set(Array.isArray(spec.registry) ? spec.registry : [spec.registry]);
      const weight = spec.weight ?? Math.max(...[...lists].map((l) => LIST_WEIGHT[l] ?? DEFAULT_WEIGHT.registry));
      out.set(name, { ...base, type: 'registry', lists, weight, ...(spec.scope ? { scope: spec.scope } : {}), ...(spec.min_pairs ? { minPairs: spec.min_pairs } : {}) });
    } else if ('regex' in spec) {
      let regex: RE2;
      try {
        regex = new RE2(spec.regex, `gu${spec.flags ?? ''}`);
      } catch (err) {
        throw new RuleFileError(file, where(), 1, `${at[0]}.${name}: regex is not valid RE2 (${(err as Error).message}); lookaround and backreferences are not supported`);
      }
      out.set(name, { ...base, type: 'regex', regex, weight: spec.weight ?? DEFAULT_WEIGHT.regex });
    } else if ('near' in spec) {
      out.set(name, { ...base, type: 'near', near: { names: spec.near, within: spec.within, inOrder: spec.in_order, samePair: spec.same_pair }, weight: spec.weight ?? DEFAULT_WEIGHT.near });
    } else if ('kind' in spec) {
      out.set(name, { ...base, type: 'kind', values: new Set(spec.kind), weight: 0 });
    } else if ('event_response' in spec) {
      out.set(name, { ...base, type: 'event_response', values: new Set(spec.event_response), weight: 0 });
    } else if ('has_media' in spec) {
      out.set(name, { ...base, type: 'has_media', weight: 0 });
    } else {
      out.set(name, { ...base, type: 'reaction', values: new Set(spec.reaction.map((r) => r.toLowerCase())), weight: 0 });
    }
  }
  for (const m of out.values()) {
    for (const n of m.near?.names ?? []) {
      const target = out.get(n);
      if (!target || !['terms', 'registry', 'regex'].includes(target.type)) {
        throw new RuleFileError(file, locator.locate([...at, m.name])?.line, 1, `${at[0]}.${m.name}: near needs span matchers defined in the same block, "${n}" is not one`);
      }
    }
  }
  return out;
}

/** The .json files directly in a folder (none when it does not exist). */
async function jsonFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** A model file validated at the trust boundary: one line naming the file on any problem. */
function parseModelFile(file: string, text: string): StanceModelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new RuleFileError(file, undefined, undefined, `not valid JSON (${(err as Error).message})`);
  }
  const parsed = StanceModelFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuleFileError(file, undefined, undefined, `not a stance model: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

/** Words that are not names: every word of every lexicon and of the slang table (both sides). */
function knownWords(lexicons: ReadonlyMap<string, string[]>): Set<string> {
  const out = new Set<string>();
  const addWords = (s: string) => normalise(s).text.split(' ').forEach((w) => w && out.add(w));
  for (const terms of lexicons.values()) terms.forEach(addWords);
  for (const [k, v] of Object.entries(SLANG)) {
    out.add(k);
    addWords(v);
  }
  return out;
}

async function yamlFilesUnder(p: string): Promise<string[]> {
  const info = await stat(p).catch(() => undefined);
  if (!info) throw new RuleFileError(p, undefined, undefined, 'no such file or folder');
  if (info.isFile()) return [p];
  const out: string[] = [];
  const entries = await readdir(p, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(p, e.name);
    if (e.isDirectory()) out.push(...(await yamlFilesUnder(full)));
    else if (/\.ya?ml$/i.test(e.name)) out.push(full);
  }
  return out;
}

/** What the store records about a rule so a finding can be reproduced. */
export function ruleRecord(rule: CompiledRule): RuleRecord {
  const d = rule.def;
  return {
    id: d.id,
    version: d.version,
    title: d.title.id,
    prohibition: d.prohibition,
    severity: d.severity,
    legalBasis: [...d.legal_basis.bakal_calon, ...d.legal_basis.calon],
    sha256: rule.sha256,
    source: rule.source,
  };
}
