// How a finding names a regional word read through a gloss: “kala” (Madura → kalah).
import { defineMessages, t, type Lang, type Message } from './index.js';
import type { GlossLanguage, GlossNote } from '../text/glosses.js';

export const glossLanguageNames: Record<GlossLanguage, Message> = {
  ace: { id: 'Aceh', en: 'Acehnese' },
  ban: { id: 'Bali', en: 'Balinese' },
  bjn: { id: 'Banjar', en: 'Banjarese' },
  bug: { id: 'Bugis', en: 'Buginese' },
  jav: { id: 'Jawa', en: 'Javanese' },
  mad: { id: 'Madura', en: 'Madurese' },
  min: { id: 'Minang', en: 'Minangkabau' },
  nij: { id: 'Ngaju', en: 'Ngaju' },
  sun: { id: 'Sunda', en: 'Sundanese' },
  bbc: { id: 'Batak Toba', en: 'Toba Batak' },
};

export const glossText = defineMessages({
  /** one glossed word that is the whole matched span */
  whole: { id: '{langs} → {target}', en: '{langs} → {target}' },
  /** one glossed word inside a longer matched span */
  part: { id: '{form}: {langs} → {target}', en: '{form}: {langs} → {target}' },
});

/** The note after a matched word: "Madura → kalah", or "loppa: Madura → lupa; …" for a phrase; '' without glosses. */
export function glossNoteText(notes: readonly GlossNote[], whole: boolean, lang: Lang): string {
  return notes
    .map((n) => {
      const langs = n.langs.map((l) => glossLanguageNames[l][lang]).join(', ');
      return t(whole && notes.length === 1 ? glossText.whole : glossText.part, { form: n.form, langs, target: n.target }, lang);
    })
    .join('; ');
}
