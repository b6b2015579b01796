import { describe, expect, it } from 'vitest';
import { normalise, toOriginal, isWordBoundary } from '../../src/text/normalise.js';

function norm(s: string): string {
  return normalise(s).text;
}

/** the original text a normalised word maps back to */
function originalOf(s: string, word: string): string {
  const n = normalise(s);
  const i = n.text.indexOf(word);
  expect(i, `"${word}" not in "${n.text}"`).toBeGreaterThanOrEqual(0);
  const o = toOriginal(n, i, i + word.length);
  return s.slice(o.start, o.end);
}

describe('normalise', () => {
  it('lower-cases and folds stylised and accented letters', () => {
    expect(norm('𝐏𝐫𝐚𝐛𝐨𝐰𝐨 Café')).toBe('prabowo cafe');
    expect(norm('ＰＲＡＢＯＷＯ')).toBe('prabowo');
  });

  it('splits hashtags into words at case and digit boundaries', () => {
    expect(norm('#PrabowoGibran2024')).toBe('prabowo gibran 2024');
    expect(norm('#01IndonesiaMaju')).toBe('01 indonesia maju');
    expect(norm('#ASNNetral')).toBe('asn netral');
    expect(norm('lihat #pilpres')).toBe('lihat pilpres');
  });

  it('keeps emoji hand signs as tokens and turns keycaps into zero-padded numbers', () => {
    expect(norm('coblos✌️')).toBe('coblos ✌');
    expect(norm('pilih 2️⃣ 👍🏽')).toBe('pilih 02 👍');
  });

  it('squashes elongation but keeps double letters', () => {
    expect(norm('mantappp bangettt')).toBe('mantap banget');
    expect(norm('Aamiin')).toBe('aamiin');
  });

  it('undoes leetspeak inside words but leaves numbers alone', () => {
    expect(norm('G4nj4r Pr4n0w0')).toBe('ganjar pranowo');
    expect(norm('tahun 2024 nomor 02')).toBe('tahun 2024 nomor 02');
    expect(norm('jokowi2019')).toBe('jokowi2019');
  });

  it('joins spaced-out letters', () => {
    expect(norm('P r a b o w o presiden')).toBe('prabowo presiden');
    expect(norm('a b c')).toBe('a b c');
  });

  it('expands chat abbreviations and number words after a number cue', () => {
    expect(norm('yg terbaik dgn program')).toBe('yang terbaik dengan program');
    expect(norm('coblos nomor dua')).toBe('coblos nomor 2');
    expect(norm('dua orang')).toBe('dua orang');
    expect(norm('coblos satu kali')).toBe('coblos satu kali');
    // regional number words after the cue: Betawi, Madurese, Buginese, Toba Batak
    expect(norm('nomor due dah')).toBe('nomor 2 sudah');
    expect(norm('pele nomer settong')).toBe('pele nomor 1');
    expect(norm('nomer tellu')).toBe('nomor 3');
    expect(norm('nomor sada')).toBe('nomor 1');
    expect(norm('due orang')).toBe('due orang');
    // Javanese krama numbers after the cue; alone they stay words ("kalih" is also "and" in krama)
    expect(norm('Nomer kalih, monggo')).toBe('nomor 2, monggo');
    expect(norm('nomer setunggal')).toBe('nomor 1');
    expect(norm('bapak kalih ibu')).toBe('bapak kalih ibu');
  });

  it('leaves a number word after a ballot verb a word: "coblos satu saja" is how to mark a valid ballot', () => {
    // without a number cue the number word is not a ballot number (a voter-education "coblos satu
    // aja biar sah" read as "coblos 1" accused its writer in a blind round)
    expect(norm('coblos satu aja biar sah')).toBe('coblos satu saja biar sah');
    expect(norm('coblos satu kali')).toBe('coblos satu kali');
    expect(norm('pilih nomor dua')).toBe('pilih nomor 2');
  });

  it('reads a spelled numeral of two and up as a number after a ballot cue when it closes its clause', () => {
    // the ballot verbs and "pokoknya" in its regional forms (BALLOT_CUES), the numeral last, before
    // punctuation or an emoji, or before a clause tail (a focus particle, a tag, an address)
    expect(norm('Sesuk ojok lali rek, coblos telu 😉')).toBe('sesuk ojok lali rek, coblos 3 😉');
    expect(norm('Pokoknye dua!')).toBe('pokoknye 2!');
    expect(norm('coblos tilu wae kang')).toBe('coblos 3 wae kang');
    expect(norm('pokoke papat')).toBe('pokoke 4');
    // a count, a following noun or a reduplication is no pair number
    expect(norm('coblos dua kali')).toBe('coblos dua kali');
    expect(norm('pokoknya dua orang')).toBe('pokoknya dua orang');
    expect(norm('pokokna tilu poe deui')).toBe('pokokna tilu poe deui');
    expect(norm('coblos dua-duanya')).toBe('coblos dua duanya');
    // "one" is how many to punch, in every language
    expect(norm('Coblos satu, lipat, masukkan kotak')).toBe('coblos satu, lipat, masukkan kotak');
    expect(norm('coblos hiji wae')).toBe('coblos hiji wae');
    // a number word with no ballot cue before it stays a word
    expect(norm('telu 😉')).toBe('telu 😉');
  });

  it('reads the Sundanese superlative pang-X-na as "paling X"', () => {
    // written apart: "pang" before an adjective in -na (its -na stays: the matcher reads the clitic)
    expect(norm('Kang Budi nu pang tandesna ngajawab')).toBe('kang budi nu paling tandesna ngajawab');
    // written as one word after the relative "nu"
    expect(norm('Ustadz Yusuf nu pangasakna')).toBe('ustadz yusuf nu paling asak');
    expect(norm('nu pangsaéna')).toBe('nu paling sae');
    expect(originalOf('Ustadz Yusuf nu pangasakna', 'paling')).toBe('pang');
    expect(originalOf('Ustadz Yusuf nu pangasakna', 'asak')).toBe('asak');
    // pang- nouns ("pangaruhna": its influence) without "nu", and the benefactive "pang … -keun", stay
    expect(norm('pangaruhna gede pisan')).toBe('pangaruhna gede pisan');
    expect(norm('pang meulikeun kopi')).toBe('pang meulikeun kopi');
    expect(norm('pangna telat')).toBe('pangna telat');
  });

  it('maps every normalised span back to the original words', () => {
    expect(originalOf('Ayo G4nj4r sat set', 'ganjar')).toBe('G4nj4r');
    expect(originalOf('Ayo coblos 2️⃣ sekarang', '02')).toBe('2️⃣');
    expect(originalOf('#PrabowoGibran2024 ✌️', 'gibran')).toBe('Gibran');
    expect(originalOf('mantappp 😍 P r a b o w o', 'prabowo')).toBe('P r a b o w o');
    expect(originalOf('yg penting 𝐆𝐚𝐧𝐣𝐚𝐫', 'yang')).toBe('yg');
    expect(originalOf('yg penting 𝐆𝐚𝐧𝐣𝐚𝐫', 'ganjar')).toBe('𝐆𝐚𝐧𝐣𝐚𝐫');
  });

  it('tells word boundaries in normalised text', () => {
    const t = 'prabowo gibran';
    expect(isWordBoundary(t, 0, 7)).toBe(true);
    expect(isWordBoundary(t, 0, 4)).toBe(false);
    expect(isWordBoundary('a ✌ b', 2, 3)).toBe(true);
  });
});

describe('hashtag and URL masks', () => {
  it('marks the characters that came from a hashtag', () => {
    const n = normalise('dukung Jokowi lagi #JokowiLagi');
    const plain = n.text.indexOf('jokowi');
    const tag = n.text.lastIndexOf('jokowi');
    expect(n.inHashtag[plain]).toBe(0);
    expect(n.inHashtag[tag]).toBe(1);
  });

  it('marks the characters that came from a URL, bare domains included', () => {
    const n = normalise('Baca https://news.example.com/read/prabowo-sandi-janji dan kompas.com/berita/x ya');
    expect(n.inUrl[n.text.indexOf('prabowo')]).toBe(1);
    expect(n.inUrl[n.text.indexOf('kompas')]).toBe(1);
    expect(n.inUrl[n.text.indexOf('baca')]).toBe(0);
    expect(n.inUrl[n.text.lastIndexOf('ya')]).toBe(0);
  });

  it('marks quotations of four or more words, not short scare quotes', () => {
    const n = normalise('Kata dia "kami tidak akan mengambil gaji" lalu si "pemimpin sejati" diam');
    expect(n.inQuote[n.text.indexOf('mengambil')]).toBe(1);
    expect(n.inQuote[n.text.indexOf('kata')]).toBe(0);
    expect(n.inQuote[n.text.indexOf('sejati')]).toBe(0);
    const curly = normalise('Judulnya “Prabowo Janji Tidak Ambil Gaji Presiden” di YouTube');
    expect(curly.inQuote[curly.text.indexOf('janji')]).toBe(1);
    expect(curly.inQuote[curly.text.indexOf('youtube')]).toBe(0);
    // an unpaired quote masks nothing
    const open = normalise('Dia bilang "nanti gaji naik semua tahun depan');
    expect(open.inQuote.every((b) => b === 0)).toBe(true);
  });
});

describe('repairs and written-out signs', () => {
  it('repairs UTF-8 that was read as windows-1252 and maps it back to the damaged characters', () => {
    const s = 'Mantap ðŸ˜‚ Jokowi â€œ2 periodeâ€\u009d';
    const n = normalise(s);
    expect(n.text).toContain('😂');
    expect(n.text).toContain('“2 periode”');
    expect(originalOf(s, '😂')).toBe('ðŸ˜‚');
  });

  it('leaves ordinary accented text alone', () => {
    expect(norm('Café à la carte')).toBe('cafe a la carte');
  });

  it('turns emoji written as names back into emoji', () => {
    expect(norm('Salam <Victory Hand> paslon')).toBe('salam ✌ paslon');
    expect(norm('mantap :thumbs_up: pak')).toBe('mantap 👍 pak');
    expect(norm('jam 10:30:00 pagi')).toBe('jam 10:30:00 pagi');
  });

  it('reads the emoji names of the DKI 2017 corpus converter (Unicode 6 names, its misspellings) as the emoji rules read', () => {
    expect(norm('kalah <Face With Stuck-Out Tongue & Closed Eyes> <grining face with smile eye>')).toBe('kalah 😝 😁');
    expect(norm('<FACE WITH STUCK-OUT TOUNGES> <Fire> <Folded Hands> <Loudly Crying Face>')).toBe('😛 🔥 🙏 😭');
    expect(norm('<Cat Face With Tears of Joy> <Smiling Face With Open Mouth & Closed Eyes>')).toBe('😹 😆');
    // a name no rule reads stays as written
    expect(norm('<Pig Nose> tetap')).toBe('<pig nose> tetap');
  });

  it('reads "no.3" after a number cue as nomor 3', () => {
    expect(norm('milih no.3 ya')).toBe('milih nomor 3 ya');
    expect(norm('nmr. 2')).toBe('nomor 2');
    expect(norm('selesai. 3 hari lagi')).toBe('selesai. 3 hari lagi');
  });
});

describe('normalise: words that are also member names of a plain object', () => {
  it('keeps "constructor", "toString" and "__proto__" as the words they are (the slang table is no object lookup)', () => {
    expect(normalise('Constructor toString __proto__ valueOf').text).toBe('constructor tostring __proto__ valueof');
  });
});

describe('normalise: long texts', () => {
  it('builds a text of many thousand units whole, every offset mapped back', () => {
    const original = 'Coblos NOMOR dua ✌️ '.repeat(600);
    const n = normalise(original);
    expect(n.text.length).toBeGreaterThan(8192);
    expect(n.text.startsWith('coblos nomor 2 ✌')).toBe(true);
    const last = n.text.lastIndexOf('coblos');
    const back = toOriginal(n, last, last + 'coblos'.length);
    expect(original.slice(back.start, back.end)).toBe('Coblos');
  });
});
