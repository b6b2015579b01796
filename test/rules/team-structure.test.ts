// A campaign team recognised by its structure (rule sk-kegiatan-tim-paslon, issue 11): a team noun bound to a
// candidate's or pair's name form, with the writer taking part in the team's gatherings or work, where the
// registry names no team — as the registry `netral registry import-kpu` makes from KPU's lists never does.
// Registries: the invented KPU governor lists of fixtures/kpu/coinages (Central Java: Randika Sumarno –
// Hendrianto Wibisono, "RanHen"; Budiman Santoso – Lestiani Purbasari). Every text is invented; the items
// come through the real WhatsApp and Facebook adapters.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import { evaluate } from '../../src/rules/evaluate.js';
import type { Item } from '../../src/model/item.js';
import { collect, tempDir } from '../ingest/helpers-core.js';
import { kpuSample } from './kpu-sample.js';
import { facebookPosts, whatsappChat, writeAt } from './export-writers.js';

const SEMARANG = '3374';
const RANHEN = 'pilkada-2024-33-01';
const BUDIMAN = 'pilkada-2024-33-02';
const RULE = 'sk-kegiatan-tim-paslon';

/** a WhatsApp (Android, Indonesian locale) chat export of the given lines, by one sender */
const chat = (name: string, sender: string, lines: string[]): string => whatsappChat(name, sender, lines, (i) => `${String(19 + Math.floor(i / 6)).padStart(2, '0')}.${String((i % 6) * 9 + 1).padStart(2, '0')}`);

/** a Facebook (2025 layout) export whose timeline holds the given posts, during the campaign */
const timeline = (posts: string[]): string => facebookPosts(posts, 1729400000);

describe('a campaign team recognised by its structure, through the real adapters', () => {
  const { pack } = kpuSample('coinages');
  const read = async (input: string): Promise<Item[]> => (await collect([input], {}, ALL_ADAPTERS)).items;
  const judged = (items: Item[]) =>
    items.map((item) => {
      const fs = evaluate(pack(), item, { region: SEMARANG });
      const team = fs.find((f) => f.ruleId === RULE);
      return { text: item.text ?? '', other: fs.some((f) => f.prohibition === 'other'), team, pairs: [...new Set(fs.flatMap((f) => f.candidates.map((c) => c.pair)))] };
    });

  it('Facebook posts: the writer at a team gathering or declaring the team, by the pair name or a coined name', async () => {
    const found = judged(await read(timeline([
      'Relawan Randika-Hendrianto Banyumanik kumpul nang balai RW bengi iki, aku melu koordinasi',
      'Kami tim RanHen tetap solid walau hujan, sampai ketemu di TPS!',
      'Kami dari Relawan Guru untuk Budiman-Lestiani, siap kawal sampai TPS 💪',
      'Laskar RanHen Kecamatan Tembalang solid! Foto bareng habis rapat konsolidasi',
    ])));
    expect(found.map((f) => [f.other, f.pairs])).toEqual([
      [true, [RANHEN]],
      [true, [RANHEN]],
      [true, [BUDIMAN]],
      [true, [RANHEN]],
    ]);
    // the finding names the team, the candidate it is bound to and the act
    const first = found[0]?.team?.explanation.id ?? '';
    expect(first).toContain('“Relawan”');
    expect(first).toContain('Randika-Hendrianto');
    expect(first).toContain('“kumpul”');
    expect(found[0]?.team?.candidates.map((c) => [c.pair, c.stance])).toEqual([[RANHEN, 'support']]);
    expect(found[1]?.team?.explanation.id).toContain('RanHen');
  });

  it('Facebook posts: the same nouns of other teams, reports and refusals are no team work', async () => {
    const found = judged(await read(timeline([
      'Relawan Randika-Hendrianto menggelar rapat konsolidasi di Banyumanik, dihadiri 300 orang',
      'Relawan PMI kumpul di posko banjir Genuk, saya ikut bantu evakuasi, Pak Randika Sumarno meninjau',
      'Tim futsal Budiman kumpul jam 7 di GOR, saya bawa bola',
      'Maaf ga bisa ikut rapat relawan RanHen malam ini, ada lembur',
      'ASN dilarang ikut kumpul relawan Randika-Hendrianto maupun paslon lain. Jaga netralitas ASN!',
      'Kami relawan demokrasi KPU kumpul di kelurahan, sosialisasi paslon Randika-Hendrianto dan Budiman-Lestiani',
    ])));
    expect(found.map((f) => [f.text.slice(0, 24), f.team === undefined])).toEqual(found.map((f) => [f.text.slice(0, 24), true]));
  });

  it('Facebook events: the declaration of a named pair\'s volunteers joined is joining the team; KPU\'s event is not', async () => {
    const root = join(tempDir(), 'facebook-sri.guru-2024-12-01-Ev7Rt');
    writeAt(root, 'your_facebook_activity/events/your_event_responses.json', JSON.stringify({
      event_responses_v2: {
        events_joined: [
          { name: 'Deklarasi Relawan Nakes untuk Randika-Hendrianto Kota Semarang', start_timestamp: 1728900000, end_timestamp: 1728910000 },
          { name: 'Deklarasi Kampanye Damai KPU Kota Semarang bersama Relawan Demokrasi', start_timestamp: 1728900000, end_timestamp: 1728910000 },
        ],
        events_declined: [],
        events_interested: [],
      },
    }, null, 2));
    const items = (await read(root)).filter((i) => i.kind === 'event');
    const found = judged(items);
    expect(found.map((f) => [f.team !== undefined, f.pairs])).toEqual([
      [true, [RANHEN]],
      [false, []],
    ]);
    // the team's own event is this form, not a rally attended (t2)
    expect(evaluate(pack(), items[0] as Item, { region: SEMARANG }).map((f) => f.ruleId)).toEqual([RULE]);
  });

  it('WhatsApp: in the team\'s own chat, the team\'s work told or called for names the pair by the chat', async () => {
    const found = judged(await read(chat('Tim Pemenangan RanHen Tembalang', 'Sri Wahyuni', [
      'Kaos tim sudah saya bagikan ke ibu-ibu PKK, aman',
      'Besok kumpul di posko jam 8 ya, merapat semua',
      'Alhamdulillah namaku sudah masuk SK relawan kelurahan, siap kerja 💪',
      'Maaf ga bisa ikut rapat malam ini, ada lembur',
    ])));
    expect(found.map((f) => [f.team !== undefined, f.pairs])).toEqual([
      [true, [RANHEN]],
      [true, [RANHEN]],
      [true, [RANHEN]],
      [false, []],
    ]);
  });

  it('WhatsApp: the same words in an office chat name no team', async () => {
    const found = judged(await read(chat('Staf Kecamatan Tembalang', 'Sri Wahyuni', [
      'Besok kumpul di aula jam 8 ya, merapat semua',
      'Tim voli kantor rapat jam 4, saya yang pimpin',
    ])));
    expect(found.map((f) => f.other)).toEqual([false, false]);
  });
});
