// A long text (one 100,000-character cell with no clause break and thousands of hits) is read through
// an index of its break positions, not rescanned per hit: the answers must be the ones the per-hit
// scan gave. The reference functions below are the scans stance.ts and evaluate.ts used before.
import { describe, expect, it } from 'vitest';
import { negatedAcross, nextBreak, reportedAt, sentenceBreakIn } from '../../src/rules/stance.js';
import { loadRulePack } from '../../src/rules/pack.js';

/** the pack's grammar word classes (its lexicons: subjek-kutipan, verba-pelapor, verba-bantu, penyangkal-putusan) the references' lists copy */
const grammar = (await loadRulePack()).stanceGrammar;

const CLAUSE_BREAKS = '.,;:!?\n';

function clauseAroundRef(text: string, start: number, breaks: string): { from: number; to: number } {
  let from = start;
  while (from > 0 && !breaks.includes(text[from - 1] as string)) from--;
  let to = start;
  while (to < text.length && !breaks.includes(text[to] as string)) to++;
  return { from, to };
}

const OTHERS = new Set(['mereka', 'kalian', 'kamu', 'anda', 'lu', 'lo', 'elu', 'loe', 'situ', 'dia', 'ia', 'beliau', 'itu', 'ini', 'tuh', 'nih', 'bukan', 'bkn', 'para', 'orang', 'org', 'orang2', 'org2', 'pendukung', 'pemilih', 'banyak', 'semua']);
const REPORTING = new Set(['bilang', 'ngomong', 'omong', 'berkata', 'mengatakan', 'ngatain', 'ngatai', 'mengatai', 'katain', 'sebut', 'nyebut', 'menyebut', 'nyebutin', 'tuduh', 'nuduh', 'menuduh', 'anggap', 'nganggap', 'menganggap', 'teriak', 'neriakin', 'klaim', 'ngeklaim', 'mengklaim', 'dukung', 'ndukung', 'mendukung', 'pilih', 'milih', 'memilih', 'coblos', 'nyoblos', 'mencoblos']);
const AUX = new Set(['akan', 'bakal', 'bakalan', 'pernah', 'mau', 'ingin', 'pengen', 'pingin', 'sudi', 'bisa', 'dapat', 'boleh', 'perlu', 'usah', 'lagi', 'mungkin', 'sudah', 'udah', 'sdh', 'masih', 'jadi', 'menjadi', 'sempat']);
const DENIERS = new Set(['tidak', 'tdk', 'tak', 'bukan', 'bkn', 'jangan', 'jgn', 'gak', 'ga', 'gk', 'nggak', 'ngga', 'enggak', 'engga', 'ndak', 'belum', 'blm', 'ora', 'dudu', 'henteu', 'teu', 'kagak', 'kaga']);

function reportedAtRef(text: string, start: number): boolean {
  const { from, to } = clauseAroundRef(text, start, CLAUSE_BREAKS);
  const clause = text.slice(from, to);
  for (const m of clause.matchAll(/(?:^|[^\p{L}\p{N}])(?:yang|yg)\s+/gu)) {
    const at = (m.index ?? 0) + m[0].length;
    if (at > start - from) break;
    const before = clause.slice(0, m.index ?? 0).trim().split(/\s+/).filter(Boolean);
    const head = before[before.length - 1];
    if (head !== undefined && !OTHERS.has(head)) continue;
    const words = clause.slice(at).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    let i = 0;
    while (i < 2 && AUX.has(words[i] ?? '')) i++;
    if (REPORTING.has(words[i] ?? '')) return true;
  }
  return false;
}

function negatedAcrossRef(text: string, start: number): boolean {
  const { from } = clauseAroundRef(text, start, CLAUSE_BREAKS);
  const words = text.slice(from, start).trim().split(/\s+/).filter(Boolean);
  let i = words.length - 1;
  let aux = 0;
  while (i >= 0 && aux < 3 && AUX.has(words[i] as string)) {
    i--;
    aux++;
  }
  return aux > 0 && i >= 0 && DENIERS.has(words[i] as string) && words[i] !== 'belum' && words[i] !== 'blm';
}

/** mulberry32: the same texts every run */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['yang', 'yg', 'mereka', 'kamu', 'saya', 'bilang', 'pilih', 'coblos', 'akan', 'pernah', 'gak', 'tidak', 'belum', 'prabowo', 'ꦥꦶꦭꦶꦃ', '☝️', 'нет', '選挙', 'nomor', '2'];
const PUNCT = ['.', ',', '?', '!', '\n', ';', ':', '. ', '? ', '!x'];

/** a text of `n` words, a break after about one word in `breakEvery` (none when 0) */
function text(seed: number, n: number, breakEvery: number): string {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(WORDS[Math.floor(r() * WORDS.length)] as string);
    if (breakEvery && r() < 1 / breakEvery) out.push(PUNCT[Math.floor(r() * PUNCT.length)] as string);
    out.push(r() < 0.1 ? '  ' : ' ');
  }
  return out.join('');
}

describe('long texts read through the break index', () => {
  const texts = [text(1, 400, 0), text(2, 400, 40), text(3, 400, 8), text(4, 60, 5), `mereka yang bilang ${text(5, 300, 0)}`];

  it('reportedAt and negatedAcross answer as the per-hit scan did, at every position', () => {
    for (const t of texts) {
      for (let at = 0; at <= t.length; at++) {
        expect(reportedAt(t, at, grammar), `reportedAt ${at}`).toBe(reportedAtRef(t, at));
        expect(negatedAcross(t, at, grammar), `negatedAcross ${at}`).toBe(negatedAcrossRef(t, at));
      }
    }
  });

  it('a reporting relative clause at the head of a long clause covers a hit far into it, and a break ends it', () => {
    const t = `mereka yang bilang ${'ꦥꦶꦭꦶꦃ coblos ☝️ нет 選挙 '.repeat(100)}, coblos`;
    expect(reportedAt(t, t.indexOf('coblos', 1500), grammar)).toBe(true);
    expect(reportedAt(t, t.length - 6, grammar)).toBe(false);
  });

  it('sentenceBreakIn and nextBreak answer as the regular expressions did, for every span', () => {
    const r = rng(9);
    for (const t of texts) {
      for (let k = 0; k < 3000; k++) {
        const a = Math.floor(r() * (t.length + 1));
        const b = Math.floor(r() * (t.length + 1));
        const [from, to] = k % 5 === 0 ? [b, a] : [Math.min(a, b), Math.max(a, b)];
        expect(sentenceBreakIn(t, from, to), `${from}-${to}`).toBe(/[.!?](?:\s|$)|\n/.test(t.slice(from, to)));
        const m = /[.!?\n]/.exec(t.slice(a));
        expect(nextBreak(t, a, '.!?\n') >= 0 && t[nextBreak(t, a, '.!?\n')] === '?', `question ${a}`).toBe(m?.[0] === '?');
      }
    }
  });
});
