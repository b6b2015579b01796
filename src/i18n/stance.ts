// The writer's stance on a pair a finding names (CandidateRef.stance), as every output says it:
// the terminal, `evidence show`, the export's CSV and report pages. No imports: the report pages
// read it too.

/** What the writer does to a pair a finding names (CandidateRef.stance). */
export const STANCE_LABELS: Record<'support' | 'attack' | 'mention', { id: string; en: string }> = {
  support: { id: 'mendukung', en: 'supports' },
  attack: { id: 'menyerang', en: 'attacks' },
  mention: { id: 'disebut', en: 'mentioned' },
};

/** A pair as a finding names it, with the writer's stance on it when the finding records one ("02 Prabowo – Gibran (pilpres-2024) · menyerang"). */
export function candidateLine(c: StancedCandidate, lang: 'id' | 'en'): string {
  return `${String(c.number).padStart(2, '0')} ${c.name} (${c.election})${stanceSuffix(c, lang)}`;
}

/** " · menyerang (“curang”)" after a pair, or nothing for a finding stored before stances were recorded; " · disebut lewat jabatan: “bupati” → 01" when an office word alone named it. */
export function stanceSuffix(c: Pick<StancedCandidate, 'number' | 'stance' | 'sideBy' | 'byOffice'>, lang: 'id' | 'en'): string {
  const office = officeReason(c, lang);
  const tail = office ? ` · ${office}` : '';
  if (!c.stance) return tail;
  const why = c.stance === 'mention' ? '' : sideReason(c.sideBy, lang);
  return ` · ${STANCE_LABELS[c.stance][lang]}${why ? ` (${why})` : ''}${tail}`;
}

/** "mendukung: “milih Abah”": the stance with what decided it, when the finding kept it (never on a mention), for a line that puts it in brackets; then how an office word named the pair */
export function stanceText(c: { number: number; stance: 'support' | 'attack' | 'mention'; sideBy?: SideReason | undefined; byOffice?: readonly string[] | undefined }, lang: 'id' | 'en'): string {
  const why = c.stance === 'mention' ? '' : sideReason(c.sideBy, lang);
  const office = officeReason(c, lang);
  return `${STANCE_LABELS[c.stance][lang]}${why ? `: ${why}` : ''}${office ? `; ${office}` : ''}`;
}

const BY_OFFICE = { id: 'disebut lewat jabatan', en: 'named by office' } as const;

/**
 * How the finding reached a pair that no name, number or sign named, only the office its candidate
 * holds (CandidateRef.byOffice): "disebut lewat jabatan: “bupati” → 01"; "" otherwise. A reader
 * checks that the office word meant that holder.
 */
export function officeReason(c: { number: number; byOffice?: readonly string[] | undefined }, lang: 'id' | 'en'): string {
  if (!c.byOffice?.length) return '';
  return `${BY_OFFICE[lang]}: ${c.byOffice.map((w) => `“${w}”`).join(', ')} → ${String(c.number).padStart(2, '0')}`;
}

/** how a side decided by the act itself reads (a shirt worn, a rally attended: the act's nature, not a word of opinion) */
const BY_ACT = { id: 'sifat tindakannya', en: 'the nature of the act' } as const;

/**
 * What decided a pair's side (CandidateRef.sideBy) in words: "“milih Abah”", "sifat tindakannya,
 * “pakai kaos”", or "" when the finding kept no reason (stored before stop 42, or a mention).
 */
export function sideReason(by: SideReason | undefined, lang: 'id' | 'en'): string {
  if (!by || (by.words.length === 0 && !by.act)) return '';
  return [...(by.act ? [BY_ACT[lang]] : []), ...by.words.map((w) => `“${w}”`)].join(', ');
}

type SideReason = { words: readonly string[]; act?: boolean | undefined };
type StancedCandidate = { number: number; name: string; election: string; stance?: 'support' | 'attack' | 'mention' | undefined; sideBy?: SideReason | undefined; byOffice?: readonly string[] | undefined };
