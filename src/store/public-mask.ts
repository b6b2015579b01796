// The public profile's masking: a civil servant's name, NIP, handles, phone numbers and e-mail
// addresses are replaced wherever they occur (item fields, post text, chat senders, member paths),
// other private people become stable pseudonyms, and matched spans are moved to the masked text.
// Candidates stay named: they are public figures, and the finding is about them.
import { randomBytes } from 'node:crypto';
import type { Item, Ref, Span } from '../model/index.js';
import { sha256Hex } from '../model/index.js';
import { normHandle } from './accounts.js';
import type { Store } from './store.js';

interface Replacement {
  start: number;
  end: number;
  with: string;
}

/** Text after masking, and where an original offset now lies. */
export interface MaskedText {
  text: string;
  /** `side` 'start' maps a position inside a masked stretch to its start, 'end' to its end */
  map(pos: number, side: 'start' | 'end'): number;
}

const NOT_NAMES = new Set(['anda', 'you', 'kamu', 'saya']);
const MENTION = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_.]{2,}/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** 18-digit NIP, also written in its 8-6-1-3 groups */
const NIP = /(?<!\d)\d{8}[\s.-]?\d{6}[\s.-]?\d[\s.-]?\d{3}(?!\d)/g;
/** Indonesian mobile numbers: +62 8…, 62 8…, 08… with the usual separators */
const PHONE = /(?<![\p{L}\p{N}])(?:\+62|62|0)[\s.-]?8\d{1,3}(?:[\s.-]?\d{2,4}){2,4}(?![\p{N}])/gu;
/** "WhatsApp Chat with Budi.txt", "WhatsApp Chat - Budi.txt": the file is named after the other party */
const CHAT_FILE_NAME = /(WhatsApp Chat (?:with|dengan|-) )([^/]+?)(\.txt|\.zip)?$/i;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word, case-insensitive pattern for a name or handle (handles may contain . and _). */
function wordPattern(value: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])@?${escapeRegExp(value).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_])`, 'giu');
}

export class PublicMasker {
  /** subject id → its public label ("ASN-1") */
  private readonly labels = new Map<string, string>();
  /** name/handle patterns → replacement, longest first so a full name wins over a handle inside it */
  private readonly people: Array<{ pattern: RegExp; with: string }> = [];
  private readonly anonSalt: string;
  private readonly known = new Set<string>();

  constructor(store: Store) {
    this.anonSalt = publicSalt(store);
    const subjects = store.db.prepare('SELECT id, name, nip FROM subjects ORDER BY id').all() as Array<{ id: string; name: string; nip: string | null }>;
    const accounts = store.db.prepare('SELECT handle FROM subject_accounts WHERE subject_id = ?').pluck();
    subjects.forEach((s, i) => {
      const label = `ASN-${i + 1}`;
      this.labels.set(s.id, label);
      this.addPerson(s.name, label);
      for (const h of accounts.all(s.id) as string[]) this.addPerson(h, label);
    });
  }

  /** The public label of a subject: a number within this store, never derived from the NIP. */
  subjectLabel(subjectId: string): string {
    return this.labels.get(subjectId) ?? 'ASN';
  }

  /** Another private person (a chat member, someone mentioned): a stable pseudonym. */
  anon(value: string): string {
    return `anon-${sha256Hex(`${this.anonSalt}:${normHandle(value)}`).slice(0, 10)}`;
  }

  /** Mask a person's names wherever they occur from now on (chat senders of exported items). */
  addPerson(value: string | undefined, label?: string): void {
    const v = value?.trim().replace(/^@+/, '');
    // "Anda"/"You" is how a chat writes its owner: a word, not a name to mask in every text
    if (!v || v.length < 3 || NOT_NAMES.has(normHandle(v)) || this.known.has(normHandle(v))) return;
    this.known.add(normHandle(v));
    this.people.push({ pattern: wordPattern(v), with: label ?? this.anon(v) });
    this.people.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  }

  /**
   * Mask one string, keeping the candidates' names (public figures) in `keep`. Any other
   * @mention becomes a pseudonym unless it lies in a `matched` range (a candidate's account the
   * rule matched); a civil servant's identifiers are masked even there.
   */
  mask(text: string, keep: readonly string[] = [], matched: ReadonlyArray<{ start: number; end: number }> = []): MaskedText {
    const found: Replacement[] = [];
    const add = (re: RegExp, repl: (m: string) => string) => {
      for (const m of text.matchAll(re)) found.push({ start: m.index, end: m.index + m[0].length, with: repl(m[0]) });
    };
    add(EMAIL, () => '[email]');
    add(NIP, () => '[NIP]');
    add(PHONE, () => '[telepon]');
    for (const p of this.people) add(p.pattern, (m) => (m.startsWith('@') ? `@${p.with}` : p.with));
    for (const m of text.matchAll(MENTION)) {
      const end = m.index + m[0].length;
      if (!matched.some((r) => r.start < end && r.end > m.index)) found.push({ start: m.index, end, with: `@${this.anon(m[0])}` });
    }
    const kept = keep.flatMap((k) => [...text.matchAll(wordPattern(k))].map((m) => ({ start: m.index, end: m.index + m[0].length })));
    // earliest first, the longer one on a tie; a stretch inside a kept public name stays
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const chosen: Replacement[] = [];
    for (const r of found) {
      if (chosen.length && r.start < chosen[chosen.length - 1]!.end) continue;
      if (kept.some((k) => k.start <= r.start && r.end <= k.end)) continue;
      chosen.push(r);
    }
    return applyReplacements(text, chosen);
  }

  /** A member path or file name: masked like text, and a chat file's other party pseudonymised. */
  maskPath(path: string): string {
    const masked = this.mask(path).text;
    return masked.replace(CHAT_FILE_NAME, (_m, head: string, name: string, ext: string | undefined) => `${head}${/^(ASN-\d+|anon-[0-9a-f]+)$/.test(name) ? name : this.anon(name)}${ext ?? ''}`);
  }

  /**
   * The item as the public may see it, with its spans moved to the masked text. `authorLabel`
   * replaces the author (the subject's label, or a pseudonym for anyone else).
   */
  item(item: Item, spans: Span[], authorLabel: string, keep: readonly string[]): { item: Item; spans: Span[] } {
    const maps = new Map<string, MaskedText>();
    const maskField = (field: string, index: number, value: string | undefined): string | undefined => {
      if (value === undefined) return undefined;
      const m = this.mask(value, keep, spans.filter((s) => s.field === field && s.index === index));
      maps.set(`${field}:${index}`, m);
      return m.text;
    };
    const out: Item = {
      ...item,
      actor: { kind: item.actor?.kind ?? 'account', name: authorLabel },
      mentions: item.mentions.map((v) => (keep.some((k) => normHandle(k) === normHandle(v)) ? v : this.anon(v))),
      media: item.media.map((md, i) => ({
        ...(md.caption !== undefined ? { caption: maskField('media.caption', i, md.caption)! } : {}),
        ...(md.mediaType ? { mediaType: md.mediaType } : {}),
        ...(md.sha256 ? { sha256: md.sha256 } : {}),
      })),
    };
    delete out.permalink;
    const text = maskField('text', 0, item.text);
    if (text !== undefined) out.text = text;
    const permalink = item.permalink ? this.mask(item.permalink).text : undefined;
    if (permalink) out.permalink = permalink;
    if (item.target) out.target = this.ref(item.target, 'target', maskField, keep);
    // a chat is often named after the other person: pseudonymised, unless the rule matched words
    // of its name (an office group's "Guru SDN …"), which then stays readable with people masked
    const chatName = item.context?.kind === 'chat' && item.context.name && !spans.some((s) => s.field === 'context');
    if (item.context) out.context = chatName ? { kind: 'chat', name: this.anon(item.context.name!) } : this.ref(item.context, 'context', maskField, keep);
    if (item.place?.name) out.place = { ...item.place, name: maskField('place', 0, item.place.name)! };
    if (item.event) out.event = { ...item.event, name: maskField('event', 0, item.event.name)! };
    if (item.link?.url) out.link = { url: this.mask(item.link.url).text, ...(item.link.title ? { title: this.mask(item.link.title, keep).text } : {}) };
    const moved = spans.map((s) => {
      const m = maps.get(`${s.field}:${s.index}`) ?? (s.field === 'context' ? undefined : maps.get(`${s.field}:0`));
      const value = fieldValue(out, s.field, s.index);
      if (!m || value === undefined) return s;
      const start = m.map(s.start, 'start');
      const end = Math.max(start, m.map(s.end, 'end'));
      return { ...s, start, end, text: value.slice(start, end) };
    });
    return { item: out, spans: moved };
  }

  private ref(ref: Ref, field: string, maskField: (f: string, i: number, v: string | undefined) => string | undefined, keep: readonly string[]): Ref {
    const out: Ref = {};
    if (ref.kind) out.kind = ref.kind;
    // a page or account acted on: named when it is a candidate's, masked where it names a private person
    if (ref.name) out.name = maskField(field, 0, ref.name)!;
    if (ref.handle) out.handle = keep.some((k) => normHandle(k) === normHandle(ref.handle!)) ? ref.handle : this.mask(ref.handle, keep).text;
    if (ref.url) out.url = this.mask(ref.url, keep).text;
    return out;
  }
}

function fieldValue(item: Item, field: string, index: number): string | undefined {
  switch (field) {
    case 'text':
      return item.text;
    case 'media.caption':
      return item.media[index]?.caption;
    case 'target':
      return item.target?.name;
    case 'context':
      return item.context?.name;
    case 'place':
      return item.place?.name;
    case 'event':
      return item.event?.name;
    default:
      return undefined;
  }
}

/** Replace non-overlapping stretches (sorted by start) and keep the offset map. */
export function applyReplacements(text: string, chosen: readonly Replacement[]): MaskedText {
  let out = '';
  let pos = 0;
  const moved: Array<{ start: number; end: number; newStart: number; newEnd: number }> = [];
  for (const r of chosen) {
    out += text.slice(pos, r.start);
    const newStart = out.length;
    out += r.with;
    moved.push({ start: r.start, end: r.end, newStart, newEnd: out.length });
    pos = r.end;
  }
  out += text.slice(pos);
  return {
    text: out,
    map(p, side) {
      let delta = 0;
      for (const r of moved) {
        if (p >= r.end) delta = r.newEnd - r.end;
        else if (p > r.start) return side === 'start' ? r.newStart : r.newEnd;
        else break;
      }
      return p + delta;
    },
  };
}

/**
 * The salt of public pseudonyms: random, kept in the store, never written into a bundle (the
 * store uuid is in every manifest, so a pseudonym salted with it could be reversed by guessing).
 */
export function publicSalt(store: Store): string {
  const known = store.info('public_salt');
  if (known) return known;
  const salt = randomBytes(16).toString('hex');
  if (store.readonly) return salt;
  store.write(() => store.db.prepare("INSERT OR IGNORE INTO store_info (key, value) VALUES ('public_salt', ?)").run(salt));
  return store.info('public_salt') ?? salt;
}
