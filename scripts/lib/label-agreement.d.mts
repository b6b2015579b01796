export interface LabelRow {
  label: string;
  prohibition: string;
  stance: string;
  pair: string;
  clean_reason: string;
  [column: string]: string;
}
export interface Agreement {
  n: number;
  firstPartisan: number;
  secondPartisan: number;
  rawAgreement: number | undefined;
  kappa: number | undefined;
  bothPartisan: number;
  prohibitionAgreement: number | undefined;
  pairAgreement: number | undefined;
  stanceAgreement: number | undefined;
  /** among items both call partisan, when both files have a context column */
  contextAgreement: number | undefined;
  disagreements: [string, number][];
  disagreeingKeys: Record<string, string[]>;
}
/** `label`, when given, is a printable name of the item (never its text), listed per disagreement category. */
export function agreement(pairs: { first: LabelRow; second: LabelRow; label?: string }[]): Agreement;
export function joinLabels(
  firstRows: LabelRow[],
  secondRows: LabelRow[],
  keyOf: (row: LabelRow) => string,
): { pairs: { key: string; first: LabelRow; second: LabelRow }[]; onlyFirst: string[]; onlySecond: string[] };
