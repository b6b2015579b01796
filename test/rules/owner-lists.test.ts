// The owner lists kept per owners list (src/rules/owner-lists.ts, stop 55) answer as the walk over
// every owner they replace did: for every pattern of the shipped pack, each set of elections in
// force a scan meets and each name-variant kind, the same terms in the same order; and each is made
// once (the same list again for the same owners and set), which is the speed-up.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack, type TermOwner } from '../../src/rules/pack.js';
import { electionsInForce, type Election, type RegistryTerm } from '../../src/rules/registry.js';
import type { NameVariantKind } from '../../src/rules/name-variants.js';
import { ownersInForce, variantOwners } from '../../src/rules/owner-lists.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
}, 120_000);

/** Every pattern's owners list, as the matcher hands it with each hit. */
const ownerLists = (): Array<readonly TermOwner[]> => pack.matcher.patterns.map((_, i) => pack.matcher.ownersAt(i));

/** The walks evaluate.ts made before stop 55 (registryHitsOf; confirmedCoinageHits and pairHalfHits). */
const inForceWalk = (owners: readonly TermOwner[], inForce: ReadonlySet<Election>): RegistryTerm[] => owners.flatMap((o) => (o.type === 'registry' && inForce.has(o.term.election) ? [o.term] : []));
const variantWalk = (owners: readonly TermOwner[], variant: NameVariantKind): RegistryTerm[] => owners.flatMap((o) => (o.type === 'registry' && o.term.variant === variant ? [o.term] : []));
/** The same terms (the very objects) in the same order. */
const same = (a: readonly RegistryTerm[], b: readonly RegistryTerm[]): boolean => a.length === b.length && a.every((t, i) => t === b[i]);

describe('owner lists', () => {
  it("ownersInForce: the registry terms of the elections in force, in the owners' order, made once per list and set", () => {
    // no time (every election), before the campaigns, the Pilpres 2024 campaign, the Pilkada 2024 one
    const sets = [undefined, '2019-01-01T00:00:00Z', '2024-01-20T08:00:00Z', '2024-11-01T08:00:00Z'].map((t) => electionsInForce(pack.registry, t));
    let compared = 0;
    let differ = 0;
    let remade = 0;
    let numbers = 0;
    for (const owners of ownerLists()) {
      for (const inForce of sets) {
        const kept = ownersInForce(owners, inForce);
        if (!same(kept, inForceWalk(owners, inForce))) differ++;
        if (ownersInForce(owners, inForce) !== kept) remade++;
        compared++;
      }
      if (owners.some((o) => o.type === 'registry' && o.term.list === 'numbers')) numbers++;
    }
    expect({ differ, remade }).toEqual({ differ: 0, remade: 0 });
    expect(compared).toBeGreaterThan(1000);
    expect(numbers).toBeGreaterThan(0);
    // a hit an implied-hit pass made has no owners
    expect(ownersInForce([], sets[0] as ReadonlySet<Election>)).toEqual([]);
  }, 120_000);

  it("variantOwners: the registry terms of one name-variant kind, in the owners' order, made once per list", () => {
    const kinds: NameVariantKind[] = ['coined', 'hypocorism', 'edit', 'clipped', 'blend', 'initials', 'consonants'];
    const found = new Map<NameVariantKind, number>();
    let differ = 0;
    let remade = 0;
    for (const owners of ownerLists()) {
      for (const kind of kinds) {
        const kept = variantOwners(owners, kind);
        if (!same(kept, variantWalk(owners, kind))) differ++;
        if (variantOwners(owners, kind) !== kept) remade++;
        found.set(kind, (found.get(kind) ?? 0) + kept.length);
      }
    }
    expect({ differ, remade }).toEqual({ differ: 0, remade: 0 });
    // the shipped registry has coinages and clipped given names: the comparison met both kinds the passes read
    expect(found.get('coined')).toBeGreaterThan(0);
    expect(found.get('hypocorism')).toBeGreaterThan(0);
  }, 120_000);
});
