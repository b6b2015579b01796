// canonicalFindingRecord writes the export's findings.jsonl record directly; it must be exactly
// canonicalJson(findingRecord(...)) for every finding, with and without the optional parts (the
// evidence, a review, subjects, the scan's "new" flag), in both languages. Checked on the real
// findings of the schema-8 fixture store (reviews, a finding filed under two subjects, rows kept
// as flagged rows, items with and without an author) and on edge values written by hand.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/model/hash.js';
import { canonicalFindingRecord, findingRecord, type FindingSource } from '../../src/report/finding-record.js';
import { findingWithItem, listFindings, reviewJson, storedFindingFrom } from '../../src/store/evidence.js';
import { reviewHistory } from '../../src/store/review-history.js';
import { openStore } from '../../src/store/store.js';
import { useOldStore } from '../store/old-store.js';

const store8 = useOldStore(8);

function variants(base: FindingSource, evidence: NonNullable<FindingSource['evidence']>): FindingSource[] {
  return [
    base,
    { ...base, evidence },
    { ...base, evidence: { ...evidence, raw: undefined } },
    { ...base, isNew: true, subjects: base.subject ? [base.subject, { id: 'x', name: 'Orang Lain', attribution: null }] : [] },
    { ...base, isNew: false, review: null, subject: null },
    { ...base, finding: { ...base.finding, skbForm: undefined, spans: [] }, item: { ...base.item, actor: undefined, permalink: undefined } } as FindingSource,
  ];
}

describe('canonicalFindingRecord', () => {
  it('is canonicalJson(findingRecord()) for every finding of a real store, every variant, both languages', () => {
    const store = openStore(store8.path(), { readonly: true });
    try {
      let n = 0;
      for (const row of listFindings(store)) {
        const stored = findingWithItem(store, row.finding_id);
        const reviews = reviewHistory(store, row.finding_id);
        const base = storedFindingFrom(row, stored.finding, stored.item, reviews);
        const evidence = {
          item: stored.item as unknown as Record<string, unknown>,
          raw: stored.raw,
          capture: { id: row.capture_id, sha256: row.capture_sha256, origin: row.capture_origin, memberPath: row.capture_member, capturedAt: row.captured_at, file: null },
          mediaCaptures: [],
          reviews: reviews.map(reviewJson),
        };
        for (const f of variants(base, evidence)) {
          for (const lang of ['id', 'en'] as const) expect(canonicalFindingRecord(f, lang)).toBe(canonicalJson(findingRecord(f, lang)));
        }
        n++;
      }
      expect(n).toBeGreaterThan(10);
    } finally {
      store.close();
    }
  });

  it('leaves out undefined members and keeps odd strings as canonicalJson does', () => {
    const store = openStore(store8.path(), { readonly: true });
    try {
      const row = [...listFindings(store)][0]!;
      const stored = findingWithItem(store, row.finding_id);
      const base = storedFindingFrom(row, stored.finding, stored.item, []);
      const odd: FindingSource = {
        ...base,
        finding: { ...base.finding, explanation: { id: 'kutip "x" \\ \u2028 \u0000 ✓', en: 'e' }, candidates: [{ election: 'e', number: 1, name: 'A', extra: undefined } as never] },
        item: { ...base.item, text: 'teks\n\t"👍"', target: { url: 'https://t.example/x' } } as FindingSource['item'],
        evidence: { item: { z: 1, a: [undefined, { '10': 1, '2': 2, b: null }] }, capture: { id: 'c', sha256: 's', origin: null, memberPath: null, capturedAt: 't' }, mediaCaptures: [], reviews: [] },
      };
      for (const lang of ['id', 'en'] as const) expect(canonicalFindingRecord(odd, lang)).toBe(canonicalJson(findingRecord(odd, lang)));
    } finally {
      store.close();
    }
  });
});
