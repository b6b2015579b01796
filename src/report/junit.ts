// JUnit XML for `netral rules test --format junit`: one testsuite per rule, one testcase per
// fixture, and a "rule files" suite with one failing testcase per file that could not be loaded.
import type { RuleTestSummary } from '../rules/fixtures.js';

export interface RuleFileProblem {
  file: string;
  line: number | null;
  column: number | null;
  message: string;
}

export function rulesJunitXml(s: RuleTestSummary, fileErrors: readonly RuleFileProblem[] = []): string {
  const suites = s.reports.map((r) => {
    const cases = r.outcomes.map((o) => {
      const name = xml(`${o.test.expect}: ${o.test.name}`);
      const inner =
        o.status === 'fail'
          ? `<failure message="${xml(o.problem ?? 'failed')}">${xml(`${r.rule.file}:${o.line ?? '?'}`)}</failure>`
          : o.status === 'todo'
            ? '<skipped message="todo"/>'
            : '';
      return `    <testcase classname="${xml(r.rule.def.id)}" name="${name}" time="0">${inner}</testcase>`;
    });
    for (const p of r.problems) cases.push(`    <testcase classname="${xml(r.rule.def.id)}" name="lint" time="0"><failure message="${xml(p)}"/></testcase>`);
    const failures = r.fp + r.fn + r.problems.length;
    return `  <testsuite name="${xml(r.rule.def.id)}" tests="${cases.length}" failures="${failures}" skipped="${r.todo}" time="${(r.ms / 1000).toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  if (fileErrors.length) {
    const cases = fileErrors.map((e) => {
      const where = `${e.file}${e.line !== null ? `:${e.line}:${e.column ?? 1}` : ''}`;
      return `    <testcase classname="rule-files" name="${xml(where)}" time="0"><failure message="${xml(e.message)}" type="schema">${xml(`${where}: ${e.message}`)}</failure></testcase>`;
    });
    suites.unshift(`  <testsuite name="rule files" tests="${cases.length}" failures="${cases.length}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const tests = s.reports.reduce((n, r) => n + r.outcomes.length + r.problems.length, 0) + fileErrors.length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="netral rules" tests="${tests}" failures="${s.failed + fileErrors.length}" skipped="${s.todo}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function xml(s: string): string {
  // characters XML 1.0 cannot carry at all are dropped
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}
