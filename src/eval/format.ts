// Plain-text rendering of an evaluation report: aligned columns, no colour, stable for diffs.
import type { CorpusIssue } from './dataset.js';
import type { EvalReport, ScoredRow } from './metrics.js';

const HEAD = ['', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1'];

function cells(r: ScoredRow): string[] {
  return [r.name, String(r.tp), String(r.fp), String(r.fn), String(r.tn), r.precision.toFixed(3), r.recall.toFixed(3), r.f1.toFixed(3)];
}

/** Columns padded to their widest cell; the first column left-aligned, numbers right-aligned. */
export function alignTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

export function formatReport(report: EvalReport, options: { misses?: boolean; issues?: readonly CorpusIssue[] } = {}): string {
  const out: string[] = [];
  out.push(`Partisan (supports, promotes or attacks a pair) vs not — ${report.records} labelled posts`);
  out.push(formatSetTable(report));
  out.push('');
  out.push('Per prohibition (a finding\'s prohibition vs the label\'s)');
  out.push(alignTable([['prohibition', ...HEAD.slice(1)], ...report.byProhibition.map(cells)]));
  out.push('');
  const { checked, agreed } = report.pairAgreement;
  out.push(`Pair named correctly on ${agreed} of ${checked} flagged posts with a labelled pair`);
  out.push(formatPairStance(report));
  out.push(`Socialisation / voter-education texts: ${report.zeroSet.findings} finding(s) on ${report.zeroSet.records} texts`);
  const issues = options.issues ?? [];
  if (issues.length) {
    out.push('');
    out.push(`Corpus rows not evaluated (${issues.length}):`);
    for (const i of issues) out.push(`  ${i.corpus}${i.rowId ? ` row ${i.rowId}` : ''}: ${i.problem}`);
  }
  if (options.misses && report.misses.length) {
    out.push('');
    out.push(formatMisses(report));
  }
  if (options.misses && report.pairStance.disagreements.length) {
    out.push('');
    out.push(formatPairStanceDisagreements(report));
  }
  return out.join('\n');
}

/** The strict pair agreement in one line: the labelled pair with the labelled stance, and how the rest went. */
export function formatPairStance(report: EvalReport): string {
  const s = report.pairStance;
  return `Pair with the labelled stance on ${s.agreed} of ${s.checked} (wrong pair or stance ${s.wrong}, mention only ${s.mention}, not named ${s.unnamed})`;
}

/** The true positives whose findings do not give the labelled pair the labelled stance, by set and id (never the text). */
export function formatPairStanceDisagreements(report: EvalReport): string {
  const d = report.pairStance.disagreements;
  return [`Pair stance disagreements (${d.length}):`, ...d.map((x) => `  ${x.verdict.padEnd(7)}  ${x.set}:${x.id}  label ${x.label}  found ${x.found}  rules ${x.ruleIds.join(',') || '-'}`)].join('\n');
}

/** Every false positive and negative by set and id (never the text), with the label and the rules that fired. */
export function formatMisses(report: EvalReport): string {
  const out = [`Misses (${report.misses.length}):`];
  for (const m of report.misses) {
    const truth = m.truth.label === 'partisan' ? `partisan/${m.truth.prohibition}/${m.truth.stance}/${m.truth.pair ?? '-'}` : `clean/${m.truth.reason}`;
    out.push(`  ${m.kind === 'false-positive' ? 'FP' : 'FN'}  ${m.set}:${m.id}  label ${truth}${m.ruleIds.length ? `  rules ${m.ruleIds.join(',')}` : ''}`);
  }
  return out.join('\n');
}

/** The binary table alone (per set and overall), for the held-out tweets. */
export function formatSetTable(report: EvalReport): string {
  return alignTable([['set', ...HEAD.slice(1)], ...report.bySet.map(cells), cells(report.overall)]);
}
