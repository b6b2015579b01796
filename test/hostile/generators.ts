// Hostile and broken inputs, made at test time (never checked in as big files). Each generator
// streams what it writes, so a 2 GiB case costs disk, not memory. `HOSTILE_FULL=1` (npm run
// bench:hostile) uses the sizes of the issue; the default sizes keep `npm test` quick while still
// crossing every limit.
import { createWriteStream, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import yazl from 'yazl';

export const FULL = process.env.HOSTILE_FULL === '1';
const MiB = 1024 * 1024;

/** Sizes of each case: the issue's numbers under HOSTILE_FULL, scaled down otherwise. */
export const SIZES = {
  zipLine: FULL ? 2 * 1024 * MiB : 24 * MiB,
  jsonlLine: FULL ? 200 * MiB : 20 * MiB,
  csvCell: FULL ? 10 * MiB : 2 * MiB,
  nonAsciiCell: FULL ? 1024 * 1024 : 200 * 1024,
  garbageHtml: FULL ? 2 * MiB : 300 * 1024,
  htmlDepth: FULL ? 200_000 : 20_000,
  gzipBomb: FULL ? 256 * MiB : 64 * MiB,
};

/** `total` bytes of `unit` repeated, as a stream of 64 KiB chunks. */
export function repeated(total: number, unit: string): Readable {
  const block = Buffer.from(unit.repeat(Math.ceil(65536 / unit.length)));
  let left = total;
  return Readable.from(
    (function* () {
      while (left > 0) {
        const n = Math.min(left, block.length);
        left -= n;
        yield block.subarray(0, n);
      }
    })(),
  );
}

function framed(head: string, body: Readable, tail: string): Readable {
  return Readable.from(
    (async function* () {
      yield Buffer.from(head);
      for await (const chunk of body) yield chunk as Buffer;
      yield Buffer.from(tail);
    })(),
  );
}

async function writeStream(path: string, stream: Readable): Promise<string> {
  await pipeline(stream, createWriteStream(path));
  return path;
}

/** Case 1: a zip whose JSONL member is one line of `bytes` (no newline at all). */
export async function zipWithOneLine(path: string, bytes = SIZES.zipLine): Promise<string> {
  const zip = new yazl.ZipFile();
  zip.addReadStream(framed('{"text":"', repeated(bytes, 'coblos nomor dua '), '"}'), 'posts.jsonl');
  zip.end();
  return writeStream(path, zip.outputStream as Readable);
}

/** Case 1: a JSONL file that is one record of `bytes`. */
export function jsonlOneLine(path: string, bytes = SIZES.jsonlLine): Promise<string> {
  return writeStream(path, framed('{"text":"', repeated(bytes, 'coblos nomor dua '), '"}\n'));
}

/** Case 1: a CSV whose one text cell is `bytes` long, ending in a flagged sentence. */
export function csvHugeCell(path: string, bytes = SIZES.csvCell): Promise<string> {
  return writeStream(path, framed('text,date\n"', repeated(bytes, 'selamat pagi semua '), ' ayo pilih prabowo gibran nomor 2 ✌️",2024-01-20\n'));
}

/** Case 2: one CSV cell of non-ASCII text (Javanese script, Cyrillic, CJK, emoji), `chars` long. */
export function csvNonAscii(path: string, chars = SIZES.nonAsciiCell): string {
  const unit = 'ꦥꦶꦭꦶꦃ coblos ☝️ нет 選挙 ';
  writeFileSync(path, `text,date\n"${unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars)} ayo pilih prabowo gibran nomor 2",2024-01-20\n`);
  return path;
}

/** Case 2: an .html file of random non-ASCII garbage with stray brackets. */
export function garbageHtml(path: string, chars = SIZES.garbageHtml, seed = 7): string {
  let x = seed;
  const rnd = (): number => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const parts: string[] = ['<html><body><p>'];
  for (let i = 0; i < chars; i++) {
    const r = rnd();
    parts.push(r < 0.08 ? ' ' : r < 0.09 ? '<' : r < 0.1 ? '>' : String.fromCharCode(0x400 + Math.floor(rnd() * 0x2000)));
  }
  parts.push('</p></body></html>');
  writeFileSync(path, parts.join(''));
  return path;
}

/** Case 3: HTML nested `depth` elements deep. */
export function nestedHtml(path: string, depth = SIZES.htmlDepth): string {
  writeFileSync(path, `<html><body>${'<div>'.repeat(depth)}ayo coblos prabowo gibran nomor 2${'</div>'.repeat(depth)}</body></html>`);
  return path;
}

/**
 * Case 4: a zip with a WhatsApp chat that shows a photo, and that photo's deflate data damaged
 * (the central directory stays intact, so only reading the member fails).
 */
export async function zipWithCorruptMedia(path: string): Promise<string> {
  const zip = new yazl.ZipFile();
  const chat = '20/01/24 09.15 - Budi Santoso: IMG-20240120-WA0001.jpg (file terlampir)\n20/01/24 09.16 - Budi Santoso: Ayo bapak ibu guru, coblos nomor 2 prabowo gibran ✌️\n';
  zip.addBuffer(Buffer.from(chat), 'WhatsApp Chat with Guru SD.txt');
  zip.addBuffer(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200_000, 7)]), 'IMG-20240120-WA0001.jpg');
  zip.end();
  await writeStream(path, zip.outputStream as Readable);
  const bytes = await import('node:fs').then((fs) => fs.readFileSync(path));
  const name = bytes.indexOf('IMG-20240120-WA0001.jpg');
  const header = name - 30;
  if (bytes.readUInt32LE(header) !== 0x04034b50) throw new Error('local header not found');
  const data = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  bytes.fill(0xff, data, data + 32);
  writeFileSync(path, bytes);
  return path;
}

/** Case 5: an unrelated SQLite database (rollback journal, its own table). */
export function foreignDatabase(path: string): string {
  const db = new Database(path);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('rapat RT')");
  db.close();
  return path;
}

/** Case 8: a rule file that is a "billion laughs" alias bomb. */
export function aliasBombRule(path: string): string {
  const lines = ['schema: 1', 'id: t9-bom-alias', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Case 2/9: a gzip body that inflates to `bytes` (a few hundred KB on the wire for 64 MB). */
export function gzipBomb(bytes = SIZES.gzipBomb): Buffer {
  return gzipSync(Buffer.alloc(bytes, 0x20), { level: 9 });
}
