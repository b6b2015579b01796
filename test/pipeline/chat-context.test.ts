// A chat reply borrows the pair and topic of the message it answers (Telegram reply_to) or of the
// messages just before it (WhatsApp has no reply ids); the finding stays with the reply's sender.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item } from '../../src/model/item.js';
import { ChatContext } from '../../src/pipeline/chat-context.js';
import { decodeBatch, encodeBatch } from '../../src/pipeline/eval-pool.js';
import { runScan, type ScanResult } from '../../src/pipeline/scan.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { openStore } from '../../src/store/store.js';
import { showFinding } from '../../src/store/evidence.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

function message(text: string, time: string, extra: Partial<Item> = {}): Item {
  return makeItem({
    platform: 'telegram',
    kind: 'message',
    text,
    time,
    context: { kind: 'group', name: 'Staf Kecamatan', id: '7' },
    source: { captureId: 'c1', path: 'result.json', pointer: `/messages/${time}` },
    ...extra,
  });
}

describe('ChatContext', () => {
  it('gives the replied message when the reply names it, and nothing else', () => {
    const chats = new ChatContext();
    const a = message('pertama', '2024-11-05T01:00:00Z', { thread: { messageId: '1' } });
    const b = message('kedua', '2024-11-05T01:01:00Z', { thread: { messageId: '2' } });
    chats.remember(a);
    chats.remember(b);
    const reply = message('balas', '2024-11-05T01:02:00Z', { thread: { messageId: '3', replyTo: '1' } });
    expect(chats.contextFor(reply).map((t) => [t.item.text, t.via])).toEqual([['pertama', 'reply']]);
    // a reply to a message no longer remembered leans on none
    expect(chats.contextFor(message('x', '2024-11-05T01:03:00Z', { thread: { replyTo: '99' } }))).toEqual([]);
  });

  it('without a reply id: at most 3 earlier messages of the same chat, within 30 minutes, newest first', () => {
    const chats = new ChatContext();
    for (const [i, t] of ['00:10', '00:40', '00:45', '00:50', '00:55'].entries()) chats.remember(message(`m${i}`, `2024-11-05T${t}:00Z`));
    chats.remember(makeItem({ ...message('other chat', '2024-11-05T00:58:00Z'), context: { kind: 'group', name: 'Keluarga' } }));
    const now = message('now', '2024-11-05T01:00:00Z');
    expect(chats.contextFor(now).map((t) => t.item.text)).toEqual(['m4', 'm3', 'm2']);
    expect(chats.contextFor(message('later', '2024-11-05T02:00:00Z'))).toEqual([]);
  });

  it('topicFor: the earlier messages of the same chat beyond those it leans on, within the topic bounds, newest first', () => {
    const chats = new ChatContext({ window: 1, windowMinutes: 30, remember: 20, maxChats: 10, topic: 2, topicMinutes: 3 * 24 * 60 });
    for (const [i, t] of ['2024-10-01T01:00', '2024-10-20T01:00', '2024-10-21T01:00', '2024-10-22T00:50'].entries()) chats.remember(message(`m${i}`, `${t}:00Z`));
    chats.remember(makeItem({ ...message('other chat', '2024-10-22T00:55:00Z'), context: { kind: 'group', name: 'Keluarga' } }));
    const now = message('now', '2024-10-22T01:00:00Z');
    const thread = chats.threadFor(now);
    // m3 is the window message it leans on; m2 and m1 are read for the names they hold; m0 is too old and beyond the count
    expect(thread.map((t) => [t.item.text, t.via])).toEqual([['m3', 'window'], ['m2', 'chat'], ['m1', 'chat']]);
    expect(chats.contextFor(now).map((t) => t.item.text)).toEqual(['m3']);
    expect(chats.topicFor(message('no time', '2024-10-22T01:00:00Z', { time: undefined }))).toEqual([]);
  });

  it('a chat message without a chat name or id is one chat by its file: it leans on the messages before it, not on another file\'s', () => {
    const chats = new ChatContext();
    const bare = (text: string, time: string, captureId = 'c1') => makeItem({ ...message(text, time), platform: 'whatsapp', context: undefined, source: { captureId, path: '_chat.txt', pointer: `/${time}` } });
    chats.remember(bare('kaos Fauzi', '2024-11-05T00:59:00Z'));
    chats.remember(bare('lain berkas', '2024-11-05T00:59:30Z', 'c2'));
    expect(chats.threadFor(bare('aku juga', '2024-11-05T01:00:00Z')).map((t) => [t.item.text, t.via])).toEqual([['kaos Fauzi', 'window']]);
    // a post is not a chat message, nor a row of a sheet without a chat: they lean on nothing
    expect(chats.threadFor(makeItem({ ...bare('aku juga', '2024-11-05T01:00:00Z'), kind: 'post' }))).toEqual([]);
    chats.remember(makeItem({ ...bare('kaos Fauzi', '2024-11-05T00:59:00Z', 'c3'), platform: 'x' }));
    expect(chats.threadFor(makeItem({ ...bare('aku juga', '2024-11-05T01:00:00Z', 'c3'), platform: 'x' }))).toEqual([]);
  });

  it('a remembered message\'s thread entry is made once and shared by the messages after it', () => {
    const chats = new ChatContext();
    chats.remember(message('m0', '2024-11-05T00:50:00Z'));
    const a = chats.threadFor(message('a', '2024-11-05T00:55:00Z'));
    const b = chats.threadFor(message('b', '2024-11-05T00:56:00Z'));
    expect(a[0]).toBe(b[0]);
  });

  it('a batch sent to a worker holds each message once and gives back the same items and threads', () => {
    const chats = new ChatContext();
    const ms = ['m0', 'm1', 'm2', 'm3'].map((t, i) => message(t, `2024-11-05T00:5${i}:00Z`, { thread: { messageId: String(i) } }));
    const requests = ms.map((item) => {
      const thread = chats.threadFor(item);
      chats.remember(item);
      return { item, thread };
    });
    requests.push({ item: message('r', '2024-11-05T00:59:00Z', { thread: { replyTo: '1' } }), thread: [{ item: ms[1]!, via: 'reply' as const }] });
    const sent = structuredClone(encodeBatch(7, requests));
    expect(sent.id).toBe(7);
    expect(sent.messages).toHaveLength(5);
    const back = decodeBatch(sent);
    expect(back.map((r) => [r.item.text, r.thread.map((m) => `${m.item.text}/${m.via}`)])).toEqual(requests.map((r) => [r.item.text, r.thread.map((m) => `${m.item.text}/${m.via}`)]));
    // the earlier message is one object in the worker too: what is memoised for it serves every item leaning on it
    expect(back[2]!.thread[0]!.item).toBe(back[1]!.item);
  });

  it('stays bounded: a small ring per chat and a cap on chats', () => {
    const chats = new ChatContext({ window: 3, windowMinutes: 30, remember: 2, maxChats: 2, topic: 2, topicMinutes: 60 });
    const inChat = (name: string, text: string, id: string) =>
      makeItem({ ...message(text, '2024-11-05T01:00:00Z', { thread: { messageId: id } }), context: { kind: 'group', name } });
    chats.remember(inChat('A', 'a1', '1'));
    chats.remember(inChat('A', 'a2', '2'));
    chats.remember(inChat('A', 'a3', '3'));
    expect(chats.contextFor(inChat('A', 'r', '9')).map((t) => t.item.text)).toEqual(['a3', 'a2']);
    chats.remember(inChat('B', 'b1', '1'));
    chats.remember(inChat('C', 'c1', '1'));
    // chat A was least recently used and is forgotten
    expect(chats.contextFor(inChat('A', 'r', '9'))).toEqual([]);
    expect(chats.contextFor(inChat('C', 'r', '9')).map((t) => t.item.text)).toEqual(['c1']);
  });
});

describe('ChatContext.timelineFor', () => {
  const post = (text: string, time: string, extra: Partial<Item> = {}): Item =>
    makeItem({ platform: 'tiktok', kind: 'post', text, time, actor: { handle: 'pak.guru' }, source: { captureId: 'c9', path: 'user_data_tiktok.json', pointer: `/${time}` }, ...extra });

  it('gives the same account\'s other posts of the export, either order, nearest first, read only for names', () => {
    const chats = new ChatContext();
    const later = post('b', '2024-10-22T00:00:00Z');
    const earlier = post('a', '2024-10-10T00:00:00Z');
    chats.remember(later); // a newest-first export
    chats.remember(earlier);
    const now = post('c', '2024-10-20T00:00:00Z', { kind: 'comment' });
    expect(chats.timelineFor(now).map((t) => [t.item.text, t.via])).toEqual([['b', 'chat'], ['a', 'chat']]);
    // nor another account's posts, nor another export's, nor posts beyond the topic bounds
    expect(chats.timelineFor(post('d', '2024-10-20T00:00:00Z', { actor: { handle: 'lain' } }))).toEqual([]);
    expect(chats.timelineFor(post('e', '2024-10-20T00:00:00Z', { source: { captureId: 'c10', path: 'x', pointer: '/0' } }))).toEqual([]);
    expect(chats.timelineFor(post('f', '2025-06-20T00:00:00Z'))).toEqual([]);
  });

  it('chat messages have none (their chat is their context), and their posts do not join a timeline', () => {
    const chats = new ChatContext();
    chats.remember(message('pesan', '2024-11-05T01:00:00Z'));
    expect(chats.timelineFor(message('balas', '2024-11-05T01:01:00Z'))).toEqual([]);
    expect(chats.threadFor(makeItem({ platform: 'tiktok', kind: 'post', text: 'x', time: '2024-11-05T01:02:00Z', source: { captureId: 'c1', path: 'p', pointer: '/1' } }))).toEqual([]);
  });
});

describe('scan: a short name read through the account\'s own timeline', () => {
  let pack: RulePack;
  let dir: string;
  let result: ScanResult;
  let store: ReturnType<typeof openStore>;
  beforeAll(async () => {
    pack = await loadRulePack();
    dir = mkdtempSync(path.join(tmpdir(), 'netral-timeline-'));
    store = openStore(path.join(dir, 'netral.db'));
    result = await runScan({ inputs: [path.join(FIXTURES, 'tiktok/timeline-short-names')], pack, store, ingest: { timezone: 'Asia/Jakarta', skipBad: false }, actor: 'test', command: 'test', region: '3299' });
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('"Mantap Ustadz Yusuf" after a recap that named Yusuf Maulana in full is praise of pair 3, and says where the name was read', () => {
    const praise = result.findings.filter((f) => f.item.text?.startsWith('Mantap Ustadz Yusuf'));
    expect(praise.map((f) => f.finding.prohibition)).toEqual([3]);
    expect(praise[0]?.finding.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-03']);
    expect(praise[0]?.finding.explanation.en).toContain('another post of the same account');
    // the recap itself and the greeting take no side
    expect(result.findings.filter((f) => !f.item.text?.startsWith('Mantap'))).toEqual([]);
  });
});

describe('scan: replies lean on the message they answer', () => {
  let pack: RulePack;
  let dir: string;
  let telegram: ScanResult;
  let whatsapp: ScanResult;
  let office: ScanResult;
  let renamed: ScanResult;
  let store: ReturnType<typeof openStore>;
  beforeAll(async () => {
    pack = await loadRulePack();
    dir = mkdtempSync(path.join(tmpdir(), 'netral-thread-'));
    store = openStore(path.join(dir, 'netral.db'));
    const scan = (input: string) =>
      runScan({ inputs: [path.join(FIXTURES, input)], pack, store, ingest: { timezone: 'Asia/Jakarta', skipBad: false }, actor: 'test', command: 'test', region: '3299' });
    telegram = await scan('telegram/reply-thread-sundanese');
    whatsapp = await scan('whatsapp/window-thread-javanese');
    office = await scan('eval/dev-threads/whatsapp-jawa');
    // the same chat as a file not named the way WhatsApp names its exports: no chat name, still one chat
    copyFileSync(path.join(FIXTURES, 'whatsapp/window-thread-javanese/Chat WhatsApp dengan Dewan Guru SDN 4 Sukamaju.txt'), path.join(dir, 'obrolan.txt'));
    renamed = await runScan({ inputs: [path.join(dir, 'obrolan.txt')], pack, store, ingest: { timezone: 'Asia/Jakarta', skipBad: false }, actor: 'test', command: 'test', region: '3299' });
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const bySender = (r: ScanResult, name: string) => r.findings.filter((f) => f.item.actor?.name === name);

  it('a Sundanese "me too, on my motorbike" reply to a sticker message is a sticker-on-vehicle finding of the replier', () => {
    const reply = bySender(telegram, 'Rina Marlina');
    expect(reply.map((f) => f.finding.ruleId)).toContain('t7-stiker-kendaraan');
    const f = reply.find((x) => x.finding.ruleId === 't7-stiker-kendaraan')!.finding;
    expect(f.spans.filter((s) => s.field === 'thread').map((s) => s.text)).toEqual(expect.arrayContaining(['Stiker', 'Budi-Dewi']));
    expect(f.spans.filter((s) => s.field === 'text').map((s) => s.text)).toContain('motor');
    expect(f.explanation.en).toContain('Read together with the message it replies to (Asep Saepudin');
    expect(f.explanation.en).toContain('#501');
    // the earlier message's time in the subject's zone (region 3299 → WIB), not a UTC ISO string
    expect(f.explanation.en).toMatch(/Asep Saepudin, \d{4}-\d\d-\d\d \d\d:\d\d WIB/);
    expect(f.explanation.en).not.toMatch(/T\d\d:\d\d:\d\d/);
    expect(f.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
  });

  it('a thank-you reply and a reply to an office notice borrow nothing', () => {
    expect(bySender(telegram, 'Dedi Kurniawan')).toEqual([]);
    expect(telegram.findings.filter((f) => f.item.text?.startsWith('Siap, motor'))).toEqual([]);
  });

  it('the stored finding keeps the borrowed words as spans of field thread', () => {
    const id = bySender(telegram, 'Rina Marlina')[0]!.finding.id;
    const detail = showFinding(store, id);
    expect(detail?.finding.spans.some((s) => s.field === 'thread')).toBe(true);
  });

  it('WhatsApp has no reply ids: "aku yo wis tak enggo" right after a shirt message leans on it', () => {
    const rina = bySender(whatsapp, 'Rina Marlina');
    expect(rina.map((f) => f.finding.ruleId)).toEqual(['t4-kaos-atribut-kampanye']);
    expect(rina[0]!.finding.explanation.id).toContain('Dibaca bersama pesan sebelumnya');
    // the same words two hours later, about a sports shirt, lean on nothing
    expect(bySender(whatsapp, 'Bayu Prasetyo')).toEqual([]);
  });

  it('a WhatsApp file without the export\'s name still reads its replies in context', () => {
    expect(renamed.findings.every((f) => f.item.context === undefined)).toBe(true);
    const rina = bySender(renamed, 'Rina Marlina');
    expect(rina.map((f) => f.finding.ruleId)).toEqual(['t4-kaos-atribut-kampanye']);
    expect(rina[0]!.finding.explanation.id).toContain('Dibaca bersama pesan sebelumnya');
    expect(bySender(renamed, 'Bayu Prasetyo')).toEqual([]);
  });

  it('agreeing with a call in a Javanese office chat is the replier\'s office finding, leaning on the call; refusing and apologising borrow nothing', () => {
    const slamet = office.findings.filter((f) => f.item.actor?.name === 'Pak Slamet' && f.item.text === 'Podo mas, aku melu');
    expect(slamet.map((f) => f.finding.prohibition)).toEqual([6]);
    const f = slamet[0]!.finding;
    expect(f.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-01']);
    expect(f.explanation.id).toContain('Dibaca bersama pesan sebelumnya di obrolan yang sama (Mas Joko');
    expect(showFinding(store, f.id)?.finding.spans.some((s) => s.field === 'thread' && s.text.includes('Fauzi'))).toBe(true);
    for (const text of ['Aku ora melu mbak, anakku lara', 'Nggih pak, nyuwun pangapunten', 'Sepakat pak, ojo bahas politik nang grup', '👍🔥', 'Aku yo wis']) {
      expect(office.findings.filter((x) => x.item.text === text), text).toEqual([]);
    }
  });
});
