// A user's own names for pairs of a loaded registry: `<anything>.local.yml` in a registry folder
// (by convention `pilkada-2024-<code>.local.yml` beside the generated `pilkada-2024-<code>.yml`).
// Residents call their pairs by slogans, acronyms, nicknames, team names and hashtags that KPU's
// pair lists do not hold; `registry import-kpu` rewrites only `<election id>.yml`, so these
// survive a re-import. Merged into the registries at load time (pack.ts), keyed by pair id:
//
//   schema: 1
//   pairs:
//     pilkada-2024-3374-01:
//       pair_names: [mbak ita]
//       slogans: [semarang hebat]
//       hashtags: [SemarangHebat]
//
// Why a sibling file and not a `--names <file>` option: every command that loads a registry folder
// (`--registry`) reads it with no new option to thread through scan, batch, rules test and the
// eval; it sits beside the file it extends; and the pack cache keys on it like any registry file.
import { z } from 'zod';
import { pairTerms, registryProblems } from '../registry/check.js';
import { t } from '../i18n/index.js';
import { registryMessages as m } from '../i18n/registry.js';
import type { RegistryFile, RegistryPair } from './registry-schema.js';
import { RegistryAccount } from './registry-schema.js';
import { RuleFileError } from './rule-file-error.js';
import { parseYamlFile, type YamlLocator } from './yaml-file.js';

/** A registry folder's file of a user's additions, not a registry of its own. */
export function isAdditionsFile(path: string): boolean {
  return /\.local\.ya?ml$/i.test(path);
}

const terms = z.array(z.string().trim().min(1)).optional();

/** The pair lists a user may add to, with the meaning registry-schema.ts gives them. */
export const PairAdditions = z
  .object({
    pair_names: terms,
    ambiguous_pair_names: terms,
    hashtags: terms,
    attack_hashtags: terms,
    slogans: terms,
    parties: terms,
    hand_sign_phrases: terms,
    teams: terms,
    supporter_nicknames: terms,
    accounts: z.array(RegistryAccount).optional(),
  })
  .strict();
export type PairAdditions = z.infer<typeof PairAdditions>;
const ADDABLE = Object.keys(PairAdditions.shape) as Array<keyof PairAdditions>;

export const RegistryAdditionsFile = z
  .object({
    schema: z.literal(1).optional(),
    pairs: z.record(z.string(), PairAdditions),
  })
  .strict();
export type RegistryAdditionsFile = z.infer<typeof RegistryAdditionsFile>;

export interface ParsedAdditions {
  file: string;
  data: RegistryAdditionsFile;
  locator: YamlLocator;
}

/** Parse and validate one additions file; a bad key or value is a one-line error in the user's language naming the file and the key. */
export function parseAdditionsFile(file: string, text: string): ParsedAdditions {
  const { data: raw, locator } = parseYamlFile(file, text, z.unknown());
  const result = RegistryAdditionsFile.safeParse(raw ?? {});
  if (result.success) return { file, data: result.data, locator };
  // an unknown key first: a misspelt `pairs` would otherwise be reported as `pairs` missing
  const issue = (result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0]) as z.core.$ZodIssue;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const at = locator.locateKey?.([...path, key]) ?? locator.locate([...path, key]);
    const allowed = path.length === 0 ? 'schema, pairs' : path.length === 2 ? ADDABLE.join(', ') : 'platform, name, handle, url, id, role';
    throw new RuleFileError(file, at?.line, at?.column, t(m.additionUnknownField, { key: [...path, key].join('.'), allowed }));
  }
  const at = locator.locate(path);
  throw new RuleFileError(file, at?.line, at?.column, t(m.additionInvalid, { key: path.length ? path.join('.') : '(document)', detail: issue.message }));
}

/**
 * Adds the file's lists to the pairs they name (a value the pair already has is kept once), then
 * checks each registry it touched as its own file is checked (registryProblems: a firm name that
 * also names another pair of the election is refused). All or nothing: the registries change only
 * when the whole file applies. Throws RuleFileError naming the additions file and the key.
 */
export function applyAdditions(registries: Array<{ file: RegistryFile; path: string }>, additions: ParsedAdditions): void {
  const owner = new Map<string, { file: RegistryFile }>();
  for (const entry of registries) for (const pair of entry.file.pairs) owner.set(pair.id, entry);
  const changed = new Map<{ file: RegistryFile }, RegistryFile>();
  for (const [id, added] of Object.entries(additions.data.pairs)) {
    const entry = owner.get(id);
    if (entry === undefined) {
      const at = additions.locator.locateKey?.(['pairs', id]) ?? additions.locator.locate(['pairs', id]);
      throw new RuleFileError(additions.file, at?.line, at?.column, t(m.additionUnknownPair, { key: `pairs.${id}` }));
    }
    let copy = changed.get(entry);
    if (copy === undefined) changed.set(entry, (copy = structuredClone(entry.file)));
    addTo(copy.pairs.find((p) => p.id === id) as RegistryPair, added);
  }
  for (const copy of changed.values()) {
    const problem = registryProblems(copy)[0];
    if (problem !== undefined) throw new RuleFileError(additions.file, undefined, undefined, t(m.additionInconsistent, { election: copy.election.id, detail: problem }));
  }
  for (const [entry, copy] of changed) entry.file = copy;
}

function addTo(pair: RegistryPair, added: PairAdditions): void {
  // compared as check.ts compares them (lower case), so a repeat is skipped, not an error
  const has = new Set(pairTerms(pair));
  for (const list of ADDABLE) {
    if (list === 'accounts') {
      pair.accounts.push(...(added.accounts ?? []));
      continue;
    }
    for (const raw of added[list] ?? []) {
      // hashtags are kept without '#' (registry-schema.ts); a user writes them with it
      const value = list === 'hashtags' || list === 'attack_hashtags' ? raw.replace(/^#+/, '') : raw;
      const key = value.toLowerCase();
      if (list !== 'supporter_nicknames' && has.has(key)) continue;
      if (list === 'supporter_nicknames' && pair.supporter_nicknames.some((v) => v.toLowerCase() === key)) continue;
      has.add(key);
      pair[list].push(value);
    }
  }
}
