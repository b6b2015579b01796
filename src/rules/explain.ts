// Explanation templates: {{matched.<name>}}, {{candidate.name}}, {{legal_basis}} … rendered into
// the finding in both languages, so reports show "why" without re-running the rule.
import type { CandidateRef, Localized, Span, Track } from '../model/finding.js';
import type { Item } from '../model/item.js';

const TRACK_TEXT: Record<Track, Localized> = {
  etik: { id: 'kode etik (bakal calon; sanksi moral)', en: 'code of ethics (prospective candidate; moral sanction)' },
  disiplin: { id: 'disiplin (calon resmi; hukuman disiplin)', en: 'discipline (official candidate; disciplinary penalty)' },
  unknown: { id: 'tahap belum diketahui', en: 'phase unknown' },
};

/** Item kinds in words, so "{{item.kind}}" reads naturally in both languages. */
const KIND_TEXT: Record<Item['kind'], Localized> = {
  post: { id: 'unggahan', en: 'post' },
  comment: { id: 'komentar', en: 'comment' },
  share: { id: 'bagikan ulang', en: 'share' },
  reaction: { id: 'reaksi (suka)', en: 'reaction (like)' },
  follow: { id: 'suka/ikuti halaman', en: 'page like/follow' },
  membership: { id: 'keanggotaan grup', en: 'group membership' },
  checkin: { id: 'check-in', en: 'check-in' },
  event: { id: 'tanggapan acara', en: 'event response' },
  message: { id: 'pesan', en: 'message' },
  media: { id: 'foto/video', en: 'photo/video' },
  profile: { id: 'profil', en: 'profile' },
};

export interface ExplainFacts {
  item: Item;
  spans: Span[];
  candidates: CandidateRef[];
  legalBasis: string[];
  track: Track;
  skbForm: string | undefined;
  /** stance-model scores by matcher name ({{score.<name>}}) */
  scores?: Readonly<Record<string, number>>;
}

export function renderExplanation(template: Localized, facts: ExplainFacts): Localized {
  return { id: render(template.id, facts, 'id'), en: render(template.en, facts, 'en') };
}

function render(template: string, f: ExplainFacts, lang: 'id' | 'en'): string {
  const first = f.candidates[0];
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_whole, key: string) => {
    if (key.startsWith('matched.')) {
      const name = key.slice(8);
      const words = [...new Set(f.spans.filter((s) => s.matcher === name).map((s) => `“${s.text}”`))];
      return words.length ? words.join(', ') : '-';
    }
    if (key.startsWith('score.')) {
      const score = f.scores?.[key.slice(6)];
      return score === undefined ? '-' : score.toFixed(2);
    }
    if (key === 'evidence') {
      // every matched word once, in text order; a span inside a longer one adds nothing
      const outer = f.spans.filter(
        (s) => !f.spans.some((o) => o !== s && o.field === s.field && o.index === s.index && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start),
      );
      const words = [...new Set(outer.sort((a, b) => a.start - b.start).map((s) => `“${s.text}”`))];
      return words.length ? words.join(', ') : '-';
    }
    switch (key) {
      case 'item.kind':
        return KIND_TEXT[f.item.kind][lang];
      case 'item.platform':
        return f.item.platform;
      case 'candidate.name':
        return f.candidates.length ? f.candidates.map((c) => c.name).join(' / ') : '-';
      case 'candidate.number':
        return first ? String(first.number).padStart(2, '0') : '-';
      case 'candidate.election':
        return first ? first.election : '-';
      case 'legal_basis':
        return f.legalBasis.join('; ');
      case 'track':
        return TRACK_TEXT[f.track][lang];
      case 'skb_form':
        return f.skbForm ?? '-';
      default:
        return '-';
    }
  });
}
