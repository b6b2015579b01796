// Acts told in text (stop 53, issue 11): the writer at a pair's event told by what the candidate did
// in front of them ("Pak Budi nyalaman hiji-hiji", "ketemu Bu Dewi langsung"), a gathering with the
// candidate ("ikut dialog warga bareng Pak Fauzi"), the writer's plan to go ("abdi bade ka kampanye
// akbar …"), a caption that is only the going word and the pair's hashtag; and a pair's programme of
// free uniforms, which is no campaign shirt. Invented texts read through the real adapters (WhatsApp
// Android and iOS, Telegram Desktop) as `netral scan` reads a chat, both ways.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlindSet } from '../../src/eval/blind.js';
import type { Finding } from '../../src/model/finding.js';
import { makeItem } from '../../src/model/item.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { readLabelledChats, recordFindings } from './labelled-chats.js';

let pack: RulePack;
let set: BlindSet;

const HEADER = 'input,locator,label,prohibition,stance,pair,clean_reason';
const ANDROID = 'Chat WhatsApp dengan Keluarga Besar Cibiru.txt';
const IOS = 'WhatsApp Chat - Warga RT 05 Sukamulya';
const TELEGRAM = 'telegram-alumni-smansa';

// every text is invented for this test
const ANDROID_CHAT = [
  '16/11/24 10.00 - Euis: Seru jalan santai tadi, Pak Yusuf nyalaman hiji-hiji 😁',
  '16/11/24 10.05 - Asep: Mari teko alun-alun, rame pol, Pak Budi pidato apik 👍',
  '16/11/24 10.10 - Euis: Tadi Pak Budi pidato di TV, rame juga ternyata',
  '16/11/24 10.15 - Dede: Bapak saya ketemu Pak Budi tadi di pasar, katanya ramah',
].join('\n');

const IOS_CHAT = [
  '[16/11/24, 19.00.00] Bu Rina: Seru abis tadi di lapangan ketemu Bu Dewi langsung, dapet topi 😍',
  '[16/11/24, 19.05.00] Pak Heru: Kemarin Pak Yusuf joget di panggung, videonya lucu banget 😂',
  '[16/11/24, 19.10.00] Bu Rina: Seragam gratis Budi-Dewi itu cuma janji, anggarannya dari mana? 🙄',
].join('\n');

/** a Telegram Desktop export of an alumni group */
function telegramExport(): string {
  const msg = (id: number, from: string, text: string, minute: number) => ({
    id,
    type: 'message',
    date: `2024-11-16T20:${String(minute).padStart(2, '0')}:00`,
    from,
    from_id: `user${from.length}${id}`,
    text,
    text_entities: [{ type: 'plain', text }],
  });
  return JSON.stringify({
    name: 'Alumni SMANSA 2004',
    type: 'private_supergroup',
    id: 5550053,
    messages: [
      msg(1, 'Andi', 'Kemarin ikut dialog warga bareng Pak Fauzi di balai desa, beliau paham soal petani', 0),
      msg(2, 'Rahmi', 'Abdi bade ka kampanye akbar Yusuf-Ratna di lapangan, sareng kulawarga', 1),
      msg(3, 'Andi', 'Tadi ketemu Pak Budi waktu peresmian puskesmas, beliau menyapa rombongan guru 🙏', 2),
      msg(4, 'Rahmi', 'Aku ora arep nang kampanye Budi-Dewi, kerja wae', 3),
      msg(5, 'Daeng Baso', 'Datangka tadi di kampanye akbar Budi-Dewi di lapangan, rame sekali', 4),
      msg(6, 'Daeng Baso', 'Kampanye Budi-Dewi bikin macet, pergika ke pasar ji', 5),
    ],
  });
}

const LABELS = [
  HEADER,
  `${ANDROID},"Seru jalan santai tadi, Pak Yusuf nyalaman hiji-hiji 😁",partisan,2,support,pilkada-2024-3299-03,-`,
  `${ANDROID},"Mari teko alun-alun, rame pol, Pak Budi pidato apik 👍",partisan,2,support,pilkada-2024-3299-02,-`,
  `${ANDROID},"Tadi Pak Budi pidato di TV, rame juga ternyata",clean,-,-,-,neutral-discussion`,
  `${ANDROID},"Bapak saya ketemu Pak Budi tadi di pasar, katanya ramah",clean,-,-,-,prayer-or-everyday`,
  `${IOS},"Seru abis tadi di lapangan ketemu Bu Dewi langsung, dapet topi 😍",partisan,2,support,pilkada-2024-3299-02,-`,
  `${IOS},"Kemarin Pak Yusuf joget di panggung, videonya lucu banget 😂",clean,-,-,-,neutral-discussion`,
  `${IOS},"Seragam gratis Budi-Dewi itu cuma janji, anggarannya dari mana? 🙄",partisan,3,attack,pilkada-2024-3299-02,-`,
  `${TELEGRAM},"Kemarin ikut dialog warga bareng Pak Fauzi di balai desa, beliau paham soal petani",partisan,2,support,pilkada-2024-3299-01,-`,
  `${TELEGRAM},"Abdi bade ka kampanye akbar Yusuf-Ratna di lapangan, sareng kulawarga",partisan,2,support,pilkada-2024-3299-03,-`,
  `${TELEGRAM},"Tadi ketemu Pak Budi waktu peresmian puskesmas, beliau menyapa rombongan guru 🙏",clean,-,-,-,official-duty`,
  `${TELEGRAM},"Aku ora arep nang kampanye Budi-Dewi, kerja wae",clean,-,-,-,prayer-or-everyday`,
  `${TELEGRAM},"Datangka tadi di kampanye akbar Budi-Dewi di lapangan, rame sekali",partisan,2,support,pilkada-2024-3299-02,-`,
  `${TELEGRAM},"Kampanye Budi-Dewi bikin macet, pergika ke pasar ji",clean,-,-,-,prayer-or-everyday`,
].join('\n');

beforeAll(async () => {
  pack = await loadRulePack();
  set = await readLabelledChats({ android: { name: ANDROID, text: ANDROID_CHAT }, ios: { name: IOS, text: IOS_CHAT }, telegram: { name: TELEGRAM, json: telegramExport() }, labels: LABELS }, pack);
}, 120_000);

/** the findings of one prohibition on the labelled message whose text is `text` */
function findingsOf(text: string, prohibition: Finding['prohibition']): Finding[] {
  return recordFindings(set, pack, text).findings.filter((f) => f.prohibition === prohibition);
}

/** the pairs a set of findings names */
function pairs(findings: Finding[]): string[] {
  return [...new Set(findings.flatMap((f) => f.candidates.map((c) => c.pair)))];
}

describe('every label of the chats is read', () => {
  it('matches each label to one item of its export', () => {
    expect(set.unmatched).toEqual([]);
    expect(set.records).toHaveLength(LABELS.split('\n').length - 1);
  });
});

describe('the candidate met in person puts the writer at the pair\'s event (prohibition 2)', () => {
  it('WhatsApp Android: the candidate shaking hands or giving a speech where the writer was', () => {
    expect(pairs(findingsOf('Seru jalan santai tadi, Pak Yusuf nyalaman hiji-hiji 😁', 2))).toEqual(['pilkada-2024-3299-03']);
    expect(pairs(findingsOf('Mari teko alun-alun, rame pol, Pak Budi pidato apik 👍', 2))).toEqual(['pilkada-2024-3299-02']);
  });

  it('WhatsApp iOS: the writer met the candidate there', () => {
    expect(pairs(findingsOf('Seru abis tadi di lapangan ketemu Bu Dewi langsung, dapet topi 😍', 2))).toEqual(['pilkada-2024-3299-02']);
  });

  it('Telegram: a dialogue with the candidate joined, and the writer\'s plan to go to the rally', () => {
    expect(pairs(findingsOf('Kemarin ikut dialog warga bareng Pak Fauzi di balai desa, beliau paham soal petani', 2))).toEqual(['pilkada-2024-3299-01']);
    expect(pairs(findingsOf('Abdi bade ka kampanye akbar Yusuf-Ratna di lapangan, sareng kulawarga', 2))).toEqual(['pilkada-2024-3299-03']);
  });

  it('Telegram, Makassar Malay: the going verb with the enclitic -ka ("I") bound to the rally', () => {
    expect(pairs(findingsOf('Datangka tadi di kampanye akbar Budi-Dewi di lapangan, rame sekali', 2))).toEqual(['pilkada-2024-3299-02']);
    // the rally only the cause of a jam, the writer going to the market
    expect(findingsOf('Kampanye Budi-Dewi bikin macet, pergika ke pasar ji', 2)).toEqual([]);
  });

  it('the finding shows the writer on the pair\'s side', () => {
    const [f] = findingsOf('Seru jalan santai tadi, Pak Yusuf nyalaman hiji-hiji 😁', 2);
    expect(f?.candidates.find((c) => c.pair === 'pilkada-2024-3299-03')?.stance).toBe('support');
  });
});

describe('no attendance when the candidate was seen elsewhere, met by someone else, on duty, or the plan is denied', () => {
  it('on television or in a video', () => {
    expect(findingsOf('Tadi Pak Budi pidato di TV, rame juga ternyata', 2)).toEqual([]);
    expect(findingsOf('Kemarin Pak Yusuf joget di panggung, videonya lucu banget 😂', 2)).toEqual([]);
  });

  it('someone else met the candidate, or an official met at an inauguration', () => {
    expect(findingsOf('Bapak saya ketemu Pak Budi tadi di pasar, katanya ramah', 2)).toEqual([]);
    expect(findingsOf('Tadi ketemu Pak Budi waktu peresmian puskesmas, beliau menyapa rombongan guru 🙏', 2)).toEqual([]);
  });

  it('the plan denied', () => {
    expect(findingsOf('Aku ora arep nang kampanye Budi-Dewi, kerja wae', 2)).toEqual([]);
  });
});

describe('a pair\'s programme of free uniforms is no campaign shirt (prohibition 4)', () => {
  it('WhatsApp iOS: the programme doubted makes no shirt finding', () => {
    expect(findingsOf('Seragam gratis Budi-Dewi itu cuma janji, anggarannya dari mana? 🙄', 4)).toEqual([]);
  });

  it('the pair\'s own shirt worn beside the programme keeps the finding', () => {
    const item = makeItem({ platform: 'instagram', kind: 'post', source: { captureId: 'c', path: 'p', pointer: '/0' }, text: 'Seragam gratis mah engke, ayeuna mah kaos Budi-Dewi heula dianggo ka pasar 😁', time: '2024-11-12T05:00:00Z' });
    const shirt = evaluate(pack, item, { region: '3299' }).filter((f) => f.prohibition === 4);
    expect(pairs(shirt)).toEqual(['pilkada-2024-3299-02']);
  });
});

describe('a caption that is only the going word and the pair\'s hashtag', () => {
  const at = (text: string) => makeItem({ platform: 'instagram', kind: 'post', source: { captureId: 'c', path: 'p', pointer: '/0' }, text, hashtags: ['BudiDewi2024'], time: '2024-11-16T09:00:00Z' });

  it('is the writer on the way to the pair\'s event', () => {
    expect(pairs(evaluate(pack, at('Otw lapangan 💙 #BudiDewi2024'), { region: '3299' }).filter((f) => f.prohibition === 2))).toEqual(['pilkada-2024-3299-02']);
  });

  it('is not when the caption goes on about an errand or a meeting at work', () => {
    expect(evaluate(pack, at('Otw kantor #BudiDewi2024'), { region: '3299' }).filter((f) => f.prohibition === 2)).toEqual([]);
    expect(evaluate(pack, at('Hadir di rapat dinas pagi ini, lanjut kerja #BudiDewi2024'), { region: '3299' }).filter((f) => f.prohibition === 2)).toEqual([]);
  });
});
