// `netral rules test`: every rule's inline fixtures, run through the real engine (exceptions
// included, so an exception that swallows a true positive fails here), plus coverage per rule.
import { makeItem, type Item } from '../model/item.js';
import type { Finding } from '../model/finding.js';
import { evaluateRule, prepareItem } from './evaluate.js';
import type { CompiledRule, RulePack } from './pack.js';
import type { RuleTest, TestItem } from './schema.js';

/** A rule needs at least this many fixtures that must flag and that must not. */
export const MIN_FIXTURES = { match: 3, noMatch: 3 } as const;

export interface FixtureOutcome {
  test: RuleTest;
  /** position in the rule's tests list */
  index: number;
  line: number | undefined;
  status: 'pass' | 'fail' | 'todo';
  finding: Finding | undefined;
  /** why it failed, in English words the runner shows */
  problem?: string;
}

export interface RuleReport {
  rule: CompiledRule;
  outcomes: FixtureOutcome[];
  tp: number;
  tn: number;
  fp: number;
  fn: number;
  todo: number;
  /** lint problems of the rule itself (missing fixtures …) */
  problems: string[];
  /** traps exercised by no_match fixtures */
  traps: string[];
  ms: number;
}

export interface RuleTestSummary {
  reports: RuleReport[];
  passed: number;
  failed: number;
  todo: number;
}

export function runRuleTests(pack: RulePack, only?: (rule: CompiledRule) => boolean): RuleTestSummary {
  const reports: RuleReport[] = [];
  for (const rule of pack.rules) {
    if (only && !only(rule)) continue;
    const started = performance.now();
    const report: RuleReport = { rule, outcomes: [], tp: 0, tn: 0, fp: 0, fn: 0, todo: 0, problems: [], traps: [], ms: 0 };
    rule.def.tests.forEach((test, index) => {
      const item = testItem(test.item, rule, index);
      const finding = evaluateRule(pack, rule, prepareItem(pack, item, test.region ? { region: test.region } : {}));
      const outcome = judge(test, finding);
      report.outcomes.push({ test, index, line: rule.locator.locate(['tests', index])?.line, finding, ...outcome });
      if (outcome.status === 'todo') report.todo++;
      else if (test.expect === 'match') outcome.status === 'pass' ? report.tp++ : report.fn++;
      else outcome.status === 'pass' ? report.tn++ : report.fp++;
    });
    if (rule.def.status !== 'deprecated') {
      const positives = rule.def.tests.filter((t) => t.expect === 'match').length;
      const negatives = rule.def.tests.filter((t) => t.expect === 'no_match').length;
      if (positives < MIN_FIXTURES.match) report.problems.push(`needs at least ${MIN_FIXTURES.match} fixtures that must match (has ${positives})`);
      if (negatives < MIN_FIXTURES.noMatch) report.problems.push(`needs at least ${MIN_FIXTURES.noMatch} fixtures that must not match (has ${negatives})`);
      for (const m of rule.unless.keys()) {
        // an exception no fixture exercises is untested (ESLint's unused directives)
        const exercised = rule.def.tests.some((t, i) => t.expect === 'no_match' && report.outcomes[i]?.status === 'pass' && unlessFires(pack, rule, m, t, i));
        if (!exercised) report.problems.push(`unless.${m} is not exercised by any passing no_match fixture`);
      }
    }
    report.traps = [...new Set(rule.def.tests.filter((t, i) => t.trap && t.expect === 'no_match' && report.outcomes[i]?.status === 'pass').map((t) => t.trap as string))];
    for (const trap of rule.def.traps) {
      if (!report.traps.includes(trap)) report.problems.push(`trap "${trap}" applies to this rule but no passing no_match fixture is tagged with it`);
    }
    report.ms = performance.now() - started;
    reports.push(report);
  }
  const failed = reports.reduce((n, r) => n + r.fp + r.fn + r.problems.length, 0);
  const passed = reports.reduce((n, r) => n + r.tp + r.tn, 0);
  const todo = reports.reduce((n, r) => n + r.todo, 0);
  return { reports, passed, failed, todo };
}

function judge(test: RuleTest, finding: Finding | undefined): { status: FixtureOutcome['status']; problem?: string } {
  const todo = test.expect === 'todo_match' || test.expect === 'todo_no_match';
  if (todo) return { status: 'todo' };
  if (test.expect === 'no_match') {
    return finding ? { status: 'fail', problem: `expected no_match, got a finding (${finding.spans.map((s) => `"${s.text}"`).join(', ')})` } : { status: 'pass' };
  }
  if (!finding) return { status: 'fail', problem: 'expected match, got none' };
  for (const pair of test.candidates ?? []) {
    if (!finding.candidates.some((c) => c.pair === pair)) {
      return { status: 'fail', problem: `expected candidate ${pair}, got ${finding.candidates.map((c) => c.pair).join(', ') || 'none'}` };
    }
  }
  for (const pair of test.not_candidates ?? []) {
    if (finding.candidates.some((c) => c.pair === pair)) {
      return { status: 'fail', problem: `expected no candidate ${pair}, got ${finding.candidates.map((c) => c.pair).join(', ')}` };
    }
  }
  if (test.message_contains && !finding.explanation.id.includes(test.message_contains) && !finding.explanation.en.includes(test.message_contains)) {
    return { status: 'fail', problem: `explanation does not contain "${test.message_contains}": ${finding.explanation.id}` };
  }
  return { status: 'pass' };
}

/** Does the rule's named unless block fire on this fixture? (checked by evaluating without it) */
function unlessFires(pack: RulePack, rule: CompiledRule, name: string, test: RuleTest, index: number): boolean {
  const unless = new Map(rule.unless);
  unless.delete(name);
  const without: CompiledRule = { ...rule, unless };
  const item = testItem(test.item, rule, index);
  return evaluateRule(pack, without, prepareItem(pack, item, test.region ? { region: test.region } : {})) !== undefined;
}

/** A fixture's partial item filled with defaults into a real Item. */
export function testItem(t: TestItem, rule: CompiledRule, index: number): Item {
  return makeItem({
    platform: t.platform,
    kind: t.kind,
    text: t.text,
    time: t.time ? new Date(t.time).toISOString() : undefined,
    reaction: t.reaction,
    target: t.target,
    place: t.place,
    event: t.event,
    context: t.context,
    media: t.media ?? [],
    link: t.link,
    hashtags: t.hashtags ?? [],
    source: { captureId: 'fixture', path: rule.file, pointer: `/tests/${index}` },
  });
}

