// Issue 12 acceptance through the real binary: an office WhatsApp group scanned as one civil
// servant's export. Each finding is filed under its true author; subject A's case file holds
// nothing of subject B; the public bundle names no civil servant and holds no unreviewed finding.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipFolder } from '../ingest/helpers-core.js';
import { runCli } from './run-cli.js';

const RINA_NIP = '198703152010012007';
const AGUS_NIP = '198101022006041003';

const CHAT = `[18/11/24 06.52.31] Nurhayati Kepsek: Selamat pagi bapak ibu guru 🙏 Senin ini upacara seperti biasa, petugas kelas 5.
[20/11/24 19.32.18] Rina Marlina: Bapak ibu guru, tanggal 27 kita kompak pilih nomor 2 ya, Budi–Dewi sudah janji tunjangan guru naik 👍 Info hubungi saya 0812-3456-7890 atau rina.marlina@sdn1.sch.id
[20/11/24 19.40.02] Agus Setiawan: Ayo bapak ibu, tanggal 27 kita kompak coblos nomor 2 ya, Budi–Dewi sudah janji tunjangan guru naik 👍
[20/11/24 19.45.11] Dedi Kurniawan: Setuju bu Rina Marlina, tanggal 27 kita kompak pilih nomor 2 ya, Budi–Dewi sudah janji sertifikasi guru cair 👍
[20/11/24 20.05.11] Rina Marlina: Baik pak, terima kasih 🙏
`;

const SUBJECTS = `nama,nip,instansi,jabatan,kode_wilayah,wilayah,akun
Rina Marlina,${RINA_NIP},Dinas Pendidikan Kabupaten Sukamaju,Guru Ahli Muda,3299,Kabupaten Sukamaju (fiktif),whatsapp:Rina Marlina; instagram:rina.marlina.guru
Agus Setiawan,${AGUS_NIP},Dinas Pendidikan Kabupaten Sukamaju,Guru,3299,Kabupaten Sukamaju (fiktif),whatsapp:Agus Setiawan
`;

interface Line {
  id: string;
  subjects: Array<{ name: string; attribution: string }>;
  item: { text: string | null; author: { name: string | null } | null };
}

/** Every file of a bundle folder as text (captures included). */
function bundleText(dir: string, skip: (p: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(p).isDirectory()) walk(p, r);
      else if (!skip(r)) out.set(r, readFileSync(p, 'utf8'));
    }
  };
  walk(dir, '');
  return out;
}

describe('a WhatsApp group scanned as one civil servant’s export', { timeout: 120_000 }, () => {
  it('files each finding under its true author, and each bundle holds only what it should', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netral-attr-'));
    const db = path.join(dir, 'netral.db');
    const chatDir = path.join(dir, 'chat');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(chatDir);
    writeFileSync(path.join(chatDir, '_chat.txt'), CHAT);
    const zip = await zipFolder(chatDir, path.join(dir, 'WhatsApp Chat - Guru SDN 2.zip'));
    writeFileSync(path.join(dir, 'subjects.csv'), SUBJECTS);
    expect(runCli(['subjects', 'import', path.join(dir, 'subjects.csv'), '--store', db]).code).toBe(0);

    const scan = runCli(['scan', zip, '--subject', RINA_NIP, '--store', db, '--format', 'jsonl', '-q']);
    expect(scan.code, scan.stderr).toBe(0);
    const lines = scan.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    const byAuthor = new Map(lines.map((l) => [l.item.author?.name, l]));
    expect([...byAuthor.keys()].sort()).toEqual(['Agus Setiawan', 'Dedi Kurniawan', 'Rina Marlina']);
    // the subject's own message is hers; another subject's is his; a non-subject member's is nobody's
    expect(byAuthor.get('Rina Marlina')!.subjects.map((s) => s.name)).toEqual(['Rina Marlina']);
    expect(byAuthor.get('Agus Setiawan')!.subjects.map((s) => s.name)).toEqual(['Agus Setiawan']);
    expect(byAuthor.get('Dedi Kurniawan')!.subjects).toEqual([]);
    const rina = byAuthor.get('Rina Marlina')!;
    const agus = byAuthor.get('Agus Setiawan')!;
    const dedi = byAuthor.get('Dedi Kurniawan')!;

    // evidence list for Rina holds her finding only; the CSV names subject and author
    const list = runCli(['evidence', 'list', '--subject', RINA_NIP, '--store', db, '--format', 'csv']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(rina.id);
    expect(list.stdout).not.toContain(agus.id);
    expect(list.stdout).not.toContain(dedi.id);

    // the case file of subject A: nothing of subject B outside the original chat file itself
    const caseA = path.join(dir, 'kasus-rina');
    const exported = runCli(['export', '--subject', RINA_NIP, '--out', caseA, '--store', db]);
    expect(exported.code, exported.stderr).toBe(0);
    const filesA = bundleText(caseA, (p) => p.startsWith('captures/'));
    const csvA = filesA.get('findings.csv')!;
    expect(csvA.trim().split('\n')).toHaveLength(2);
    expect(csvA).toContain(`Rina Marlina,${RINA_NIP}`);
    for (const [file, text] of filesA) {
      expect(text, file).not.toContain('Agus Setiawan');
      expect(text, file).not.toContain(AGUS_NIP);
      expect(text, file).not.toContain(agus.id);
      expect(text, file).not.toContain('Dedi Kurniawan');
    }
    // its custody segment still chains to the anchored head
    const verifyA = runCli(['verify', caseA]);
    expect(verifyA.code, verifyA.stdout).toBe(0);
    expect(filesA.has('custody-chain.txt')).toBe(true);
    expect(filesA.has('evidence.db')).toBe(false);

    // the public bundle: confirmed findings only, no civil servant named anywhere
    expect(runCli(['review', 'confirm', rina.id.slice(0, 12), '--store', db, '--as', 'Peninjau A', '--comment', 'catatan internal peninjau']).code).toBe(0);
    expect(runCli(['review', 'confirm', dedi.id.slice(0, 12), '--store', db, '--as', 'Peninjau A']).code).toBe(0);
    const pub = path.join(dir, 'publik');
    const published = runCli(['export', '--profile', 'public', '--out', pub, '--store', db]);
    expect(published.code, published.stderr).toBe(0);
    const filesP = bundleText(pub);
    const jsonl = filesP.get('findings.jsonl')!.trim().split('\n').map((l) => JSON.parse(l) as { id: string; spans: Array<{ field: string; start: number; end: number; text: string }>; item: { text: string } });
    expect(jsonl.map((l) => l.id).sort()).toEqual([rina.id, dedi.id].sort());
    for (const [file, text] of filesP) {
      for (const secret of ['Rina', 'Marlina', RINA_NIP, 'rina.marlina', '0812-3456-7890', 'sdn1.sch.id', 'Agus', AGUS_NIP, 'Dedi Kurniawan', 'Peninjau A', 'catatan internal']) {
        expect(text, `${file} contains ${secret}`).not.toContain(secret);
      }
    }
    // candidates stay named, and every highlight points at its word in the masked text
    expect(filesP.get('findings.jsonl')).toContain('Budi–Dewi');
    for (const l of jsonl) {
      for (const s of l.spans.filter((x) => x.field === 'text')) expect(l.item.text.slice(s.start, s.end)).toBe(s.text);
      expect(l.spans.map((s) => s.text)).toContain('Budi–Dewi');
    }
    expect(jsonl.find((l) => l.id === dedi.id)!.item.text).toMatch(/^Setuju bu ASN-\d, tanggal 27/);
  });
  it('a follow-up carrying the subject\'s own offer on is the subject\'s finding; a colleague\'s thanks is nobody\'s', async () => {
    // Agus offers the group a pair's shirts, a non-subject colleague takes one, Agus answers with the
    // arrangements (a finding of his, leaning on his own offer); the colleague's thanks after it finds nothing
    const chat = `[05/10/24 12.00.10] Agus Setiawan: Bapak ibu guru, yg mau kaos Budi–Dewi gratis, ambil di meja saya ya, ada 20 👍
[05/10/24 12.03.41] Dedi Kurniawan: Saya ambil 2 pak, ukuran L
[05/10/24 12.05.02] Agus Setiawan: Siap pak, saya sisihkan 2 di laci, ambil pulang sekolah
[05/10/24 12.06.30] Dedi Kurniawan: Baik pak, terima kasih 🙏
`;
    const dir = mkdtempSync(path.join(tmpdir(), 'netral-attr-offer-'));
    const db = path.join(dir, 'netral.db');
    const chatDir = path.join(dir, 'chat');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(chatDir);
    writeFileSync(path.join(chatDir, '_chat.txt'), chat);
    const zip = await zipFolder(chatDir, path.join(dir, 'WhatsApp Chat - Guru SDN 2.zip'));
    writeFileSync(path.join(dir, 'subjects.csv'), SUBJECTS);
    expect(runCli(['subjects', 'import', path.join(dir, 'subjects.csv'), '--store', db]).code).toBe(0);
    const scan = runCli(['scan', zip, '--subject', AGUS_NIP, '--store', db, '--format', 'jsonl', '-q']);
    expect(scan.code, scan.stderr).toBe(0);
    const lines = scan.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
    // the offer and its follow-up are Agus's; Dedi's take-up is his own (no subject's), his thanks nothing
    const texts = new Map(lines.map((l) => [l.item.text, l]));
    expect([...texts.keys()].sort()).toEqual([
      'Bapak ibu guru, yg mau kaos Budi–Dewi gratis, ambil di meja saya ya, ada 20 👍',
      'Saya ambil 2 pak, ukuran L',
      'Siap pak, saya sisihkan 2 di laci, ambil pulang sekolah',
    ]);
    expect(texts.get('Saya ambil 2 pak, ukuran L')!.subjects).toEqual([]);
    for (const l of lines.filter((x) => x.item.author?.name === 'Agus Setiawan')) expect(l.subjects.map((s) => s.name)).toEqual(['Agus Setiawan']);
    // his case file holds both, and names the colleague who took the shirts nowhere outside the chat file
    const caseA = path.join(dir, 'kasus-agus');
    const exported = runCli(['export', '--subject', AGUS_NIP, '--out', caseA, '--store', db]);
    expect(exported.code, exported.stderr).toBe(0);
    const files = bundleText(caseA, (p) => p.startsWith('captures/'));
    expect(files.get('findings.csv')!.trim().split('\n')).toHaveLength(3);
    for (const [file, text] of files) expect(text, file).not.toContain('Dedi Kurniawan');
  });
});
