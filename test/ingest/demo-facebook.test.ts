import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { collect, tempDir } from './helpers-core.js';

const DEMO = 'fixtures/demo/facebook-rinamarlina-20241201-x7k2.zip';
const wib = (s: string): string => new Date(`${s}+07:00`).toISOString();

describe('demo Facebook export of Rina Marlina', async () => {
  const { items, captures } = await collect([DEMO]);
  const byText = (text: string) => items.find((i) => i.text === text || i.media.some((m) => m.caption === text));

  test('the committed zip is byte-for-byte what build-demo.mjs builds from demo-source/facebook', () => {
    const out = tempDir();
    execFileSync(process.execPath, ['fixtures/demo-source/build-demo.mjs', out], { stdio: 'pipe' });
    expect(readFileSync(join(out, 'demo', 'facebook-rinamarlina-20241201-x7k2.zip')).equals(readFileSync(DEMO))).toBe(true);
  });

  test('every item is Rina Marlina\u2019s, read from a 2024+ layout member of the zip', () => {
    expect(captures[0]?.capture.origin).toBe(DEMO);
    expect(items.length).toBe(31);
    expect(items.every((i) => i.actor?.name === 'Rina Marlina')).toBe(true);
    expect(items.every((i) => /^(your_facebook_activity|personal_information)\//.test(i.source.path))).toBe(true);
  });

  test('the violating activity is in the export as the scenario describes it', () => {
    const follows = items.filter((i) => i.kind === 'follow').map((i) => [i.target?.name, i.target?.url, i.time]);
    expect(follows).toContainEqual(['Prabowo Subianto', 'https://www.facebook.com/PrabowoSubianto', wib('2023-12-02T20:21:00')]);
    expect(follows).toContainEqual(['Anies Baswedan', 'https://www.facebook.com/aniesbaswedan', wib('2023-11-20T21:03:00')]);
    expect(items.find((i) => i.kind === 'reaction' && i.target?.name === 'Ganjar Pranowo')).toMatchObject({
      reaction: 'LIKE',
      target: { url: 'https://www.facebook.com/GanjarPranowo/posts/pfbid0abc' },
      time: wib('2024-01-15T21:05:00'),
    });
    expect(items.find((i) => i.kind === 'reaction' && i.target?.name === 'Prabowo Subianto')).toMatchObject({ reaction: 'LOVE', time: wib('2024-01-28T20:14:00') });
    expect(byText('Program makan siang gratis dari Prabowo-Gibran pasti bikin anak sekolah sehat! Ayo coblos 02 tanggal 14 Februari ✌️ #PrabowoGibran2024')).toMatchObject({
      time: wib('2024-01-20T19:32:00'),
      hashtags: ['PrabowoGibran2024'],
    });
    const events = items.filter((i) => i.kind === 'event' && i.event?.response === 'joined').map((i) => [i.event?.name, i.event?.start]);
    expect(events).toEqual([
      ['Kampanye Akbar Prabowo-Gibran di GBK', wib('2024-02-10T08:00:00')],
      ['Nonton Bareng Langsung Debat Kelima Capres 2024 di JCC Senayan', wib('2024-02-04T19:00:00')],
    ]);
    expect(byText('Hadir langsung di debat capres malam ini, seru! #DebatCapres')?.place?.name).toBe('Jakarta Convention Center');
    const kaos = byText('Kaos baru dari relawan 😍 kaos Ganjar-Mahfud #GanjarMahfud2024');
    expect(kaos?.media[0]).toMatchObject({ mediaType: 'image/jpeg', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    expect(kaos?.media[0]?.uri).toMatch(/^your_facebook_activity\/posts\/media\/.+\.jpg$/);
    expect(byText('Pose tiga jari bareng tim pemenangan 🤟 Sat set! #GanjarMahfud')?.time).toBe(wib('2024-02-08T15:25:00'));
    expect(byText('Stiker Pak Budi Hartono nomor 2 sudah nempel di mobil pribadi saya 🚗 #BudiDewi2024')?.time).toBe(wib('2024-11-05T18:10:00'));
    expect(
      byText('Tadi di ruang rapat kantor Dinas kami sepakat: satu kantor harus pilih paslon nomor 2, Budi–Dewi! Yang belum yakin, nanti saya jelaskan programnya.')?.time,
    ).toBe(wib('2024-11-12T16:20:00'));
    expect(items.find((i) => i.kind === 'membership' && i.target?.name === 'Relawan Prabowo-Gibran Sukamaju')?.time).toBe(wib('2023-12-10T20:30:00'));
    expect(byText('Setuju pak, lanjutkan! 02 menang satu putaran 💪')).toMatchObject({ kind: 'comment', target: { kind: 'post', name: 'Prabowo Subianto' } });
  });

  test('the clean activity is there too', () => {
    for (const text of [
      'Apel Netralitas ASN hari ini di halaman kantor. Ingat: ASN dilarang like, comment, share konten paslon dan dilarang foto dengan pose jari! #NetralitasASN #ASNNetral',
      'Aamiin ya Allah, semoga anak-anak kelas 6 lulus ujian 🙏',
      'Rapat warga RT 01/RW 02 besok jam 2 siang di balai desa',
      'Ayo ke TPS tanggal 14 Februari! Jangan golput. Kenali paslon 01, 02 dan 03 di infopemilu.kpu.go.id #PemiluDamai',
      'Liburan ke pantai bareng keluarga ✌️😄',
      'Alhamdulillah program Makan Bergizi Gratis mulai dibagikan di sekolah kami hari ini',
    ]) {
      expect(byText(text), text).toBeDefined();
    }
    const pages = items.filter((i) => i.kind === 'follow').map((i) => i.target?.name);
    expect(pages).toEqual(expect.arrayContaining(['Dinas Pendidikan Kabupaten Sukamaju', 'Resep Masakan Nusantara']));
  });
});
