// Fewer false accusations, stop 54 (issue 11, fixtures/eval/precision-s54.md): a post or message whose
// closing words are the writer's own denial of the act (sangkal-penulis: "bukan punya saya",
// "tidak datang", "saya tolak", "Bukan, … jangan salah paham") or the writer keeping out of it
// (netral-penulis: "ASN lho aku", "rahasia dong", "bukan mau ngajak") is no campaigning of theirs;
// the same words before a contrast, a pair or the writer's own verdict, and a disclaimer beside the
// writer's own act, keep their findings.
// Read through the real adapters (an snscrape JSONL dump, a WhatsApp Android office chat) as
// `netral scan` reads them. Every text is invented for this test.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBlindSet, type BlindSet } from '../../src/eval/blind.js';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import type { Finding } from '../../src/model/finding.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { recordFindings } from './labelled-chats.js';

let pack: RulePack;
let set: BlindSet;

const SCRAPE = 'scrape-x-asn-s54.jsonl';
const OFFICE = 'Chat WhatsApp dengan Staf Kecamatan Cibeber.txt';

/** one snscrape tweet of a civil servant during the Pilpres 2024 campaign */
function tweet(n: number, text: string): string {
  return JSON.stringify({
    _type: 'snscrape.modules.twitter.Tweet',
    url: `https://twitter.com/rina_guru/status/17480000000000000${n}`,
    date: `2024-01-2${n % 8}T03:00:00+00:00`,
    rawContent: text,
    renderedContent: text,
    id: Number(`17480000000000000${n}`),
    user: { _type: 'snscrape.modules.twitter.User', username: 'rina_guru', id: 1110005400, displayname: 'Rina', rawDescription: 'Guru SD, ASN' },
    replyCount: 0,
    retweetCount: 0,
    likeCount: 1,
    quoteCount: 0,
    lang: 'in',
  });
}

const STICKER_NOT_MINE = 'Stiker Prabowo-Gibran di angkot langganan, bukan punya saya ya 😂';
const SHIRT_NOT_CAMPAIGN = 'Kaos oranye Anies? Bukan, ini kaos seragam pengajian 😂 jangan salah paham ya teman-teman.';
const WATCHED_FROM_AFAR = 'Pak Ganjar mampir nang Wonosobo, wong-wong ngumpul nang alun-alun. Aku mung ndelok teko adoh, jaga jarak, ASN lho aku 😅';
const NOT_THERE = 'Konser di GBK: vibes-nya kayak festival musik tapi isinya kampanye Prabowo. Ga dateng sih, cuma liat IG story temen';
const SECRET_THEN_CHOICE = 'Sudah nyoblos. Rahasia ya, tapi yang pasti saya pilih yang gemoy 😁';
const DISCLAIMER_THEN_PRAISE = 'ini bukan kampanye ya, cuma mau bilang pak prabowo pernah bantuin ibu saya di rs. orang baik 🥹';
const OWN_STICKER = 'Pasang stiker Prabowo-Gibran di helm 😁 bukan kampanye ya';
const OWN_SHIRT = 'Pakai kaos Prabowo-Gibran ke CFD, jangan salah paham ya';
const TWEETS = [STICKER_NOT_MINE, SHIRT_NOT_CAMPAIGN, WATCHED_FROM_AFAR, NOT_THERE, SECRET_THEN_CHOICE, DISCLAIMER_THEN_PRAISE, OWN_STICKER, OWN_SHIRT];

const REFUSED = 'Bu RT minta saya ngajak warga ikut kampanye Prabowo-Gibran di alun-alun, saya tolak';
const HEDGED = 'Tadi malam nonton debat di TV, Pak Ganjar paling tenang jawabnya. Tapi pilihan rahasia lah 🤫';
const OWN_STICKER_JAVANESE = 'Stiker Prabowo-Gibran wis tak pasang nang motorku, mantep 👍';
const JOINS = 'Besok saya ikut kampanye Prabowo-Gibran di alun-alun, sudah daftar ke Bu RT 💪';
const OFFICE_CHAT = [
  '20/01/24 07.00 - Pak Camat: Apel pagi jam 7.30 ya, laporan bulanan dikumpul ke sekcam',
  '20/01/24 07.05 - Bu Rina: Siap pak',
  `20/01/24 07.10 - Bu Rina: ${REFUSED}`,
  `20/01/24 07.20 - Mas Dani: ${JOINS}`,
  `20/01/24 07.30 - Bu Tuti: ${HEDGED}`,
  `20/01/24 07.40 - Mas Dani: ${OWN_STICKER_JAVANESE}`,
].join('\n');

const LABELS = [
  'input,locator,label,prohibition,stance,pair,clean_reason',
  `${SCRAPE},"${STICKER_NOT_MINE}",clean,-,-,-,prayer-or-everyday`,
  `${SCRAPE},"${SHIRT_NOT_CAMPAIGN}",clean,-,-,-,prayer-or-everyday`,
  `${SCRAPE},"${WATCHED_FROM_AFAR}",clean,-,-,-,neutral-discussion`,
  `${SCRAPE},"${NOT_THERE}",clean,-,-,-,neutral-discussion`,
  `${SCRAPE},"${SECRET_THEN_CHOICE}",partisan,3,support,pilpres-2024-02,-`,
  `${SCRAPE},"${DISCLAIMER_THEN_PRAISE}",partisan,3,support,pilpres-2024-02,-`,
  `${SCRAPE},"${OWN_STICKER}",partisan,7,promote,pilpres-2024-02,-`,
  `${SCRAPE},"${OWN_SHIRT}",partisan,4,promote,pilpres-2024-02,-`,
  `${OFFICE},"${REFUSED}",clean,-,-,-,neutral-discussion`,
  `${OFFICE},"${JOINS}",partisan,6,promote,pilpres-2024-02,-`,
  `${OFFICE},"${HEDGED}",partisan,6,support,pilpres-2024-03,-`,
  `${OFFICE},"${OWN_STICKER_JAVANESE}",partisan,7,promote,pilpres-2024-02,-`,
].join('\n');

beforeAll(async () => {
  pack = await loadRulePack();
  const dir = await mkdtemp(path.join(tmpdir(), 'netral-precision-s54-'));
  try {
    await writeFile(path.join(dir, SCRAPE), `${TWEETS.map((t, i) => tweet(i + 1, t)).join('\n')}\n`);
    await writeFile(path.join(dir, OFFICE), OFFICE_CHAT);
    await writeFile(path.join(dir, 'labels.csv'), LABELS);
    set = await loadBlindSet(dir, ALL_ADAPTERS, pack);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // (the pack compiles in the hook: slow on a loaded machine)
}, 120_000);

const findings = (text: string): Finding[] => recordFindings(set, pack, text).findings;
const rules = (text: string) => [...new Set(findings(text).map((f) => f.ruleId))];
const pairs = (text: string) => [...new Set(findings(text).flatMap((f) => f.candidates.map((c) => c.pair)))];

describe('every label is read', () => {
  it('matches each label to one item of its input', () => {
    expect(set.inputs.filter((i) => i.error)).toEqual([]);
    expect(set.unmatched).toEqual([]);
    expect(set.records).toHaveLength(LABELS.split('\n').length - 1);
  });
});

describe('sangkal-penulis: the writer closes by disowning the act', () => {
  it('snscrape: a sticker that is "bukan punya saya", a shirt that is a uniform after "Bukan, … jangan salah paham", a concert the writer "ga dateng" to make no finding', () => {
    expect(findings(STICKER_NOT_MINE)).toEqual([]);
    expect(findings(SHIRT_NOT_CAMPAIGN)).toEqual([]);
    expect(findings(NOT_THERE)).toEqual([]);
  });

  it('WhatsApp Android: a colleague who tells the office chat they refused to bring voters to a rally ("saya tolak") is not found', () => {
    expect(findings(REFUSED)).toEqual([]);
  });

  it('the writer\'s own act keeps its finding, disclaimer or not ("Pasang stiker … bukan kampanye ya", "Pakai kaos … jangan salah paham ya")', () => {
    expect(rules(OWN_STICKER)).toContain('t7-stiker-kendaraan');
    expect(pairs(OWN_STICKER)).toContain('pilpres-2024-02');
    expect(rules(OWN_SHIRT)).toContain('t4-kaos-atribut-kampanye');
  });

  it('WhatsApp Android: the Javanese first-person "tak pasang" (I put it up) is the writer\'s act, not "tidak pasang": the sticker stays found', () => {
    expect(rules(OWN_STICKER_JAVANESE)).toContain('t7-stiker-kendaraan');
    expect(pairs(OWN_STICKER_JAVANESE)).toContain('pilpres-2024-02');
  });

  it('WhatsApp Android: a colleague joining the rally in the same chat is still found', () => {
    expect(findings(JOINS).length).toBeGreaterThan(0);
    expect(pairs(JOINS)).toContain('pilpres-2024-02');
  });
});

describe('netral-penulis: the writer closes by keeping out of it', () => {
  it('snscrape: "jaga jarak, ASN lho aku" after a candidate\'s visit makes no finding', () => {
    expect(findings(WATCHED_FROM_AFAR)).toEqual([]);
  });

  it('a disclaimer followed by a contrast and the writer\'s verdict keeps the finding ("Rahasia ya, tapi …", "bukan kampanye ya, cuma …")', () => {
    expect(pairs(SECRET_THEN_CHOICE)).toContain('pilpres-2024-02');
    expect(pairs(DISCLAIMER_THEN_PRAISE)).toContain('pilpres-2024-02');
  });

  it('WhatsApp Android: a secret kept right after a contrast hedges the verdict just told, and keeps the finding ("… paling tenang jawabnya. Tapi pilihan rahasia lah")', () => {
    expect(pairs(HEDGED)).toContain('pilpres-2024-03');
  });
});
