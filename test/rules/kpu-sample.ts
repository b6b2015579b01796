// A rule pack with an invented KPU sample's registries (fixtures/kpu/<sample>/pkwkp.json) beside the
// shipped ones, made once for a describe block, and campaign-time chat messages evaluated against it.
// Shared by the coined-name and call-name tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { makeItem, type Item } from '../../src/model/item.js';
import { importKpu } from '../../src/registry/kpu.js';
import { writeRegistries } from '../../src/registry/write.js';
import type { Finding } from '../../src/model/finding.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';

/** inside the sample's Pilkada campaign (25 Sep – 23 Nov 2024) */
export const CAMPAIGN = '2024-10-20T05:00:00Z';

export interface KpuSample {
  /** the pack (after beforeAll) */
  pack(): RulePack;
  /** a WhatsApp message written during the campaign */
  message(text: string): Item;
  findings(text: string, region: string): Finding[];
  pairsOf(text: string, region: string): string[];
  /** the pairs of the findings on a TikTok follow of `handle` during the campaign */
  followedPairs(handle: string, region: string): string[];
}

/** Registers the hooks that build the pack from fixtures/kpu/<sample> and remove its registries after. */
export function kpuSample(sample: string): KpuSample {
  let dir = '';
  let pack: RulePack | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `netral-${sample}-`));
    await writeRegistries(await importKpu([join(import.meta.dirname, '../../fixtures/kpu', sample, 'pkwkp.json')]), dir);
    pack = await loadRulePack({ extraRegistryPaths: [dir] });
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const packOf = (): RulePack => {
    if (!pack) throw new Error(`the ${sample} pack is made in beforeAll`);
    return pack;
  };
  const message = (text: string): Item => makeItem({ platform: 'whatsapp', kind: 'message', text, time: CAMPAIGN, source: { captureId: 'c', path: 'p', pointer: '/0' } });
  const findings = (text: string, region: string): Finding[] => evaluate(packOf(), message(text), { region });
  const followedPairs = (handle: string, region: string): string[] =>
    evaluate(packOf(), makeItem({ platform: 'tiktok', kind: 'follow', target: { kind: 'account', handle }, time: CAMPAIGN, source: { captureId: 'c', path: 'p', pointer: '/0' } }), { region }).flatMap((f) => f.candidates.map((c) => c.pair));
  return { pack: packOf, message, findings, pairsOf: (text, region) => findings(text, region).flatMap((f) => f.candidates.map((c) => c.pair)), followedPairs };
}
