// Which items the export's owner did (byOwner): a personal export's every item; in a chat only the
// owner's own messages — "Anda"/"You" in WhatsApp, the account owner's user id in Telegram.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import { ingest } from '../../src/ingest/ingest.js';
import { DEFAULT_INGEST_OPTIONS, type JsonlChunk } from '../../src/ingest/types.js';
import { rowReader } from '../../src/pipeline/row-verdict.js';

async function owned(input: string): Promise<Array<[string | undefined, boolean]>> {
  const out: Array<[string | undefined, boolean]> = [];
  for await (const e of ingest([input], DEFAULT_INGEST_OPTIONS, ALL_ADAPTERS)) if (e.type === 'item') out.push([e.item.actor?.name ?? e.item.text, e.byOwner]);
  return out;
}

describe('the export owner’s items', () => {
  it('WhatsApp: only the "Anda" sender is the owner; named members are not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owner-wa-'));
    writeFileSync(join(dir, 'chat.txt'), '[20/11/24 19.32.18] Anda: Halo semua\n[20/11/24 19.33.00] Budi: Halo juga\n');
    expect(await owned(join(dir, 'chat.txt'))).toEqual([['Anda', true], ['Budi', false]]);
  });

  it('Telegram: the account owner (personal_information.user_id) is recognised by from_id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owner-tg-'));
    const doc = {
      personal_information: { user_id: 5550001, first_name: 'Rina', last_name: 'Marlina' },
      chats: { list: [{ name: 'Guru SDN', type: 'private_group', id: 1, messages: [
        { id: 1, type: 'message', date: '2024-11-20T19:32:18', date_unixtime: '1732105938', from: 'Rina M', from_id: 'user5550001', text: 'Halo' },
        { id: 2, type: 'message', date: '2024-11-20T19:33:18', date_unixtime: '1732105998', from: 'Budi', from_id: 'user42', text: 'Halo juga' },
      ] }] },
    };
    writeFileSync(join(dir, 'result.json'), JSON.stringify(doc));
    expect(await owned(join(dir, 'result.json'))).toEqual([['Rina M', true], ['Budi', false]]);
  });

  it('Telegram: joining or creating a group is its actor’s act; being added by someone else is not read', async () => {
    const joins: Array<[string | undefined, string | undefined, boolean]> = [];
    for await (const e of ingest(['fixtures/attribution/telegram-joins'], DEFAULT_INGEST_OPTIONS, ALL_ADAPTERS)) {
      if (e.type === 'item') joins.push([e.item.actor?.name, e.item.target?.name, e.byOwner]);
    }
    expect(joins).toEqual([
      ['Wahyu H', 'Relawan Budi Hartono - Dewi Lestari Kec. Sukamaju', true],
      ['Joko Purnomo', 'Relawan Budi Hartono - Dewi Lestari Kec. Sukamaju', false],
      // Joko created the team group with Wahyu in it, then added him: both Joko's acts
      ['Joko Purnomo', 'Tim Pemenangan Budi Hartono - Dewi Lestari Desa Cikarang', false],
    ]);
  });

  it('WhatsApp: "Anda bergabung menggunakan tautan …" is the owner’s join; another member’s join or group creation is theirs; being added is not read', async () => {
    const joins: Array<[string | undefined, string | undefined, boolean]> = [];
    for await (const e of ingest(['fixtures/attribution/whatsapp-joins'], DEFAULT_INGEST_OPTIONS, ALL_ADAPTERS)) {
      if (e.type === 'item' && e.item.kind === 'membership') joins.push([e.item.actor?.name, e.item.target?.name, e.byOwner]);
    }
    expect(joins.sort()).toEqual([
      ['Anda', 'Relawan Budi Hartono - Dewi Lestari Sukamaju', true],
      ['Joko Purnomo', 'Relawan Budi Hartono - Dewi Lestari Sukamaju', false],
      // iOS: "<group>: ‎Yanti Susanti membuat grup “…”", then "… menambahkan Anda" (her act, not read)
      ['Yanti Susanti', 'Tim Pemenangan Budi-Dewi Desa Cikarang', false],
    ]);
  });

  it('a personal export: every item is the owner’s', async () => {
    const items = await owned('fixtures/demo/twitter-2024-12-01-5c0f7e3a9b1d.zip');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every(([, byOwner]) => byOwner)).toBe(true);
  });

  it('Facebook: an element whose title or author names someone else is theirs, not the owner’s', async () => {
    const items = await owned('fixtures/attribution/facebook-wahyu-hidayat');
    const byWho = (who: string) => items.filter(([name]) => name === who).map(([, byOwner]) => byOwner);
    expect(byWho('Wahyu Hidayat').every(Boolean)).toBe(true);
    for (const other of ['Joko Purnomo', 'Yanti Susanti', 'Bambang Triyono', 'Rudi Hermawan', 'Lina Marpaung']) {
      expect(byWho(other).length, other).toBeGreaterThan(0);
      expect(byWho(other).some(Boolean), other).toBe(false);
    }
  });

  it('Facebook without a profile file: a file naming several people leaves its named items out; an untitled post stays the owner’s', async () => {
    const items = await owned('fixtures/attribution/facebook-no-profile');
    expect(items.filter(([name]) => name === 'Wahyu Hidayat' || name === 'Yanti Susanti').map(([, o]) => o)).toEqual([false, false]);
    expect(items.filter(([name]) => name?.startsWith('Siap')).map(([, o]) => o)).toEqual([true]);
  });

  it('a sheet with an author column: a row with an empty author is nobody’s; a sheet without one is the owner’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owner-table-'));
    writeFileSync(join(dir, 'a.csv'), 'penulis,teks\nJoko,halo\n,tanpa nama\n');
    writeFileSync(join(dir, 'b.csv'), 'teks\nmilik pemilik berkas\n');
    expect(await owned(join(dir, 'a.csv'))).toEqual([['Joko', false], ['tanpa nama', false]]);
    expect(await owned(join(dir, 'b.csv'))).toEqual([['milik pemilik berkas', true]]);
  });

  // a scrape of several accounts: the first record is the file's header (it has a `user` key), so a
  // line without one is nobody's — also in a worker's share of the lines, which never sees line 1
  const SCRAPE = [
    JSON.stringify({ date: '2024-11-01T03:00:00+00:00', rawContent: 'pertama', user: { username: 'joko_p' } }),
    '',
    JSON.stringify({ date: '2024-11-01T03:05:00+00:00', rawContent: 'tanpa akun' }),
    JSON.stringify({ date: '2024-11-01T03:10:00+00:00', rawContent: 'kedua', user: { username: 'rudi_h' } }),
    JSON.stringify({ date: '2024-11-01T03:15:00+00:00', rawContent: 'tanpa akun lagi' }),
  ].join('\n');
  const OWN = [JSON.stringify({ date: '2024-11-01T03:00:00+00:00', text: 'milik pemilik' }), JSON.stringify({ date: '2024-11-01T03:05:00+00:00', text: 'ditulis orang', username: 'joko_p' })].join('\n');

  it('a JSONL file whose first record names its author: a line without one is nobody’s; a file without authors is the owner’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owner-jsonl-'));
    writeFileSync(join(dir, 'scrape.jsonl'), SCRAPE);
    writeFileSync(join(dir, 'own.jsonl'), OWN);
    expect(await owned(join(dir, 'scrape.jsonl'))).toEqual([['pertama', false], ['tanpa akun', false], ['kedua', false], ['tanpa akun lagi', false]]);
    expect(await owned(join(dir, 'own.jsonl'))).toEqual([['milik pemilik', true], ['ditulis orang', false]]);
  });

  it('a JSONL file read in chunks (worker threads): every chunk carries what the first record said', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owner-jsonl-chunks-'));
    writeFileSync(join(dir, 'scrape.jsonl'), SCRAPE);
    writeFileSync(join(dir, 'own.jsonl'), OWN);
    const chunked = async (file: string): Promise<Array<[string | undefined, boolean | undefined]>> => {
      const out: Array<[string | undefined, boolean | undefined]> = [];
      for await (const e of ingest([join(dir, file)], { ...DEFAULT_INGEST_OPTIONS, rowChunks: 2 }, ALL_ADAPTERS)) {
        if (e.type !== 'rows') continue;
        const rows = e.rows as JsonlChunk;
        // each chunk is read as a worker reads it: on its own, with only what the chunk says
        const reader = rowReader({ rows, options: DEFAULT_INGEST_OPTIONS });
        for (let i = 0; i < rows.lines.length; i++) {
          const parsed = reader.read(i);
          if (parsed) out.push([parsed.draft.text, parsed.byOwner]);
        }
      }
      return out;
    };
    expect(await chunked('scrape.jsonl')).toEqual([['pertama', undefined], ['tanpa akun', undefined], ['kedua', undefined], ['tanpa akun lagi', undefined]]);
    expect(await chunked('own.jsonl')).toEqual([['milik pemilik', true], ['ditulis orang', undefined]]);
  });
});
