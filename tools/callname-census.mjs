#!/usr/bin/env node
// Stop 51's call names over a registry folder (`netral registry import-kpu` output): how many of the
// new forms are words or collide. Run after `tsc`.
//   node tools/callname-census.mjs <registry folder>
// New coinage kinds (src/rules/coinages.ts): a leading piece + the other name's tail ("RIDO", "AMIN")
// and a clipped first name + the running mate's name ("PramDoel"); new candidate short forms
// (registry.ts nameVariantTerms): initials ("RK") and the clipped given name ("Pram").
import { loadRulePack } from '../dist/rules/pack.js';
import { coinageOf, personWords, shortFormCandidate } from '../dist/rules/registry.js';
import { callClip, candidateInitials, pairCoinages } from '../dist/rules/coinages.js';
import { isEverydayWord } from '../dist/registry/dictionary.js';
import { givenName } from '../dist/registry/person-name.js';
import { termText } from '../dist/text/term-text.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/callname-census.mjs <registry folder>');
  process.exit(2);
}
const pack = await loadRulePack({ extraRegistryPaths: [dir] });
const pilkada = pack.registry.elections.filter((e) => e.level !== 'pilpres');
const allPairs = pilkada.flatMap((e) => e.pairs.map((p) => ({ e, p })));
const kindOf = (c) => (c.pieces[1].kind === 'tail' || c.pieces[1].kind === 'rhyme' ? 'tail' : c.pieces[0].kind === 'clip' && (c.pieces[1].kind === 'name' || c.pieces[1].kind === 'call') ? 'clip+name' : undefined);

// 1. new coinages: generated, and how many two pairs of one race share
const generated = { tail: 0, 'clip+name': 0 };
const byRace = new Map();
for (const { e, p } of allPairs) {
  const [a, b] = p.candidates;
  if (!a || !b) continue;
  for (const c of pairCoinages(personWords(a), personWords(b))) {
    const k = kindOf(c);
    if (!k) continue;
    generated[k]++;
    const key = `${e.id}\u0000${c.form}`;
    const s = byRace.get(key) ?? { k, pairs: new Set() };
    s.pairs.add(p.id);
    byRace.set(key, s);
  }
}
const sameRace = { tail: 0, 'clip+name': 0 };
for (const s of byRace.values()) if (s.pairs.size > 1) sameRace[s.k]++;
const kept = pack.registry.terms.filter((t) => (t.variant === 'coined' || t.variant === 'blend') && t.election.level !== 'pilpres' && !t.term.includes(' ') && t.list === 'pair_names');
const newKept = kept.map((t) => ({ t, c: coinageOf(t) })).filter(({ c }) => c && kindOf(c));
for (const k of ['tail', 'clip+name']) {
  const mine = newKept.filter(({ c }) => kindOf(c) === k);
  const words = mine.filter(({ t }) => t.variant === 'blend');
  const dict = mine.filter(({ t }) => isEverydayWord(t.term, { evenAName: true }));
  console.log(`${k} coinages: generated ${generated[k]}, kept ${mine.length} (made-up ${mine.length - words.length}, also a word or another term → blend ${words.length}, of which dictionary roots ${dict.length}); two pairs of one race share (dropped): ${sameRace[k]}`);
  console.log(`  words kept as blend, e.g.: ${words.slice(0, 20).map(({ t }) => t.term).join(', ')}`);
  console.log(`  made-up, e.g.: ${mine.filter(({ t }) => t.variant === 'coined').slice(0, 20).map(({ t }) => t.term).join(', ')}`);
}
// forms held by pairs of two or more races (each read only in its own region), and those a regency/city shares with its own province
const races = new Map();
for (const { t } of newKept) races.set(t.term, (races.get(t.term) ?? new Set()).add(t.election.id));
const shared = [...races].filter(([, s]) => s.size > 1);
console.log(`new coinage forms held by pairs of two or more races: ${shared.length} of ${races.size} distinct; most shared: ${shared.sort((x, y) => y[1].size - x[1].size).slice(0, 10).map(([f, s]) => `${f} (${s.size})`).join(', ')}`);
const ownRegion = (list) => {
  const byElection = new Map();
  for (const t of list) byElection.set(t.election.id, (byElection.get(t.election.id) ?? new Map()).set(t.term, t));
  const out = [];
  for (const [id, forms] of byElection) {
    const code = id.replace('pilkada-2024-', '');
    if (code.length !== 4) continue;
    const province = byElection.get(`pilkada-2024-${code.slice(0, 2)}`);
    if (province) for (const [f] of forms) if (province.has(f)) out.push(`${f} (${id}/${code.slice(0, 2)})`);
  }
  return out;
};
const ownNew = ownRegion(newKept.map(({ t }) => t));
console.log(`new coinage forms a regency/city race shares with its own province's race (both in scope there): ${ownNew.length}${ownNew.length ? `: ${ownNew.slice(0, 12).join(', ')}` : ''}`);

// 2. candidate short forms
for (const kind of ['initials', 'hypocorism']) {
  let made = 0;
  const byRaceShort = new Map();
  for (const { e, p } of allPairs) {
    for (const person of p.candidates) {
      const words = termText(person.name).split(' ');
      const given = givenName(words);
      const form = kind === 'initials' ? candidateInitials(words, given) : given === undefined ? undefined : callClip(given);
      if (form === undefined) continue;
      made++;
      const key = `${e.id}\u0000${form}`;
      byRaceShort.set(key, (byRaceShort.get(key) ?? new Set()).add(p.id));
    }
  }
  const shortKept = pack.registry.terms.filter((t) => t.variant === kind);
  const collided = [...byRaceShort].filter(([, s]) => s.size > 1);
  const words = [...byRaceShort.keys()].map((k) => k.split('\u0000')[1]).filter((f) => isEverydayWord(f, { evenAName: true }));
  const own = ownRegion(shortKept);
  console.log(`${kind}: made for ${made} candidates, kept ${shortKept.length}; dropped as a word or another term ${made - shortKept.length - [...collided].reduce((n, [, s]) => n + s.size, 0)} (dictionary roots ${words.length}); two pairs of one race share (dropped, none of them named): ${collided.length}${collided.length ? ` (e.g. ${collided.slice(0, 6).map(([k]) => k.replace('\u0000', ' ')).join(', ')})` : ''}; a regency/city race shares with its own province's: ${own.length}`);
  console.log(`  kept, e.g.: ${shortKept.slice(0, 20).map((t) => `${t.term} (${t.pair.candidates[shortFormCandidate(t)]?.name})`).join(', ')}`);
}
