// The quiet forms (issue 11, stop 55): acts with few or no words of the writer's own. A like of a post
// whose own words take a side (t1-suka-konten-berpihak: the status rules read the liked text as the post
// it is, evaluate.ts contentAsPost), a comment under a post of the pair's team or handle (t1 v12), a
// check-in at a pair's victory party named by its place (sk-tim-pemenangan-perayaan v14), and an event or
// check-in whose own name says a pair's team holds it (t2 v34) — each beside the trap of the same form.
// Read through the real adapters: an X archive's like.js and an analyst's sheet. Every text is invented.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import type { Item } from '../../src/model/item.js';
import { collect, tempDir } from '../ingest/helpers-core.js';
import { writeAt } from './export-writers.js';

const SUKAMAJU = '3299';

/** an X archive (2024 layout) whose like.js holds the liked tweets' texts */
function xLikes(texts: string[]): string {
  const root = join(tempDir(), 'twitter-2024-11-30-rina_dinkes');
  writeAt(root, 'data/account.js', `window.YTD.account.part0 = ${JSON.stringify([{ account: { username: 'rina_dinkes', accountId: '1045678901234567001', accountDisplayName: 'Rina Marlina' } }], null, 2)}`);
  writeAt(root, 'data/like.js', `window.YTD.like.part0 = ${JSON.stringify(texts.map((fullText, i) => ({ like: { tweetId: `17504000000000001${String(i).padStart(2, '0')}`, fullText, expandedUrl: `https://twitter.com/i/web/status/17504000000000001${String(i).padStart(2, '0')}` } })), null, 2)}`);
  return root;
}

/** an analyst's sheet (the Bawaslu layout) with the given rows: [date, platform, kind, target, text] */
function sheet(rows: [string, string, string, string, string][]): string {
  const root = tempDir();
  const lines = ['no,tanggal,nama_asn,jabatan,unit_kerja,platform,akun,jenis,target,isi_postingan,link']
    .concat(rows.map(([date, platform, kind, target, text], i) => `${i + 1},${date},Rina Marlina,Perawat,Puskesmas Cibening,${platform},rina_dinkes,${kind},${target},"${text}",`));
  writeAt(root, 'lembar-analis-bawaslu.csv', `\ufeff${lines.join('\r\n')}\r\n`);
  return join(root, 'lembar-analis-bawaslu.csv');
}

describe('the quiet forms, through the real adapters', () => {
  let pack: RulePack;
  // the pack is compiled once per test process (no cache yet on a fresh checkout)
  beforeAll(async () => {
    pack = await loadRulePack();
  }, 120_000);
  const read = async (input: string): Promise<Item[]> => (await collect([input], {}, ALL_ADAPTERS)).items;
  const judged = (items: Item[]) =>
    items.map((item) => {
      const fs = evaluate(pack, item, { region: SUKAMAJU });
      return { kind: item.kind, rules: fs.map((f) => f.ruleId), forms: fs.map((f) => f.prohibition), sides: fs.flatMap((f) => f.candidates.map((c) => `${c.pair}:${c.stance ?? ''}`)) };
    });

  it('X likes: a liked tweet that calls not to vote for a number or praises a candidate is a like of that pair\'s content; a liked KPU listing, a news report and a greeting are not', async () => {
    const found = judged(await read(xLikes([
      'Bupati petahana gagal urus jalan! Jangan pilih lagi nomor 1 #GantiBupati',
      'Pak Budi Hartono memang pemimpin yang merakyat, semoga menang jadi Bupati Sukamaju! 🙏',
      'KPU tetapkan tiga pasangan calon Bupati Sukamaju: Ahmad Fauzi-Siti Rahmawati nomor 1, Budi Hartono-Dewi Lestari nomor 2, Yusuf Maulana-Ratna Sari nomor 3',
      'Calon Bupati Budi Hartono blusukan ke Pasar Cibening pagi ini, warga antusias menyambut',
      'Selamat ulang tahun Bu Dewi, sehat selalu 🎂',
    ])));
    expect(found.map((f) => f.kind)).toEqual(['reaction', 'reaction', 'reaction', 'reaction', 'reaction']);
    expect(found.map((f) => f.forms)).toEqual([[1], [1], [], [], []]);
    expect(found[0]?.rules).toEqual(['t1-suka-konten-berpihak']);
    // the like leans on the pair as the liked post does (an X like has no time, so a bare ballot
    // number is read in every election the archive may fall in: the regent's race among them)
    expect(found[0]?.sides).toContain('pilkada-2024-3299-01:attack');
    expect(found[1]?.sides).toEqual(['pilkada-2024-3299-02:support']);
  });

  it('an analyst\'s sheet: a wish to win or an answer to a call under a post of the pair\'s blend handle or its volunteers\' page is a comment on the pair\'s content; a request there, or any comment under a catering page, is not', async () => {
    const found = judged(await read(sheet([
      ['12/10/2024 20:10', 'Instagram', 'komentar', 'bude.sukamaju', 'Semoga menang Bu Dewi, guru honorer menunggu janjinya'],
      ['30/09/2024 21:03', 'Facebook', 'komentar', 'Sahabat Fauzi Desa Sukamulya', 'hadir, insyaAllah'],
      ['05/10/2024 12:00', 'Facebook', 'komentar', 'Katering Bude Sukamaju', 'Pesan 50 kotak buat Sabtu bisa?'],
      ['17/11/2024 21:00', 'Instagram', 'komentar', 'bude.sukamaju', 'Pak, nanti honor anggota Satpol PP non-ASN diperhatikan ya'],
    ])));
    // a request under a handle is left to the pair's own page, where any comment is read
    expect(found.map((f) => [f.kind, f.forms])).toEqual([
      ['comment', [1]],
      ['comment', [1]],
      ['comment', []],
      ['comment', []],
    ]);
  });

  it('an analyst\'s sheet: a check-in at a pair\'s victory party or at its volunteers\' gathering is being there; at a club\'s party or a flood volunteers\' muster it is not', async () => {
    const found = judged(await read(sheet([
      ['30/11/2024 20:00', 'Instagram', 'hadir', 'Syukuran Kemenangan Budi-Dewi Kecamatan Cibening', 'Alhamdulillah 🌸🎉'],
      ['30/11/2024 21:00', 'Instagram', 'hadir', 'Syukuran Kemenangan Persib Sukamaju', 'Alhamdulillah juara 🏆'],
      ['12/10/2024 09:00', 'Facebook', 'hadir', 'Silaturahmi Sahabat Budi-Dewi Cibening', 'Ramai sekali 🤲'],
      ['12/10/2024 10:00', 'Facebook', 'hadir', 'Apel Relawan Bencana Banjir Bersama Bupati Ahmad Fauzi', 'Siaga banjir 💪'],
    ])));
    expect(found.map((f) => [f.kind, f.forms])).toEqual([
      ['checkin', ['other']],
      ['checkin', []],
      ['checkin', [2]],
      ['checkin', []],
    ]);
    expect(found[0]?.sides).toEqual(['pilkada-2024-3299-02:support']);
    expect(found[2]?.sides).toEqual(['pilkada-2024-3299-02:support']);
  });
});
