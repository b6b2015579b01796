// The minimal Node baseline ("floor") netral is measured against: readline + JSON.parse +
// one Aho–Corasick automaton (netral's own, src/text/aho-corasick.ts, the fastest one at hand) over the same terms, lower-cased text, no
// normalisation, no rules, no store. Prints {items, hits} as JSON.
//   node bench/floor.js <terms.txt> <input.jsonl>
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AhoCorasick } from '../dist/text/aho-corasick.js';

const [termsFile, input] = process.argv.slice(2);
const terms = readFileSync(termsFile, 'utf8').split('\n').filter(Boolean);
const automaton = new AhoCorasick(terms.map((pattern, data) => ({ pattern, data })));
let items = 0;
let hits = 0;
for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  if (!line) continue;
  const row = JSON.parse(line);
  items++;
  automaton.scan(String(row.text ?? '').toLowerCase(), () => hits++);
}
process.stdout.write(JSON.stringify({ items, hits }));
