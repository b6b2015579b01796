// The realistic sample report data, parsed through the schema, and a way to vary one card.
import { readFileSync } from 'node:fs';
import { ReportData, type ReportCard } from '../../src/report/report-data.js';

export function sampleReport(): ReportData {
  return ReportData.parse(JSON.parse(readFileSync('fixtures/report/sample-report-data.json', 'utf8')));
}

/** A one-card report whose card is the sample's first card with `change` applied. */
export function oneCardReport(change: (card: ReportCard) => ReportCard, lang: 'id' | 'en' = 'id'): ReportData {
  const sample = sampleReport();
  const first = sample.cards[0];
  if (!first) throw new Error('sample report has no cards');
  return { meta: { ...sample.meta, lang }, cards: [change(structuredClone(first))] };
}
