// Explanation templates: {{matched.<name>}} (or {{matched.<a>|<b>}}: the first that matched), {{candidate.name}}, {{legal_basis}} … rendered into
// the finding in both languages, so reports show "why" without re-running the rule.
import type { CandidateRef, Localized, Span, Track } from '../model/finding.js';
import type { Item } from '../model/item.js';
import type { GlossNote, GlossTable } from '../text/glosses.js';
import { glossNoteText } from '../i18n/glosses.js';
import { officeReason, sideReason } from '../i18n/stance.js';
import { PLACEHOLDER, placeholderKeys } from './placeholders.js';

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

/** a pair's name in an explanation: what the writer does to it */
const STANCE_TEXT: Record<'support' | 'attack', Localized> = {
  support: { id: 'didukung', en: 'supported' },
  attack: { id: 'diserang', en: 'attacked' },
};

/**
 * {{candidate.name}}: every pair's name, with the side the writer takes on it when the evidence
 * shows one and what decided that side ("Anies Baswedan – Muhaimin Iskandar (didukung: “milih
 * Abah”)", "… (didukung: sifat tindakannya, “pakai kaos”)"): a finding that names a civil servant as
 * supporting or attacking a pair says which words or which act made it so; a pair only an office
 * word named says so too ("Ahmad Fauzi – Siti Rahmawati (disebut lewat jabatan: “bupati” → 01)").
 */
export function candidateNames(candidates: readonly CandidateRef[], lang: 'id' | 'en'): string {
  return candidates.length
    ? candidates
        .map((c) => {
          const side = c.stance === 'support' || c.stance === 'attack' ? `${STANCE_TEXT[c.stance][lang]}${reasonAfter(sideReason(c.sideBy, lang))}` : '';
          const notes = [side, officeReason(c, lang)].filter(Boolean).join('; ');
          return `${c.name}${notes ? ` (${notes})` : ''}`;
        })
        .join(' / ')
    : '-';
}

const reasonAfter = (why: string): string => (why ? `: ${why}` : '');

export interface ExplainFacts {
  item: Item;
  spans: Span[];
  candidates: CandidateRef[];
  legalBasis: string[];
  track: Track;
  skbForm: string | undefined;
  /** stance-model scores by matcher name ({{score.<name>}}) */
  scores?: Readonly<Record<string, number>>;
  /** the pack's glosses: a regional word read as an Indonesian one is named with its language and gloss */
  glosses?: GlossTable;
}

/**
 * An event an analyst's sheet lists among the subject's activity, its response not given (table.ts):
 * every finding on it says so, so a reviewer checks the response on the platform before reading it
 * as attendance.
 */
const RECORDED_EVENT: Localized = {
  id: 'Acara ini tercatat di lembar analis sebagai aktivitas subjek; tanggapan subjek atas acara (ikut, berminat, dll.) tidak disebut, periksa di platformnya.',
  en: "An analyst's sheet records this event among the subject's activity; the subject's response to it (joined, interested …) is not given, check it on the platform.",
};

export function renderExplanation(template: Localized, facts: ExplainFacts): Localized {
  // a span's gloss notes are looked up once for both languages
  const notesOf = new Map<string, GlossNote[]>();
  const out = { id: render(template.id, facts, 'id', notesOf), en: render(template.en, facts, 'en', notesOf) };
  if (facts.item.event?.response !== 'recorded') return out;
  return { id: `${out.id} ${RECORDED_EVENT.id}`, en: `${out.en} ${RECORDED_EVENT.en}` };
}

function render(template: string, f: ExplainFacts, lang: 'id' | 'en', notesOf: Map<string, GlossNote[]>): string {
  const first = f.candidates[0];
  // “kala” (Madura → kalah): a word matched through a gloss says what it was read as
  const quote = (text: string): string => {
    let notes = notesOf.get(text);
    if (notes === undefined) {
      notes = f.glosses?.glossesIn(text) ?? [];
      notesOf.set(text, notes);
    }
    if (notes.length === 0) return `“${text}”`;
    return `“${text}” (${glossNoteText(notes, notes[0]?.form.split(' ').length === text.trim().split(/\s+/u).length, lang)})`;
  };
  return template.replace(PLACEHOLDER, (_whole, key: string) => {
    if (key.startsWith('matched.')) {
      // {{matched.a|b}}: the words of the first of the matchers that holds some ("the event": a
      // rally's word, else the gathering's)
      for (const name of placeholderKeys(key).map((k) => k.slice(8))) {
        const words = [...new Set(f.spans.filter((s) => s.matcher === name).map((s) => quote(s.text)))];
        if (words.length) return words.join(', ');
      }
      return '-';
    }
    if (key.startsWith('score.')) {
      const score = f.scores?.[key.slice(6)];
      return score === undefined ? '-' : score.toFixed(2);
    }
    if (key === 'evidence') {
      // every matched word once, in text order; a span inside a longer one adds nothing
      const words = [...new Set(outermostSpans(f.spans).map((s) => quote(s.text)))];
      return words.length ? words.join(', ') : '-';
    }
    switch (key) {
      case 'item.kind':
        return KIND_TEXT[f.item.kind][lang];
      case 'item.platform':
        return f.item.platform;
      case 'candidate.name':
        // the side the writer takes on each pair, when the evidence shows one ("Anies (diserang)")
        return candidateNames(f.candidates, lang);
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

/**
 * The spans not inside a longer span of the same field string, in text order. One sort and one
 * sweep (a long text can carry thousands of spans; comparing every pair took seconds).
 */
function outermostSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => (a.field === b.field ? 0 : a.field.localeCompare(b.field)) || a.index - b.index || a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  let group = '';
  let maxEnd = -1; // furthest end of the spans before the current run of equal ranges
  let runEnd = -1;
  let runStart = -1;
  for (const s of sorted) {
    const key = `${s.field}\u0000${s.index}`;
    if (key !== group) {
      group = key;
      maxEnd = -1;
      runStart = -1;
      runEnd = -1;
    }
    if (s.start !== runStart || s.end !== runEnd) {
      maxEnd = Math.max(maxEnd, runEnd);
      runStart = s.start;
      runEnd = s.end;
    }
    if (maxEnd < s.end) out.push(s);
  }
  return out.sort((a, b) => a.start - b.start);
}
