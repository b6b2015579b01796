// The vision signals as rules: what a finding made from a photo records (rule id + version,
// prohibition, severity, legal basis). Legal basis and SKB form are borrowed from the text rule
// of the same prohibition in the pack, so the law is written in one place.
import type { CandidateRef, Finding, Localized, Prohibition, Severity, Span, Track } from '../model/finding.js';
import { findingId } from '../model/finding.js';
import { canonicalJson, sha256Hex } from '../model/hash.js';
import type { Item } from '../model/item.js';
import type { RulePack } from '../rules/pack.js';
import type { Election } from '../rules/registry.js';
import type { RuleRecord } from '../store/types.js';
import type { Message } from '../i18n/index.js';
import { visionMessages as m } from '../i18n/vision.js';
import type { RegistryImage } from '../rules/registry-schema.js';
import type { PrintedForm } from './form.js';

export interface VisionRule {
  id: string;
  version: number;
  prohibition: Prohibition;
  severity: Severity;
  title: Message;
  /** the text rule whose legal basis and SKB form apply */
  lawFrom: string;
}

export const VISION_RULES = {
  imageShirt: { id: 'v4-gambar-kaos-paslon', version: 1, prohibition: 4, severity: 'medium', title: m.titleImage, lawFrom: 't4-kaos-atribut-kampanye' },
  imageSticker: { id: 'v7-gambar-stiker-paslon', version: 1, prohibition: 7, severity: 'low', title: m.titleImage, lawFrom: 't7-stiker-kendaraan' },
  imagePoster: { id: 'v3-gambar-poster-paslon', version: 1, prohibition: 3, severity: 'low', title: m.titleImage, lawFrom: 't3-status-dukungan-paslon' },
  printed: { id: 'v3-teks-paslon-foto', version: 2, prohibition: 3, severity: 'low', title: m.titleOcr, lawFrom: 't3-status-dukungan-paslon' },
  printedShirt: { id: 'v4-teks-kaos-foto', version: 1, prohibition: 4, severity: 'medium', title: m.titleOcrShirt, lawFrom: 't4-kaos-atribut-kampanye' },
  printedSticker: { id: 'v7-teks-stiker-foto', version: 1, prohibition: 7, severity: 'low', title: m.titleOcrSticker, lawFrom: 't7-stiker-kendaraan' },
  pose: { id: 'v5-pose-jari-paslon', version: 1, prohibition: 5, severity: 'low', title: m.titlePose, lawFrom: 't5-pose-nomor-paslon' },
} as const satisfies Record<string, VisionRule>;

export function imageRule(kind: RegistryImage['kind']): VisionRule {
  return kind === 'shirt' ? VISION_RULES.imageShirt : kind === 'sticker' ? VISION_RULES.imageSticker : VISION_RULES.imagePoster;
}

/** The rule for printed words of a form (form.ts): a shirt is 4, a vehicle sticker 7, other material 3. */
export function printedRule(form: PrintedForm): VisionRule {
  return form === 'worn' ? VISION_RULES.printedShirt : form === 'vehicle' ? VISION_RULES.printedSticker : VISION_RULES.printed;
}

interface Law {
  legalBasis: { bakal_calon: string[]; calon: string[] };
  skbForm?: { bakal_calon?: string | undefined; calon?: string | undefined } | undefined;
}

function lawOf(pack: RulePack, rule: VisionRule): Law {
  const text = pack.rules.find((r) => r.def.id === rule.lawFrom);
  if (!text) return { legalBasis: { bakal_calon: [], calon: [] } };
  return { legalBasis: text.def.legal_basis, skbForm: text.def.skb_form };
}

/** What the store keeps about a vision rule: its definition as canonical JSON, hashed. */
export function visionRuleRecord(pack: RulePack, rule: VisionRule): RuleRecord {
  const law = lawOf(pack, rule);
  const source = canonicalJson({ ...rule, title: { id: rule.title.id, en: rule.title.en }, legal_basis: law.legalBasis, skb_form: law.skbForm ?? null });
  return {
    id: rule.id,
    version: rule.version,
    title: rule.title.id,
    prohibition: rule.prohibition,
    severity: rule.severity,
    legalBasis: [...law.legalBasis.bakal_calon, ...law.legalBasis.calon],
    sha256: sha256Hex(source),
    source,
  };
}

/** Ethics track before the pair was determined, discipline after; unknown without a time. */
export function trackAt(election: Election, time: string | undefined): Track {
  if (!time) return 'unknown';
  const t = Date.parse(time);
  if (Number.isNaN(t)) return 'unknown';
  return t < election.determination ? 'etik' : 'disiplin';
}

/** A finding of a vision rule on the item that holds a photo's reading. */
export function visionFinding(
  pack: RulePack,
  rule: VisionRule,
  item: Item,
  args: { election: Election; candidates: CandidateRef[]; confidence: number; severity?: Severity; explanation: (legal: string) => Localized; key: string; spans?: Span[] },
): Finding {
  const law = lawOf(pack, rule);
  const track = trackAt(args.election, item.time);
  const legalBasis = track === 'etik' ? law.legalBasis.bakal_calon : track === 'disiplin' ? law.legalBasis.calon : [...law.legalBasis.calon, ...law.legalBasis.bakal_calon];
  const skbForm = track === 'etik' ? law.skbForm?.bakal_calon : law.skbForm?.calon;
  // a vision finding has no words to point at; what it saw (the key: reference or hand) fixes its id
  const base = { itemId: item.id, ruleId: rule.id, ruleVersion: rule.version, spans: args.spans ?? [] };
  return {
    id: findingId({ ...base, ruleId: `${rule.id}#${args.key}` }),
    ...base,
    prohibition: rule.prohibition,
    severity: args.severity ?? rule.severity,
    confidence: Math.round(Math.min(0.99, Math.max(0.01, args.confidence)) * 100) / 100,
    track,
    ...(skbForm ? { skbForm } : {}),
    candidates: args.candidates,
    title: { id: rule.title.id, en: rule.title.en },
    explanation: args.explanation(legalBasis.join('; ')),
    legalBasis,
    lowered: [],
  };
}
