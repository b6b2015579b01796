import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetralError } from '../../src/errors.js';
import { listFindings, searchItems, showFinding } from '../../src/store/evidence.js';
import { markSpans } from '../../src/text/ranges.js';
import { recordDecision, reviewHistory } from '../../src/store/review.js';
import { openStore, type Store } from '../../src/store/store.js';
import { importSubjects } from '../../src/store/subjects.js';
import { buildSample, scanSample, tempDir, type Sample } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let sample: Sample;
beforeEach(async () => {
  tmp = tempDir();
  store = openStore(join(tmp.dir, 'netral.db'));
  importSubjects(store, 'fixtures/subjects/bkd-kota-bandung.csv', 'admin-bkd');
  sample = buildSample();
  await scanSample(store, sample);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const ids = (filter: Parameters<typeof listFindings>[1]) => [...listFindings(store, filter)].map((f) => f.finding_id);

describe('review', () => {
  it('records decisions with reviewer and time; a later one supersedes without erasing', () => {
    const [support] = sample.findings;
    const first = recordDecision(store, { finding: support!.id.slice(0, 8), decision: 'dismiss', reason: 'false_positive', reviewer: 'Rina', at: '2024-01-22T02:00:00.000Z' });
    const second = recordDecision(store, { finding: support!.id, decision: 'confirm', comment: 'Akun benar milik terlapor', reviewer: 'Joko', at: '2024-01-23T02:00:00.000Z' });
    recordDecision(store, { finding: support!.id, decision: 'note', comment: 'Tangkapan layar dikirim pelapor', reviewer: 'Rina' });
    const history = reviewHistory(store, support!.id);
    expect(history.map((h) => [h.decision, h.reviewer, h.supersedesId])).toEqual([
      ['dismiss', 'Rina', null],
      ['confirm', 'Joko', first.id],
      ['note', 'Rina', second.id],
    ]);
    // a note does not change the status
    expect([...listFindings(store, { status: ['confirmed'] })].map((f) => [f.finding_id, f.reviewer])).toEqual([[support!.id, 'Joko']]);
  });

  it('a dismissal needs a reason, a note needs a comment', () => {
    const id = sample.findings[0]!.id;
    expect(() => recordDecision(store, { finding: id, decision: 'dismiss', reviewer: 'Rina' })).toThrow(/--reason/);
    expect(() => recordDecision(store, { finding: id, decision: 'note', reviewer: 'Rina' })).toThrow(/--comment/);
    expect(reviewHistory(store, id)).toEqual([]);
  });

  it('names an unknown or too short finding id', () => {
    expect(() => recordDecision(store, { finding: 'abc', decision: 'confirm', reviewer: 'Rina' })).toThrow(NetralError);
    expect(() => recordDecision(store, { finding: 'ffffffffff', decision: 'confirm', reviewer: 'Rina' })).toThrow(/no finding/);
  });
});

describe('evidence list', () => {
  it('filters by prohibition, severity, status, agency, region, subject and date range', () => {
    const [t3, t5] = sample.findings.map((f) => f.id);
    recordDecision(store, { finding: t5!, decision: 'dismiss', reason: 'duty_context', reviewer: 'Rina' });
    expect(ids({ prohibition: 3 })).toEqual([t3]);
    expect(ids({ prohibition: '5' as never })).toEqual([t5]);
    expect(ids({ severity: ['medium'] })).toEqual([t5]);
    expect(ids({ status: ['open'] })).toEqual([t3]);
    expect(ids({ status: ['dismissed'] })).toEqual([t5]);
    expect(ids({ agency: 'pendidikan' })).toHaveLength(2);
    expect(ids({ agency: 'RSUD' })).toEqual([]);
    expect(ids({ region: '3273' })).toHaveLength(2);
    expect(ids({ region: 'Bogor' })).toEqual([]);
    // post 1: 2024-01-19T08:00Z, post 2: 2024-01-20T08:00Z
    expect(ids({ from: '2024-01-20' })).toEqual([t5]);
    expect(ids({ to: '2024-01-19' })).toEqual([t3]);
    expect(ids({})).toEqual([t5, t3]);
  });
});

describe('evidence show', () => {
  it('gives the item, the matched words, the rule and its legal basis, the capture chain and the reviews', () => {
    const f = sample.findings[0]!;
    recordDecision(store, { finding: f.id, decision: 'confirm', reviewer: 'Rina' });
    const d = showFinding(store, f.id.slice(0, 12));
    expect(d.item).toEqual(sample.items[0]);
    expect(d.raw).toEqual(sample.raws[0]);
    expect(d.finding).toEqual(f);
    expect(d.rule).toMatchObject({ id: 't3-dukungan-paslon', version: 1, legalBasis: ['UU 20/2023 Pasal 24 huruf c', 'PP 94/2021 Pasal 5 huruf n'] });
    expect(d.capture).toMatchObject({ id: sample.posts.id, sha256: sample.posts.sha256, parents: [{ id: sample.zip.id, sha256: sample.zip.sha256, origin: sample.zip.origin }] });
    expect(d.reviews.map((r) => r.decision)).toEqual(['confirm']);
    expect(d.overview.subject_name).toBe('Budi Santoso');
    const hits = markSpans(d.item.text!, d.finding.spans).filter((s) => s.hit).map((s) => s.text);
    expect(hits).toEqual(['dukung paslon', 'Prabowo-Gibran']);
  });
});

describe('markSpans', () => {
  it('merges overlapping spans and keeps every character of the original text', () => {
    const text = 'Coblos nomor 1! 🇮🇩 AMIN';
    const amin = text.indexOf('AMIN'); // after a flag emoji: 4 UTF-16 units
    const parts = markSpans(text, [{ start: 0, end: 12 }, { start: 7, end: 14 }, { start: amin, end: amin + 4 }]);
    expect(parts).toEqual([
      { text: 'Coblos nomor 1', hit: true },
      { text: '! 🇮🇩 ', hit: false },
      { text: 'AMIN', hit: true },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
});

describe('full-text search', () => {
  it('finds stored items by words, ignoring case and diacritics, with the match positions', () => {
    const hits = searchItems(store, 'APEL pagi');
    expect(hits.map((h) => h.itemId)).toEqual([sample.items[2]!.id]);
    expect(hits[0]!.findings).toBe(0);
    expect(hits[0]!.matches.map((m) => hits[0]!.text!.slice(m.start, m.end))).toEqual(['pagi', 'apel', 'pagi']);
    expect(searchItems(store, '02MelanjutkanIndonesia').map((h) => h.itemId)).toEqual([sample.items[0]!.id]);
    expect(searchItems(store, 'kampanye OR apel', { raw: true })).toHaveLength(2);
    expect(() => searchItems(store, 'AND (', { raw: true })).toThrow(NetralError);
  });
});
