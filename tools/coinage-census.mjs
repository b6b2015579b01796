#!/usr/bin/env node
// How many coined pair names (src/rules/coinages.ts) the registries in a folder give, and how many of
// them are words or collide: run after `tsc`, on the registries `netral registry import-kpu` writes.
//   node tools/coinage-census.mjs <registry folder>
// Prints: pairs, coined forms, per pair (mean, max), forms that are words (kept as `blend`: read only
// with a capital at each piece), forms two pairs of one race share (dropped), forms shared by pairs of
// different races (each read only in its own race's region), and the forms of 4 or 5 letters among them.
import { loadRulePack } from '../dist/rules/pack.js';
import { coinageOf } from '../dist/rules/registry.js';
import { pairCoinages } from '../dist/rules/coinages.js';
import { personWords } from '../dist/rules/registry.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/coinage-census.mjs <registry folder>');
  process.exit(2);
}
const pack = await loadRulePack({ extraRegistryPaths: [dir] });
const terms = pack.registry.terms.filter((t) => (t.variant === 'coined' || t.variant === 'blend') && t.election.level !== 'pilpres' && !t.term.includes(' '));
const pairs = new Map();
for (const t of terms) pairs.set(t.pair.id, (pairs.get(t.pair.id) ?? 0) + 1);
const races = new Map();
for (const t of terms) {
  const list = races.get(t.term) ?? new Set();
  list.add(t.election.id);
  races.set(t.term, list);
}
let generated = 0;
let sameRace = 0;
const allPairs = pack.registry.elections.filter((e) => e.level !== 'pilpres').flatMap((e) => e.pairs.map((p) => ({ e, p })));
for (const { e, p } of allPairs) {
  const [a, b] = p.candidates;
  if (!a || !b) continue;
  generated += pairCoinages(personWords(a), personWords(b)).length;
}
// same-race collisions: generated minus kept minus the pair's own names
const byRace = new Map();
for (const { e, p } of allPairs) {
  const [a, b] = p.candidates;
  if (!a || !b) continue;
  for (const c of pairCoinages(personWords(a), personWords(b))) {
    const key = `${e.id}\u0000${c.form}`;
    const s = byRace.get(key) ?? new Set();
    s.add(p.id);
    byRace.set(key, s);
  }
}
for (const s of byRace.values()) if (s.size > 1) sameRace++;
const counts = [...pairs.values()];
const words = terms.filter((t) => t.variant === 'blend');
const shared = [...races].filter(([, s]) => s.size > 1);
const short = (list) => list.filter((f) => f.length <= 5).length;
console.log(`Pilkada pairs with coinages: ${pairs.size} of ${allPairs.length}`);
console.log(`coinages generated: ${generated}; kept as terms: ${terms.length} (made-up words: ${terms.length - words.length}, also words → blend: ${words.length})`);
console.log(`per pair: mean ${(terms.length / Math.max(1, pairs.size)).toFixed(1)}, max ${Math.max(0, ...counts)}`);
console.log(`forms two pairs of one race share (dropped): ${sameRace}`);
console.log(`forms kept by pairs of two or more races: ${shared.length} (of ${races.size} distinct forms; ${short(shared.map(([f]) => f))} of them 4–5 letters; most races sharing one: ${Math.max(0, ...shared.map(([, s]) => s.size))})`);
console.log(`examples of words kept as blend: ${words.slice(0, 15).map((t) => t.term).join(', ')}`);
console.log(`most shared: ${shared.sort((x, y) => y[1].size - x[1].size).slice(0, 12).map(([f, s]) => `${f} (${s.size})`).join(', ')}`);
// in one place the subject's own races are a governor race and a regent/mayor race: the forms both share
let ownShared = 0;
const byElection = new Map();
for (const t of terms) {
  const set = byElection.get(t.election.id) ?? new Set();
  set.add(t.term);
  byElection.set(t.election.id, set);
}
for (const [id, forms] of byElection) {
  const code = id.replace('pilkada-2024-', '');
  if (code.length !== 4) continue;
  const province = byElection.get(`pilkada-2024-${code.slice(0, 2)}`);
  if (province) for (const f of forms) if (province.has(f)) ownShared++;
}
console.log(`forms a regency/city race shares with its own province's race (both in scope there): ${ownShared}`);
const sample = terms.find((t) => t.variant === 'coined');
if (sample) console.log(`derivation of ${sample.term}: ${JSON.stringify(coinageOf(sample))}`);
