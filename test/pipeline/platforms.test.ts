// The same rule files fire on every platform: no rule knows a format, every adapter yields Items.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/ingest/ingest.js';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/types.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

async function findingsIn(input: string): Promise<Array<{ platform: string; rule: string }>> {
  const out: Array<{ platform: string; rule: string }> = [];
  for await (const e of ingest([path.join(FIXTURES, input)], DEFAULT_INGEST_OPTIONS, ALL_ADAPTERS)) {
    if (e.type !== 'item') continue;
    for (const f of evaluate(pack, e.item, { region: '3299' })) out.push({ platform: e.item.platform, rule: f.ruleId });
  }
  return out;
}

describe('rules fire on every platform through the same rule files', () => {
  const cases: Array<[string, string]> = [
    ['facebook', 'facebook/2019-layout'],
    ['instagram', 'instagram/2024-your-instagram-activity'],
    ['x', 'x/2024-tweets-parts'],
    ['tiktok', 'tiktok/2024-user-data-tiktok'],
    ['telegram', 'telegram/single-chat'],
    ['whatsapp', 'whatsapp/android-id-dot-time'],
    // a CSV row names its own platform in a `platform` column, so any platform counts here
    ['*', 'table/postingan-asn-bom-crlf.csv'],
    ['*', 'table/tweets-scraped.jsonl'],
    ['telegram', 'html/telegram-channel-relawan.html'],
    ['photo', 'photos/kampanye-exif-offset-gps-xmp.jpg'],
  ];
  for (const [platform, input] of cases) {
    it(`${platform}: ${input}`, async () => {
      const found = await findingsIn(input);
      expect(found.filter((f) => platform === '*' || f.platform === platform).length, JSON.stringify(found)).toBeGreaterThan(0);
    });
  }
});
