// Types of scripts/lib/nusax-glosses.mjs for the tests of its filters.
export declare const NUSAX_LANGUAGES: Record<string, string>;
export declare const MIN_FORM_LENGTH: number;
export declare const DENY_FORMS: ReadonlyMap<string, string>;
export declare const DENY_TARGETS: ReadonlyMap<string, string>;
export interface GlossFilters {
  indonesian: ReadonlySet<string>;
  relevant: (target: string) => boolean;
  regional?: ReadonlySet<string>;
  otherLanguage?: (form: string, target: string) => boolean;
}
export interface MinedPair {
  target: string;
  form: string;
  count: number;
  dice: number;
}
export interface PairGloss {
  lang: string;
  target: string;
  form: string;
}
export declare function dropFinalApostrophes(text: string): string;
export declare function wordsOf(text: string): string[];
export declare function naiveRoots(word: string): string[];
export declare function indonesianVocabulary(words: Iterable<string>): Set<string>;
/** A rule word that is a regional form of NusaX's lexicons no Indonesian source has (not Indonesian evidence for filter 4). */
export declare function isListedRegionalWord(word: string, sources: { regionalForms: ReadonlySet<string>; indonesianWords: ReadonlySet<string> }): boolean;
export declare function rejectReason(target: string, form: string, filters: GlossFilters): string | undefined;
export declare function glossesFromPairs(rows: Array<[string, string]>, lang: string, options: GlossFilters & { fold: (s: string) => string }): { kept: PairGloss[]; dropped: Record<string, number> };
export declare function otherLanguageUse(
  form: string,
  lang: string,
  target: string,
  options: { sentenceCounts: ReadonlyMap<string, ReadonlyMap<string, number>>; lexiconTargets: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>; min?: number },
): boolean;
export declare function dropAmbiguousForms<G extends PairGloss>(glosses: G[], sameWord?: (a: string, b: string) => boolean): { kept: G[]; ambiguous: string[] };
export declare function mineByDice(pairs: Array<[ReadonlySet<string>, ReadonlySet<string>]>, cues: ReadonlySet<string>, options?: { minCount?: number; minDice?: number }): MinedPair[];
export declare function alignmentPrecision(pairs: Array<[ReadonlySet<string>, ReadonlySet<string>]>, target: string, form: string): { occurrences: number; precision: number } | undefined;
