// The registry terms among a hit's owners that an item's passes read, kept per owners list. The
// matcher shares one owners list per pattern, and a ballot number's ("02", "nomor 2") has ~500
// owners (every election's number); the passes over an item's hits walked all of them for every
// hit of every field to keep the few they read. Speed only: each list is the old walk's answer,
// in the owners' order (test/rules/owner-lists.test.ts).
import type { Election, RegistryTerm } from './registry.js';
import type { NameVariantKind } from './name-variants.js';
import type { TermOwner } from './pack.js';

/** shared empty answer (read only) */
const NO_TERMS: readonly RegistryTerm[] = [];

/**
 * The registry terms of an owners list whose election is in force, in the list's order: what
 * evaluate.ts registryHitsOf reads of each hit. Made once per owners list and set in force (one set
 * per stretch of time, shared by its items: registry.ts electionsInForce), as evaluate.ts
 * listInForce keeps its answer.
 */
const OWNERS_IN_FORCE = new WeakMap<readonly TermOwner[], { inForce: ReadonlySet<Election>; terms: readonly RegistryTerm[] }>();
export function ownersInForce(owners: readonly TermOwner[], inForce: ReadonlySet<Election>): readonly RegistryTerm[] {
  // a hit an implied-hit pass made has no owners (and a list of its own): nothing to keep
  if (owners.length === 0) return NO_TERMS;
  const known = OWNERS_IN_FORCE.get(owners);
  if (known !== undefined && known.inForce === inForce) return known.terms;
  const terms: RegistryTerm[] = [];
  for (const o of owners) if (o.type === 'registry' && inForce.has(o.term.election)) terms.push(o.term);
  OWNERS_IN_FORCE.set(owners, { inForce, terms });
  return terms;
}

/**
 * The registry terms of an owners list that are name variants of one kind (a coinage, a clipped
 * given name), in the list's order: what the implied-hit passes (evaluate.ts confirmedCoinageHits,
 * pairHalfHits) read of each hit, twice per field (registryHitsOf and regionalHitsOf). Their walk
 * of every owner was ~7 % of the bytes a heavy scan allocates (bench/NOTES-s55-speed.md).
 */
const VARIANT_OWNERS = new WeakMap<readonly TermOwner[], Partial<Record<NameVariantKind, readonly RegistryTerm[]>>>();
export function variantOwners(owners: readonly TermOwner[], variant: NameVariantKind): readonly RegistryTerm[] {
  // a hit an implied-hit pass made has no owners (and a list of its own): nothing to keep
  if (owners.length === 0) return NO_TERMS;
  let byVariant = VARIANT_OWNERS.get(owners);
  if (byVariant === undefined) {
    byVariant = {};
    VARIANT_OWNERS.set(owners, byVariant);
  }
  let terms = byVariant[variant];
  if (terms === undefined) {
    const found: RegistryTerm[] = [];
    for (const o of owners) if (o.type === 'registry' && o.term.variant === variant) found.push(o.term);
    terms = found.length > 0 ? found : NO_TERMS;
    byVariant[variant] = terms;
  }
  return terms;
}
