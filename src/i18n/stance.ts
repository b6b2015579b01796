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

/** " · menyerang" after a pair, or nothing for a finding stored before stances were recorded. */
export function stanceSuffix(c: Pick<StancedCandidate, 'stance'>, lang: 'id' | 'en'): string {
  return c.stance ? ` · ${STANCE_LABELS[c.stance][lang]}` : '';
}

type StancedCandidate = { number: number; name: string; election: string; stance?: 'support' | 'attack' | 'mention' | undefined };
