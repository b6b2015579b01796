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
  disagreements: [string, number][];
}
export function agreement(pairs: { first: LabelRow; second: LabelRow }[]): Agreement;
export function joinLabels(
  firstRows: LabelRow[],
  secondRows: LabelRow[],
  keyOf: (row: LabelRow) => string,
): { pairs: { key: string; first: LabelRow; second: LabelRow }[]; onlyFirst: string[]; onlySecond: string[] };
