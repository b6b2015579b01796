// Realistic sample evidence built with the model functions (no rule engine needed): a Facebook
// export zip with one posts file and a photo, three posts by an ASN, two findings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureId, type Capture, type Finding, findingId, type Item, makeItem, sha256Hex, type Span } from '../../src/model/index.js';
import type { RuleRecord } from '../../src/store/types.js';
import type { Store } from '../../src/store/store.js';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'netral-store-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeCapture(bytes: Buffer, parts: { origin: string; memberPath?: string; parentId?: string; originKind?: Capture['originKind']; mediaType?: string }): Capture {
  const sha256 = sha256Hex(bytes);
  const originKind = parts.originKind ?? (parts.memberPath ? 'zip-member' : 'file');
  const c: Capture = {
    id: captureId({ sha256, memberPath: parts.memberPath, origin: parts.origin, originKind }),
    originKind,
    origin: parts.origin,
    method: originKind === 'url' ? 'http-get' : 'export-file',
    sha256,
    bytes: bytes.length,
    capturedAt: '2024-01-20T03:15:00.000Z',
  };
  if (parts.memberPath) c.memberPath = parts.memberPath;
  if (parts.parentId) c.parentId = parts.parentId;
  if (parts.mediaType) c.mediaType = parts.mediaType;
  return c;
}

export const POSTS = [
  { time: 1705651200, text: 'Ayo dukung paslon nomor 2 Prabowo-Gibran! 🇮🇩 #02MelanjutkanIndonesia @relawan.bandung' },
  { time: 1705737600, text: 'Hadir di kampanye akbar AMIN di JIS, luar biasa semangatnya 🙏 Coblos nomor 1!' },
  { time: 1705824000, text: 'Selamat pagi rekan-rekan Disdik, jangan lupa apel pagi jam 07.30 ya' },
];

const POSTS_PATH = 'your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json';
const PHOTO_PATH = 'your_activity_across_facebook/posts/media/Kampanye_202401/FB_IMG_1705737600.jpg';

export const RULES: RuleRecord[] = [
  { id: 't3-dukungan-paslon', version: 1, title: 'Dukungan terbuka kepada pasangan calon', prohibition: 3, severity: 'high', legalBasis: ['UU 20/2023 Pasal 24 huruf c', 'PP 94/2021 Pasal 5 huruf n'], sha256: sha256Hex('rule-t3-v1'), source: 'id: t3-dukungan-paslon\nversion: 1\n' },
  { id: 't5-hadir-kampanye', version: 1, title: 'Menghadiri kampanye', prohibition: 5, severity: 'medium', legalBasis: ['UU 7/2017 Pasal 280 ayat (3)'], sha256: sha256Hex('rule-t5-v1'), source: 'id: t5-hadir-kampanye\nversion: 1\n' },
];

export interface Sample {
  zip: Capture;
  zipBytes: Buffer;
  posts: Capture;
  postsBytes: Buffer;
  photo: Capture;
  photoBytes: Buffer;
  items: Item[];
  raws: unknown[];
  findings: Finding[];
}

/** A tiny but well-formed JPEG (SOI … EOI) so media types and thumbnails are real. */
function jpeg(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'), Buffer.alloc(64, 0x11), Buffer.from([0xff, 0xd9])]);
}

function spanOf(text: string, words: string, matcher: string): Span {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" not in "${text}"`);
  return { field: 'text', index: 0, start, end: start + words.length, text: words, matcher };
}

function finding(item: Item, rule: RuleRecord, spans: Span[], candidate: { number: number; name: string }): Finding {
  const base = { itemId: item.id, ruleId: rule.id, ruleVersion: rule.version, spans };
  return {
    id: findingId(base),
    ...base,
    prohibition: rule.prohibition,
    severity: rule.severity as Finding['severity'],
    confidence: 0.85,
    track: 'disiplin',
    skbForm: 'B6',
    candidates: [{ election: 'pilpres-2024', number: candidate.number, pair: `pilpres-2024-0${candidate.number}`, name: candidate.name }],
    title: { id: rule.title, en: rule.title },
    explanation: { id: `Unggahan menyebut ${spans.map((s) => s.text).join(', ')}.`, en: `The post mentions ${spans.map((s) => s.text).join(', ')}.` },
    legalBasis: rule.legalBasis,
    lowered: [],
  };
}

/** `author`: the name the export's profile gives its owner (the items' actor). */
export function buildSample(origin = '/home/relawan/unduhan/facebook-budisantoso-2024-01-20.zip', author = 'Budi Santoso'): Sample {
  const postsJson = POSTS.map((p) => ({ timestamp: p.time, data: [{ post: p.text }], title: `${author} memperbarui statusnya.` }));
  const postsBytes = Buffer.from(JSON.stringify(postsJson, null, 2));
  const photoBytes = jpeg();
  const zipBytes = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), postsBytes, photoBytes]);
  const zip = makeCapture(zipBytes, { origin, mediaType: 'application/zip' });
  const posts = makeCapture(postsBytes, { origin, memberPath: POSTS_PATH, parentId: zip.id, mediaType: 'application/json' });
  const photo = makeCapture(photoBytes, { origin, memberPath: PHOTO_PATH, parentId: zip.id, mediaType: 'image/jpeg' });
  const items = POSTS.map((p, i) =>
    makeItem({
      platform: 'facebook',
      kind: 'post',
      actor: { kind: 'account', name: author },
      text: p.text,
      time: new Date(p.time * 1000).toISOString(),
      hashtags: i === 0 ? ['02MelanjutkanIndonesia'] : [],
      mentions: i === 0 ? ['relawan.bandung'] : [],
      media: i === 1 ? [{ uri: PHOTO_PATH, mediaType: 'image/jpeg', sha256: photo.sha256, caption: 'Kampanye akbar di JIS' }] : [],
      source: { captureId: posts.id, path: POSTS_PATH, pointer: `/${i}` },
    }),
  );
  const raws = postsJson;
  const t0 = items[0]!.text!;
  const t1 = items[1]!.text!;
  const findings = [
    finding(items[0]!, RULES[0]!, [spanOf(t0, 'dukung paslon', 'ajakan'), spanOf(t0, 'Prabowo-Gibran', 'paslon')], { number: 2, name: 'Prabowo Subianto – Gibran Rakabuming Raka' }),
    finding(items[1]!, RULES[1]!, [spanOf(t1, 'kampanye akbar', 'kampanye'), spanOf(t1, 'AMIN', 'paslon')], { number: 1, name: 'Anies Baswedan – Muhaimin Iskandar' }),
  ];
  return { zip, zipBytes, posts, postsBytes, photo, photoBytes, items, raws, findings };
}

/** What `netral scan` will do with the sample: one run, captures before items before findings. */
export async function scanSample(store: Store, sample: Sample, meta: { subjectId?: string } = {}) {
  const run = store.beginRun({ command: 'scan fixtures/facebook-budisantoso.zip', actor: 'pemantau-1', ...meta });
  await run.putCapture(sample.zip, sample.zipBytes);
  await run.putCapture(sample.posts, sample.postsBytes);
  await run.putCapture(sample.photo, async () => (await import('node:stream')).Readable.from([sample.photoBytes]));
  // a Facebook export: every item is its owner's own activity
  sample.items.forEach((item, i) => run.putItem(item, sample.raws[i], true));
  for (const rule of RULES) run.putRule(rule);
  for (const f of sample.findings) run.putFinding(f);
  return { runId: run.id, counts: run.finish() };
}

export function tableCounts(store: Store): Record<string, number> {
  const tables = ['runs', 'blobs', 'captures', 'capture_sightings', 'items', 'rules', 'findings', 'finding_spans', 'reviews', 'custody_log', 'subject_links'];
  return Object.fromEntries(tables.map((t) => [t, store.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

/**
 * A pair line, explanation or CSV cell without what decided each side (stop 42: the writer's
 * “words” or the act after "mendukung"/"didukung"), for the checks written before it was shown.
 */
export function withoutSideReasons(s: string): string {
  return s.replace(/ \((?:(?:sifat tindakannya|the nature of the act)(?:, )?)?(?:“[^”]*”(?:, )?)*\)|: (?:(?:sifat tindakannya|the nature of the act)(?:, )?)?(?:“[^”]*”(?:, )?)*(?=\))/g, '');
}
