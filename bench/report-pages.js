// Report pages at scale: render N findings (default 100,000; the sample cards repeated, every
// tenth with its thumbnail, a few subjects with thousands of findings each) and print the page
// count, the largest page and the time. Run after `npm run build`:
//   node bench/report-pages.js [N]
import { readFileSync } from 'node:fs';
import { reportPages } from '../dist/report/html.js';
import { ReportData } from '../dist/report/report-data.js';

const n = Number(process.argv[2] ?? 100_000);
const sample = ReportData.parse(JSON.parse(readFileSync(new URL('../fixtures/report/sample-report-data.json', import.meta.url), 'utf8')));
const hex = (i) => i.toString(16).padStart(64, '0');
const subjects = 40;
const cards = Array.from({ length: n }, (_, i) => {
  const base = sample.cards[i % sample.cards.length];
  const card = { ...base, findingId: hex(i + 1), itemId: hex(10_000_000 + Math.floor(i / 2)) };
  if (i % 10 !== 0) delete card.thumbnail;
  card.subject = { ...(base.subject ?? { name: 'Tanpa nama' }), name: `ASN ${i % subjects}`, nip: String(198000000000000000 + (i % subjects)) };
  return card;
});
const t0 = process.hrtime.bigint();
// pages as the exporter takes them: one at a time (the index comes last)
const sizes = [];
for (const page of reportPages({ meta: sample.meta, cards })) sizes.push(Buffer.byteLength(page.html));
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const largest = Math.max(...sizes);
console.log(`${n} findings, ${subjects} subjects → ${sizes.length} pages; index ${(sizes[sizes.length - 1] / 1024).toFixed(0)} KiB; largest page ${(largest / 1048576).toFixed(2)} MiB; total ${(sizes.reduce((a, b) => a + b, 0) / 1048576).toFixed(0)} MiB; ${(ms / 1000).toFixed(1)} s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
