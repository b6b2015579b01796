import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { whatsappAdapter } from '../../src/ingest/whatsapp.js';
import type { Member } from '../../src/ingest/types.js';
import { asItems, contextFor, FIXTURES, headOf, membersOfFolder, membersOfZip, readItems } from './helpers-chat.js';

const ANDROID_ID = join(FIXTURES, 'whatsapp', 'android-id-dot-time');
const ANDROID_ID_FILE = 'Chat WhatsApp dengan Grup Kantor Dinas Pendidikan.txt';
const ANDROID_EN = join(FIXTURES, 'whatsapp', 'android-en-12h');
const ANDROID_EN_FILE = 'WhatsApp Chat with Budi Santoso.txt';
const IOS_ZIP = join(FIXTURES, 'whatsapp', 'ios-id-brackets-lrm', 'WhatsApp Chat - Rapat Wali Kelas.zip');
const DEMO_ZIP = join(FIXTURES, 'demo', 'WhatsApp Chat - Guru SDN 1 Sukamaju.zip');

async function readFolder(root: string, path: string, timezone = 'Asia/Jakarta') {
  const members = membersOfFolder(root);
  const member = members.find((m) => m.path === path)!;
  const ctx = await contextFor(member, members, { timezone });
  const all = asItems(await readItems(whatsappAdapter, member, ctx));
  // `items`: the chat's messages; a join or group-creation line is a membership item (`all`)
  return { items: all.filter((i) => i.kind !== 'membership'), all, ctx };
}

async function readZip(zipPath: string) {
  const members = await membersOfZip(zipPath);
  const member = members.find((m) => m.path === '_chat.txt')!;
  const ctx = await contextFor(member, members);
  return { parsed: await readItems(whatsappAdapter, member, ctx), ctx };
}

/** A chat text handed over as a loose file under the given name. */
function textMember(name: string, text: string): Member {
  const bytes = Buffer.from(text, 'utf8');
  return { input: name, path: name, size: bytes.length, open: async () => Readable.from([bytes]) };
}

describe('whatsapp adapter: detection', () => {
  it('claims Android and iOS chat texts by their first dated line', async () => {
    for (const [root, path] of [
      [ANDROID_ID, ANDROID_ID_FILE],
      [ANDROID_EN, ANDROID_EN_FILE],
    ] as const) {
      const member = membersOfFolder(root).find((m) => m.path === path)!;
      expect(whatsappAdapter.detect(`bukti/${path}`, await headOf(member))).toBe(true);
    }
    const chat = (await membersOfZip(IOS_ZIP)).find((m) => m.path === '_chat.txt')!;
    expect(whatsappAdapter.detect('_chat.txt', await headOf(chat))).toBe(true);
  });

  it('leaves other text files alone', () => {
    expect(whatsappAdapter.detect('catatan.txt', Buffer.from('Rapat guru tanggal 20/11/24\nAgenda: rapor'))).toBe(false);
    expect(whatsappAdapter.detect('chat.csv', Buffer.from('20/11/24 14.30 - Budi: Halo'))).toBe(false);
  });
});

describe('whatsapp adapter: Android, Indonesian (dot times, 2-digit years)', () => {
  it('keeps messages and drops banners, group events and deleted messages', async () => {
    const { items } = await readFolder(ANDROID_ID, ANDROID_ID_FILE);
    expect(items.map((i) => i.source.pointer)).toEqual(['line:4', 'line:5', 'line:6', 'line:10', 'line:12', 'line:13', 'line:15', 'line:17']);
  });

  it('reads "<who> membuat grup …" as its creator’s membership of the group, never the owner’s', async () => {
    const { all } = await readFolder(ANDROID_ID, ANDROID_ID_FILE);
    const created = all.filter((i) => i.kind === 'membership');
    expect(created.map((i) => [i.source.pointer, i.actor?.name, i.target?.name])).toEqual([['line:2', 'Hendra Gunawan', 'Grup Kantor Dinas Pendidikan Sukamaju']]);
  });

  it('reads sender, emoji text, local time in UTC, raw prefix and the group as context', async () => {
    const { items } = await readFolder(ANDROID_ID, ANDROID_ID_FILE);
    const first = items[0]!;
    expect(first.platform).toBe('whatsapp');
    expect(first.kind).toBe('message');
    expect(first.actor).toEqual({ kind: 'account', name: 'Hendra Gunawan' });
    expect(first.text).toBe('Assalamualaikum bapak ibu, grup ini untuk koordinasi kantor ya 🙏');
    // 05/11/24 is read day-first (5 November) because later dates in the file (20/11/24) settle the order
    expect(first.time).toBe('2024-11-05T01:02:00.000Z');
    expect(first.timeRaw).toBe('05/11/24 08.02');
    expect(first.context).toEqual({ kind: 'chat', name: 'Grup Kantor Dinas Pendidikan' });
    expect(first.source.path).toBe(ANDROID_ID_FILE);
  });

  it('keeps a phone-number sender as name and as a comparable id', async () => {
    const { items } = await readFolder(ANDROID_ID, ANDROID_ID_FILE);
    expect(items[1]!.actor).toEqual({ kind: 'account', name: '+62 812-3456-7890', id: '+6281234567890' });
  });

  it('joins continuation lines into one message', async () => {
    const { items } = await readFolder(ANDROID_ID, ANDROID_ID_FILE);
    expect(items[2]!.text).toBe('Mohon laporan BOS triwulan IV dikirim paling lambat Jumat.\nFormat sesuai surat edaran:\n1. Rekap belanja\n2. Bukti kuitansi');
    expect(items[2]!.time).toBe('2024-11-12T06:10:00.000Z');
  });

  it('turns attachments and omitted media into media entries, not text', async () => {
    const { items } = await readFolder(ANDROID_ID, ANDROID_ID_FILE);
    expect(items[3]!.media).toEqual([{ uri: 'IMG-20241120-WA0003.jpg', mediaType: 'image/jpeg', caption: 'Foto apel pagi tadi 📸' }]);
    expect(items[3]!.text).toBe('Foto apel pagi tadi 📸');
    expect(items[4]!.media).toEqual([{}]);
    expect(items[4]!.text).toBeUndefined();
  });

  it('keeps the office message urging colleagues to vote, word for word', async () => {
    const { items } = await readFolder(ANDROID_ID, ANDROID_ID_FILE);
    const urging = items[5]!;
    expect(urging.actor?.name).toBe('Yanto Prasetyo');
    expect(urging.text).toBe('Bapak ibu, jangan lupa tanggal 27 coblos nomor 2 ya, Pak Budi sudah banyak bantu sekolah kita');
    expect(urging.time).toBe('2024-11-20T02:41:00.000Z');
  });

  it('drops the "edited" marker from the text', async () => {
    const { items } = await readFolder(ANDROID_ID, ANDROID_ID_FILE);
    expect(items[7]!.text).toBe('Rapat evaluasi kurikulum dipindah ke aula lantai 2');
  });

  it('converts the wall clock with the zone given in the options', async () => {
    const { items } = await readFolder(ANDROID_ID, ANDROID_ID_FILE, 'Asia/Jayapura');
    expect(items[0]!.time).toBe('2024-11-04T23:02:00.000Z');
    expect(items[0]!.timeRaw).toBe('05/11/24 08.02');
  });
});

describe('whatsapp adapter: Android, English (commas, 12-hour clock with U+202F, 4-digit years)', () => {
  it('reads month-first dates, AM/PM and CRLF line ends', async () => {
    const { items } = await readFolder(ANDROID_EN, ANDROID_EN_FILE);
    expect(items.map((i) => [i.source.pointer, i.actor?.name, i.time])).toEqual([
      ['line:2', 'Budi Santoso', '2024-11-21T13:05:00.000Z'],
      ['line:3', 'Rina Marlina', '2024-11-21T13:07:00.000Z'],
      ['line:4', 'Rina Marlina', '2024-11-21T13:07:00.000Z'],
      ['line:6', 'Budi Santoso', '2024-11-21T17:20:00.000Z'],
      ['line:7', 'Budi Santoso', '2024-11-21T17:21:00.000Z'],
    ]);
    expect(items[0]!.text).toBe('Pak, besok jadi ke kantor kecamatan? 🙂');
    expect(items[0]!.timeRaw).toBe('11/21/2024, 8:05 PM');
    expect(items[0]!.context).toEqual({ kind: 'chat', name: 'Budi Santoso' });
  });

  it('reads "(file attached)", "<Media omitted>" and a shared location', async () => {
    const { items } = await readFolder(ANDROID_EN, ANDROID_EN_FILE);
    expect(items[2]!.media).toEqual([{}]);
    expect(items[3]!.media).toEqual([{ uri: 'DOC-20241122-WA0001.pdf', mediaType: 'application/pdf' }]);
    expect(items[4]!.place).toEqual({ url: 'https://maps.google.com/?q=-6.914744,107.60981', lat: -6.914744, lon: 107.60981 });
  });
});

describe('whatsapp adapter: iOS, Indonesian, inside the zip', () => {
  it('strips direction marks, reads brackets and seconds, and names the chat after the zip', async () => {
    const { parsed } = await readZip(IOS_ZIP);
    const items = asItems(parsed);
    expect(items.map((i) => [i.source.pointer, i.actor?.name, i.time])).toEqual([
      ['line:4', 'Dedi Kurniawan', '2024-11-21T03:01:15.000Z'],
      ['line:5', 'Sri Wahyuni', '2024-11-21T03:02:33.000Z'],
      ['line:6', 'Sri Wahyuni', '2024-11-21T03:02:40.000Z'],
      ['line:9', 'Dedi Kurniawan', '2024-11-21T03:05:12.000Z'],
    ]);
    expect(items[0]!.text).toBe('Bapak ibu wali kelas, pembagian rapor semester ganjil tanggal 20 Desember 🙏');
    expect(items[0]!.timeRaw).toBe('[21/11/24, 10.01.15]');
    expect(items[0]!.context).toEqual({ kind: 'chat', name: 'Rapat Wali Kelas' });
    expect(items[1]!.media).toEqual([{ uri: '00000009-PHOTO-2024-11-21-10-02-33.jpg', mediaType: 'image/jpeg' }]);
    expect(items[1]!.text).toBeUndefined();
    expect(items[2]!.text).toBe('Jadwal piket minggu depan:\nSenin – Bu Sri\nSelasa – Pak Dedi');
    expect(items[3]!.media).toEqual([{}]);
    for (const item of items) expect(item.text ?? '').not.toMatch(/[\u200e\u200f\u202a-\u202e]/);
  });

  it('keeps the original lines as the raw evidence of each message', async () => {
    const { parsed } = await readZip(IOS_ZIP);
    expect(parsed[2]!.raw).toBe('[21/11/24, 10.02.40] Sri Wahyuni: Jadwal piket minggu depan:\nSenin – Bu Sri\nSelasa – Pak Dedi');
    expect(parsed[1]!.raw).toBe('\u200e[21/11/24, 10.02.33] Sri Wahyuni: \u200e<terlampir: 00000009-PHOTO-2024-11-21-10-02-33.jpg>');
  });
});

describe('whatsapp adapter: date order decided per file', () => {
  const read = async (name: string, text: string) => {
    const member = textMember(name, text);
    const ctx = await contextFor(member, [member]);
    return asItems(await readItems(whatsappAdapter, member, ctx));
  };

  it('reads a file whose dates never exceed 12 day-first when the first part changes more often', async () => {
    const items = await read('WhatsApp Chat with A.txt', '01/02/24 10.00 - A: satu\n02/02/24 10.00 - A: dua\n03/02/24 10.00 - A: tiga\n');
    expect(items.map((i) => i.time)).toEqual(['2024-02-01T03:00:00.000Z', '2024-02-02T03:00:00.000Z', '2024-02-03T03:00:00.000Z']);
  });

  it('reads it month-first when the second part changes more often', async () => {
    const items = await read('WhatsApp Chat with A.txt', '02/01/24, 10:00 - A: one\n02/02/24, 10:00 - A: two\n02/03/24, 10:00 - A: three\n');
    expect(items.map((i) => i.time)).toEqual(['2024-02-01T03:00:00.000Z', '2024-02-02T03:00:00.000Z', '2024-02-03T03:00:00.000Z']);
  });

  it('applies an order settled late in the file to the messages before it', async () => {
    const items = await read('WhatsApp Chat with A.txt', '03/04/24 10.00 - A: a\n04/04/24 10.00 - A: b\n05/04/24 10.00 - A: c\n04/13/24 10.00 - A: d\n');
    expect(items.map((i) => i.time?.slice(0, 10))).toEqual(['2024-03-04', '2024-04-04', '2024-05-04', '2024-04-13']);
  });

  it('starts a message on the next line when the sender stands alone, and drops marked iOS events', async () => {
    const items = await read(
      'WhatsApp Chat - Lain.txt',
      '[20/11/24 10.00.00] Budi:\nBaris pertama\nBaris kedua\n\u200e[20/11/24 10.01.00] Grup Lama: \u200eAni menambahkan Budi\n',
    );
    expect(items.map((i) => [i.actor?.name, i.text])).toEqual([['Budi', 'Baris pertama\nBaris kedua']]);
  });

  it('warns about and skips an impossible date without stopping', async () => {
    const member = textMember('WhatsApp Chat with A.txt', '31/02/24 10.00 - A: mustahil\n20/02/24 10.00 - A: biasa\n');
    const ctx = await contextFor(member, [member]);
    const items = asItems(await readItems(whatsappAdapter, member, ctx));
    expect(items.map((i) => i.text)).toEqual(['biasa']);
    expect(ctx.warnings).toHaveLength(1);
    expect(ctx.warnings[0]).toContain('WhatsApp Chat with A.txt');
    expect(ctx.warnings[0]).toContain('31/02/24 10.00');
  });
});

describe('demo: office group of Guru SDN 1 Sukamaju', () => {
  it('holds ordinary school talk, one mobilising message by Rina and the Dinas neutrality reminder', async () => {
    const { parsed } = await readZip(DEMO_ZIP);
    const items = asItems(parsed);
    expect(items.length).toBeGreaterThanOrEqual(14);
    expect(items.every((i) => i.context?.name === 'Guru SDN 1 Sukamaju' && i.platform === 'whatsapp')).toBe(true);
    const rina = items.filter((i) => i.actor?.name === 'Rina Marlina' && /nomor 2/.test(i.text ?? ''));
    expect(rina).toHaveLength(1);
    expect(rina[0]!.text).toBe('Bapak ibu guru, tanggal 27 kita kompak pilih nomor 2 ya, Budi–Dewi sudah janji tunjangan guru naik 👍');
    expect(rina[0]!.time).toBe('2024-11-20T12:32:18.000Z');
    expect(items.some((i) => i.actor?.name === 'Hendra Gunawan' && /netralitas/.test(i.text ?? ''))).toBe(true);
    expect(items.filter((i) => i.media.length > 0).map((i) => i.media[0]?.uri)).toEqual(['00000014-PHOTO-2024-11-25-07-45-12.jpg']);
  });
});
