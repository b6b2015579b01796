// Indonesian syllabification of one lower-case word, for the coined pair names residents make from
// two candidates' names ("Andika"–"Hendi" → "AnHen": registry coinages). The rules are the
// standard ones (TBBBI's "pemenggalan kata"), which names written in Indonesian follow too:
// - a syllable has one vowel, or one of the diphthongs ai, au, oi, ei at the word's end ("pan-tai",
//   "ha-ri-mau"); inside a word they are two ("ma-in", "mu-ha-i-min", "a-u-li-a");
// - one consonant between two vowels opens the next syllable ("a-da", "bu-di");
// - of two or more, the last opens the next syllable ("an-di-ka", "hen-di", "is-war"), or the last
//   two when they are a stop or f plus r or l ("hen-drar", "an-dri", "cu-pli-kan");
// - the digraphs ng, ny, kh, sy and the old spellings dj, tj, ch, th, dh, sh are one consonant
//   ("nga-bei", "syah-ba-na", "luth-fi");
// - y after a consonant and not before a vowel is a vowel ("bob-by", "ny" aside); "y" before a vowel is a consonant.

const VOWEL = /^[aeiou]$/;
const DIGRAPHS: ReadonlySet<string> = new Set(['ng', 'ny', 'kh', 'sy', 'dj', 'tj', 'ch', 'th', 'dh', 'sh', 'gh']);
const DIPHTHONGS: ReadonlySet<string> = new Set(['ai', 'au', 'oi', 'ei']);
/** two consonants that open a syllable together (a stop or f before r or l) */
const ONSET_CLUSTER = /^[bcdfgkpt][rl]$/;

/** A word's sounds: vowels and consonants, digraphs as one. `vowel` marks a syllable's nucleus. */
interface Sound {
  text: string;
  vowel: boolean;
}

function sounds(word: string): Sound[] {
  const out: Sound[] = [];
  for (let i = 0; i < word.length; ) {
    const two = word.slice(i, i + 2);
    const c = word[i] as string;
    if (VOWEL.test(c)) {
      // a diphthong only at the end: "pan-tai"; "ma-in", "mu-ha-i-min"
      if (DIPHTHONGS.has(two) && i + 2 === word.length) {
        out.push({ text: two, vowel: true });
        i += 2;
      } else {
        out.push({ text: c, vowel: true });
        i += 1;
      }
      continue;
    }
    if (DIGRAPHS.has(two) && !(two === 'ny' && !VOWEL.test(word[i + 2] ?? ''))) {
      out.push({ text: two, vowel: false });
      i += 2;
      continue;
    }
    // y is a vowel after a consonant when no vowel follows ("bobby", "yoyok" keeps its y's as consonants)
    const prev = out[out.length - 1];
    if (c === 'y' && prev !== undefined && !prev.vowel && !VOWEL.test(word[i + 1] ?? '')) {
      out.push({ text: c, vowel: true });
      i += 1;
      continue;
    }
    out.push({ text: c, vowel: false });
    i += 1;
  }
  return out;
}

/** A syllable's onset and vowel, without its closing consonants: "bob" → "bo", "syah" → "sya", "an" → "a". */
export function openPart(syllable: string): string {
  const s = sounds(syllable);
  const v = s.findIndex((x) => x.vowel);
  return v < 0 ? syllable : s.slice(0, v + 1).map((x) => x.text).join('');
}

/**
 * The syllables of a lower-case word of letters a–z ("andika" → an, di, ka; "bobby" → bob, by;
 * "agustina" → a, gus, ti, na). A word with no vowel is one syllable; anything but a–z gives [].
 */
export function syllables(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  const s = sounds(word);
  const nuclei = s.flatMap((x, i) => (x.vowel ? [i] : []));
  if (nuclei.length <= 1) return [word];
  // where each syllable after the first starts: within the consonants between two nuclei
  const starts: number[] = [];
  for (let k = 1; k < nuclei.length; k++) {
    const prev = nuclei[k - 1] as number;
    const next = nuclei[k] as number;
    const between = next - prev - 1;
    if (between <= 1) starts.push(prev + 1);
    else {
      const lastTwo = (s[next - 2]?.text ?? '') + (s[next - 1]?.text ?? '');
      starts.push(ONSET_CLUSTER.test(lastTwo) ? next - 2 : next - 1);
    }
  }
  const out: string[] = [];
  let from = 0;
  for (const at of [...starts, s.length]) {
    out.push(s.slice(from, at).map((x) => x.text).join(''));
    from = at;
  }
  return out;
}
