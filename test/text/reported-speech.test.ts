// Reported speech: the words a post attributes to a named speaker, masked like a long quotation.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reportedSpeechRanges, sayVerbs } from '../../src/text/reported-speech.js';
import { normalise } from '../../src/text/normalise.js';
import { lexiconWords, SAY_VERB_LEXICONS } from '../../src/rules/pack.js';

// the verbs of saying come from the rule pack's lexicons, as the evaluator passes them
const verbs = SAY_VERB_LEXICONS.flatMap((id) => (parse(readFileSync(fileURLToPath(new URL(`../../rules/lexicons/${id}.yml`, import.meta.url)), 'utf8')) as { terms: string[] }).terms);
// and the nouns of a thing that carries others' words (lexicon benda-ujaran), with its clitics
const nounsLexicon = parse(readFileSync(fileURLToPath(new URL('../../rules/lexicons/benda-ujaran.yml', import.meta.url)), 'utf8')) as { terms: string[]; paradigm: 'definite' };
const say = sayVerbs(verbs, [...lexiconWords(nounsLexicon)]);
const spans = (t: string) => reportedSpeechRanges(t, say).map(([a, b]) => t.slice(a, b).trim());

describe('reportedSpeechRanges', () => {
  it('reads a short quote after a verb of saying as the speaker\'s', () => {
    expect(spans('Anies singgung "perubahan" di depan mahasiswa')).toEqual(['"perubahan"']);
    expect(spans('lagi2 si "pemimpin sejati" pencitraan')).toEqual([]);
  });

  it('reads the sentence after an opening speaker and a colon, not after a label or a retweet', () => {
    expect(spans('Kominfo: akun itu bukan milik Gibran, kata pengamat. Kasus ditutup')).toEqual(['akun itu bukan milik Gibran, kata pengamat']);
    expect(spans('Menang Pilkada DKI, Prabowo: Anies-Sandi Harus Kerja Keras')).toEqual(['Anies-Sandi Harus Kerja Keras']);
    expect(spans('BREAKING: Prabowo umumkan Gibran sebagai cawapres')).toEqual([]);
    expect(spans('Berita Badja: rencana Ahok jika kalah')).toEqual([]);
    expect(spans('@didien: #AHY No. 1')).toEqual([]);
    expect(spans('Saya: pilih 02 aja')).toEqual([]);
    expect(spans('Pilihanku: Prabowo-Gibran, pemimpin tegas')).toEqual([]);
    expect(spans('Capres Pilihan Saya: Anies, pemimpin cerdas')).toEqual([]);
  });

  it('reads a that-clause after a verb of saying to the end of its sentence', () => {
    expect(spans('Ketika PRABOWO bilang bahwa ekonomi hancur karena presiden sebelumnya.. Saya kaget')).toEqual(['ekonomi hancur karena presiden sebelumnya']);
    // an ellipsis joined to the next word still ends the sentence; a decimal point does not
    expect(spans('X bilang kalau menang sekolah gratis di desa...masya Allah keren')).toEqual(['menang sekolah gratis di desa']);
    expect(spans('X bilang bahwa ekonomi tumbuh 5.1 persen tahun ini')).toEqual(['ekonomi tumbuh 5.1 persen tahun ini']);
  });

  it('leaves the writer\'s closing aside of one or two words after a comma out of a sentence-long report', () => {
    expect(spans('Prabowo bilang kalau makan siang gratis buat semua anak, no thanks')).toEqual(['makan siang gratis buat semua anak']);
    expect(spans('X bilang bahwa harga beras bakal turun, preet 🤣')).toEqual(['harga beras bakal turun']);
    expect(spans('Prabowo: makan siang gratis mulai tahun depan, setuju!')).toEqual(['makan siang gratis mulai tahun depan']);
    // a clause of three words or more after the comma is still the speaker's
    expect(spans('X bilang bahwa harga beras turun, mulai bulan depan')).toEqual(['harga beras turun, mulai bulan depan']);
    // and the report keeps two words at least
    expect(spans('X bilang kalau naik, setuju')).toEqual(['naik, setuju']);
  });

  it('reads the clause after "kata X" or "menurut X", leaving the writer\'s words around it', () => {
    expect(spans('Kata Jokowi ekonomi meroket, padahal harga cabai naik terus')).toEqual(['ekonomi meroket']);
    expect(spans('Menurut Prabowo ekonomi bocor. Saya setuju')).toEqual(['ekonomi bocor']);
    expect(spans('menurut saya Anies lebih siap')).toEqual([]);
    expect(spans('kata orang Anies lebih siap')).toEqual([]);
  });

  it('marks those words as quoted in the normalised text', () => {
    const n = normalise('Kominfo: akun fufufafa bukan milik Gibran https://t.co/x', say);
    expect(n.inQuote[n.text.indexOf('fufufafa')]).toBe(1);
    expect(n.inQuote[n.text.indexOf('kominfo')]).toBe(0);
  });

  it('reads its verbs of saying from the lexicons, every form of them', () => {
    // a news-attribution verb (verba-lapor) and an everyday one (verba-ujaran)
    expect(spans('Jokowi tegaskan "kerja kerja kerja"')).toEqual(['"kerja kerja kerja"']);
    expect(spans('Pak RT bilang kalau jalan ditutup besok')).toEqual(['jalan ditutup besok']);
    // a phrase of the lexicon ("kata dia") with any spacing
    expect(spans('kata  dia "jangan golput"')).toEqual(['"jangan golput"']);
    // with no verbs given, only the scans with their own anchor run
    expect(reportedSpeechRanges('Anies singgung "perubahan" lagi')).toEqual([]);
    expect(sayVerbs([])).toBeUndefined();
  });

  it('reads a third person\'s verb of saying and its complement, a question to its sentence end', () => {
    expect(spans('Warga tanya ke kantor desa, apa benar kalau tidak pilih 02 bansos dicabut? Tidak benar pak')).toEqual(['tanya ke kantor desa, apa benar kalau tidak pilih 02 bansos dicabut?'.replace(/\?$/, '')]);
    expect(spans('Mereka cuma bilang: oh yang suka marah itu. Lanjut kerja')).toEqual(['bilang: oh yang suka marah itu']);
    // the writer's own verb of saying is the writer's words
    expect(spans('Saya bilang pilih 02 aja, udah jelas')).toEqual([]);
  });

  it('reads a relative\'s verb of saying (kin nouns with -ku/-nya) and its complement as theirs', () => {
    expect(spans('Exactly, keluargaku juga bilang gaji gak bakal naik kalo jokowi lagi')).toEqual(['bilang gaji gak bakal naik kalo jokowi lagi']);
    expect(spans('Ortuku bilang pilih 02 aja, nurut deh')).toEqual(['bilang pilih 02 aja']);
    // the writer's own verb stays the writer's
    expect(spans('Aku bilang 02 menang')).toEqual([]);
  });

  it('reads a clause opened by hearsay as others\' words, up to its comma', () => {
    expect(spans('katanya warga dukung 02, tapi saya belum tahu')).toEqual(['katanya warga dukung 02']);
    expect(spans('Jarene Prabowo menang, aku ra ngerti')).toEqual(['Jarene Prabowo menang']);
  });

  it('reads Sundanese and Javanese hearsay closing its clause ("… cenah", "… jare") as others\' words, from the clause start', () => {
    expect(spans('Budi-Dewi menang cenah, kumaha tah')).toEqual(['Budi-Dewi menang cenah']);
    expect(spans('Wis, 02 unggul jare. Aku ra percaya')).toEqual(['02 unggul jare']);
    // Indonesian "katanya" closing a clause is read only where it opens one (a premise the writer adopts)
    expect(spans('Cina butuh 40 tahun katanya ... Y baru 4 tahun')).toEqual([]);
    // inside a clause, or in "kata-katanya", it is no hearsay
    expect(spans('kata-katanya bagus, aku suka')).toEqual([]);
    expect(spans('janji katanya ditepati, pilih 02')).toEqual([]);
  });

  it('reads a forwarded block after its header as its author\'s, to the end or a closing rule line; the forwarder\'s comment stays the writer\'s', () => {
    expect(spans('Forwarded\nAnies pembohong, jangan percaya!')).toEqual(['Forwarded\nAnies pembohong, jangan percaya!']);
    expect(spans('Forwarded from Relawan BUDE\nAyo coblos nomor 2!\n-----\nmantap, aku melu')).toEqual(['Forwarded from Relawan BUDE\nAyo coblos nomor 2!']);
    expect(spans('Setuju banget, pilih 02!\n\nDiteruskan:\nPrabowo-Gibran pemimpin tegas')).toEqual(['Diteruskan:\nPrabowo-Gibran pemimpin tegas']);
    expect(spans('*Pesan terusan* dari grup sebelah: Ganjar pasti menang')).toEqual(['*Pesan terusan* dari grup sebelah: Ganjar pasti menang']);
    // the verbs of passing something on, and "copas" as the writer's own verb, head nothing
    expect(spans('Sudah diteruskan ke seluruh staf kecamatan')).toEqual([]);
    expect(spans('Diteruskan ke Panwascam, terima kasih')).toEqual([]);
    expect(spans('copas aja pak visi misinya')).toEqual([]);
  });

  it('reads the charge after a legal status as the authority\'s words, up to its comma or the first tag', () => {
    expect(spans('Bareskrim tetapkan Basuki sebagai tersangka kasus dugaan penistaan agama https://x.example/berita/1')).toEqual(['penistaan agama']);
    expect(spans('Ahok terdakwa penodaan agama, penista kayak gitu mau jadi gubernur')).toEqual(['penodaan agama']);
    expect(spans('kegilaan tuntutan JPU kasus #AhokPenistaAgama')).toEqual(['JPU kasus']);
    expect(spans('Ahok penista agama, jangan pilih')).toEqual([]);
  });

  it('reads a quote in single quotes after a verb of saying, with a word or two of manner between', () => {
    expect(spans("Prabowo jawab 'omon-omon'. Debat paling panas")).toEqual(["'omon-omon'"]);
    expect(spans("bapak2 depan gue ngomong keras2 'pokoknya yg nomer 2'. Dimarahin KPPS")).toEqual(["'pokoknya yg nomer 2'"]);
    // an apostrophe inside a word opens no quote
    expect(spans("Jum'at ini Ma'ruf Amin ke Solo")).toEqual([]);
  });

  it('reads a quote after the noun of a thing that carries others\' words (a meme, a broadcast, an account) as that thing\'s', () => {
    expect(spans('Ada yg share meme "Jokowi antek aseng" di grup RW')).toEqual(['"Jokowi antek aseng"']);
    expect(spans("kenapa broadcast 'Jokowi antek asing' masih aja dishare")).toEqual(["'Jokowi antek asing'"]);
    expect(spans('Akun Kaskus "fufufafa" diduga milik Gibran')).toEqual(['"fufufafa"']);
    // the writer's own vehicles are the writer's words
    expect(spans('pasang spanduk "Coblos 02" di depan rumah')).toEqual([]);
  });

  it('reads the post formats a writer heads a post with as no speaker', () => {
    expect(spans('OOTD: kaos Prabowo-Gibran + celana cargo')).toEqual([]);
    expect(spans('POV: ASN tapi hatinya nomor 3')).toEqual([]);
  });
});

describe('quotationRanges and ditto marks', () => {
  it('pairs no straight quote that follows a letter (a chat plural or ditto)', () => {
    const n = normalise('Dr ini aja kita" dah bisa ambil kesimpulan klo ulama" jg berbayar, @prabowo jg sama', say);
    expect([...n.inQuote].some((x) => x === 1)).toBe(false);
    const q = normalise('Kata dia "Pak Prabowo paling tegas se Indonesia" gitu', say);
    expect([...q.inQuote].some((x) => x === 1)).toBe(true);
  });
});

describe('the carriers of others\' words come from a lexicon with their clitics (benda-ujaran, paradigm: definite)', () => {
  it('reads a quote after a carrier noun with its definite clitic as that thing\'s', () => {
    expect(spans('liat judulnya "Pilih 02 biar menang" di grup')).toEqual(['"Pilih 02 biar menang"']);
    expect(spans('ada akunnya "fufufafa" di kaskus')).toEqual(['"fufufafa"']);
  });
  it('leaves a quote after the writer\'s own vehicle alone', () => {
    expect(spans("pasang spanduk 'Coblos 02' di depan rumah")).toEqual([]);
  });
});
