// JUnit XML for `netral rules test --reporter junit`: one testsuite per rule, one testcase per fixture.
import type { RuleTestSummary } from '../rules/fixtures.js';

export function rulesJunitXml(s: RuleTestSummary): string {
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
  const tests = s.reports.reduce((n, r) => n + r.outcomes.length + r.problems.length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="netral rules" tests="${tests}" failures="${s.failed}" skipped="${s.todo}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}
