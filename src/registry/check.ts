// Consistency checks a registry file must pass beyond its schema: the things that would make
// the matcher attribute a hit to the wrong pair. Names are compared as the matcher sees them
// (normalised), so "#BudiDewi" and "budi dewi" are the same name.
import type { RegistryFile, RegistryPair } from '../rules/registry-schema.js';
import { normalise } from '../text/normalise.js';

/** "pilpres-2024" + 3 → "pilpres-2024-03" */
export function pairId(electionId: string, number: number): string {
  return `${electionId}-${String(number).padStart(2, '0')}`;
}

/** Every term a pair is searched by, from all its lists, lower-cased (accounts and emoji excluded). */
export function pairTerms(pair: RegistryPair): string[] {
  return [
    ...pair.candidates.flatMap((c) => [...c.forms, ...c.ambiguous_forms, ...c.nicknames.map((n) => n.form)]),
    ...pair.pair_names,
    ...pair.ambiguous_pair_names,
    ...pair.hashtags,
    ...pair.attack_hashtags,
    ...pair.attack_topics,
    ...pair.slogans,
    ...pair.parties,
    ...pair.hand_sign_phrases,
    ...pair.teams,
  ].map((t) => t.toLowerCase());
}

/** A term as the matcher sees it (same normaliser as texts; hashtags with their '#'). */
export function matchKey(term: string): string {
  return normalise(term).text;
}

/**
 * Terms that on their own point to this pair, as match keys: candidates' forms, pair names,
 * hashtags, teams. (Slogans, parties and hand-sign phrases are weak or may legitimately be
 * shared, e.g. "salam empat jari" for 01 and 03 in 2024.)
 */
function unambiguousTerms(pair: RegistryPair): string[] {
  return [
    ...pair.candidates.flatMap((c) => [...c.forms, ...c.nicknames.filter((n) => !n.ambiguous).map((n) => n.form)]),
    ...pair.pair_names,
    ...[...pair.hashtags, ...pair.attack_hashtags].map((h) => `#${h.replace(/^#/, '')}`),
    ...pair.teams,
  ].map(matchKey);
}

/** Names of a pair, sure or ambiguous, as match keys: what another pair's unambiguous term must not be. */
export function nameTerms(pair: RegistryPair): string[] {
  return [
    ...unambiguousTerms(pair),
    ...[...pair.candidates.flatMap((c) => [...c.ambiguous_forms, ...c.nicknames.filter((n) => n.ambiguous).map((n) => n.form)]), ...pair.ambiguous_pair_names].map(matchKey),
  ];
}

/** Problems in one (schema-valid) registry file, as one-line descriptions; empty when consistent. */
export function registryProblems(file: RegistryFile): string[] {
  const problems: string[] = [...dateProblems(file)];
  const numbers = new Map<number, string>();
  for (const pair of file.pairs) {
    const expected = pairId(file.election.id, pair.number);
    if (pair.id !== expected) problems.push(`pair ${pair.id}: id should be ${expected} (election id + number)`);
    const other = numbers.get(pair.number);
    if (other !== undefined) problems.push(`pair ${pair.id}: number ${pair.number} is also used by ${other}`);
    numbers.set(pair.number, pair.id);

    const seen = new Set<string>();
    for (const term of pairTerms(pair)) {
      if (seen.has(term)) problems.push(`pair ${pair.id}: "${term}" is listed more than once`);
      seen.add(term);
    }
  }
  const names = file.pairs.map((p) => ({ id: p.id, terms: new Set(nameTerms(p)) }));
  for (const pair of file.pairs) {
    for (const term of new Set(unambiguousTerms(pair))) {
      const clash = names.find((n) => n.id !== pair.id && n.terms.has(term));
      if (clash) problems.push(`pair ${pair.id}: "${term}" also names ${clash.id} — make it ambiguous in both`);
    }
  }
  return problems;
}

/** The phase dates must follow each other: watch_from ≤ determination ≤ … ≤ vote ≤ watch_until. */
function dateProblems(file: RegistryFile): string[] {
  const d = file.election.dates;
  const order: [string, string | undefined][] = [
    ['watch_from', d.watch_from],
    ['determination', d.determination],
    ['number_draw', d.number_draw],
    ['campaign_start', d.campaign_start],
    ['campaign_end', d.campaign_end],
    ['vote', d.vote],
    ['watch_until', d.watch_until],
  ];
  const present = order.filter((entry): entry is [string, string] => entry[1] !== undefined);
  const problems: string[] = [];
  for (let i = 1; i < present.length; i++) {
    const [prevName, prev] = present[i - 1]!;
    const [name, date] = present[i]!;
    if (date < prev) problems.push(`dates: ${name} ${date} is before ${prevName} ${prev}`);
  }
  return [...problems, ...roundProblems(file)];
}

/**
 * Earlier rounds come after the numbers are drawn, in order, before the last vote, and each lets
 * through pairs of this file that were still standing (a pair out after round one cannot go
 * through round two).
 */
function roundProblems(file: RegistryFile): string[] {
  const d = file.election.dates;
  const problems: string[] = [];
  let prev: [string, string] = ['number_draw', d.number_draw ?? d.determination];
  let standing = new Set(file.pairs.map((p) => p.id));
  (d.rounds ?? []).forEach((r, i) => {
    const name = `rounds[${i}].vote`;
    if (r.vote <= prev[1]) problems.push(`dates: ${name} ${r.vote} is not after ${prev[0]} ${prev[1]}`);
    if (r.vote >= d.vote) problems.push(`dates: ${name} ${r.vote} is not before vote ${d.vote}`);
    for (const id of r.through) {
      if (!standing.has(id)) problems.push(`dates: ${name}: ${id} goes through but is no pair still standing`);
    }
    standing = new Set(r.through);
    prev = [name, r.vote];
  });
  return problems;
}
