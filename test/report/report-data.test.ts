import { describe, expect, it } from 'vitest';
import { ReportData } from '../../src/report/report-data.js';
import { sampleReport } from './sample.js';

describe('ReportData', () => {
  it('accepts the sample, whose spans all point at their text in the original field', () => {
    const data = sampleReport();
    expect(data.cards.length).toBeGreaterThanOrEqual(8);
    for (const card of data.cards) {
      for (const span of card.spans) {
        const source = {
          text: card.item.text,
          target: card.item.targetName,
          place: card.item.placeName,
          context: card.item.contextName,
          event: card.item.eventName,
          'media.caption': card.item.mediaCaptions[span.index],
        }[span.field as string];
        expect(source?.slice(span.start, span.end), `${card.ruleId} ${span.field}`).toBe(span.text);
      }
    }
  });

  it('rejects an SVG thumbnail, a non-base64 payload and a malformed capture hash', () => {
    const data = sampleReport();
    const withThumb = data.cards.find((c) => c.thumbnail)!;
    const svg = { ...withThumb, thumbnail: { mediaType: 'image/svg+xml', dataBase64: 'PHN2Zz4=' } };
    expect(ReportData.safeParse({ ...data, cards: [svg] }).success).toBe(false);
    const notBase64 = { ...withThumb, thumbnail: { mediaType: 'image/png', dataBase64: '"><script>' } };
    expect(ReportData.safeParse({ ...data, cards: [notBase64] }).success).toBe(false);
    const badHash = { ...withThumb, capture: { ...withThumb.capture, sha256: 'abc' } };
    expect(ReportData.safeParse({ ...data, cards: [badHash] }).success).toBe(false);
  });
});
