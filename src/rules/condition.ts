// The condition language of rules and exceptions (Sigma/YARA style):
//   paslon and (ajakan or nomor) and not unless_sosialisasi
//   2 of sinyal_*   ·   any of them   ·   all of bukti_*
// `them` leaves out names starting with "_" and "unless_"; unless_* is reachable only by name.

export type Condition =
  | { type: 'name'; name: string }
  | { type: 'not'; operand: Condition }
  | { type: 'and' | 'or'; operands: Condition[] }
  | { type: 'of'; count: number | 'all'; names: string[] };

export class ConditionError extends Error {}

const TOKEN = /\s*(\(|\)|[A-Za-z_][A-Za-z0-9_]*\*?|\d+)/y;

/** Parse a condition against the names a rule defines; unknown names and empty selections are errors. */
export function parseCondition(source: string, names: readonly string[]): Condition {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < source.length) {
    if (/^\s*$/.test(source.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(source);
    if (!m) throw new ConditionError(`unexpected "${source.slice(pos).trim().slice(0, 12)}" at column ${pos + 1}`);
    tokens.push(m[1] as string);
    pos = TOKEN.lastIndex;
  }
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];

  const parseOr = (): Condition => {
    const operands = [parseAnd()];
    while (peek() === 'or') {
      take();
      operands.push(parseAnd());
    }
    return operands.length === 1 ? (operands[0] as Condition) : { type: 'or', operands };
  };
  const parseAnd = (): Condition => {
    const operands = [parseNot()];
    while (peek() === 'and') {
      take();
      operands.push(parseNot());
    }
    return operands.length === 1 ? (operands[0] as Condition) : { type: 'and', operands };
  };
  const parseNot = (): Condition => {
    if (peek() === 'not') {
      take();
      return { type: 'not', operand: parseNot() };
    }
    return parseAtom();
  };
  const parseAtom = (): Condition => {
    const tok = take();
    if (tok === undefined) throw new ConditionError('condition ends too early');
    if (tok === '(') {
      const inner = parseOr();
      if (take() !== ')') throw new ConditionError('missing ")"');
      return inner;
    }
    if ((/^\d+$/.test(tok) || tok === 'any' || tok === 'all') && peek() === 'of') {
      take();
      const selector = take();
      if (selector === undefined) throw new ConditionError(`"${tok} of" needs a name, a prefix* or "them"`);
      const selected = select(selector, names);
      if (selected.length === 0) throw new ConditionError(`"${selector}" selects no matcher`);
      const count = tok === 'all' ? 'all' : tok === 'any' ? 1 : Number(tok);
      if (typeof count === 'number' && count > selected.length) {
        throw new ConditionError(`"${tok} of ${selector}" can never hold: only ${selected.length} matcher(s)`);
      }
      return { type: 'of', count, names: selected };
    }
    if (['and', 'or', 'not', 'of', ')'].includes(tok)) throw new ConditionError(`unexpected "${tok}"`);
    if (!names.includes(tok)) throw new ConditionError(`unknown name "${tok}"`);
    return { type: 'name', name: tok };
  };

  const tree = parseOr();
  if (i < tokens.length) throw new ConditionError(`unexpected "${tokens[i]}"`);
  return tree;
}

function select(selector: string, names: readonly string[]): string[] {
  if (selector === 'them') return names.filter((n) => !n.startsWith('_') && !n.startsWith('unless_'));
  if (selector.endsWith('*')) {
    const prefix = selector.slice(0, -1);
    return names.filter((n) => n.startsWith(prefix));
  }
  return names.includes(selector) ? [selector] : [];
}

/** Every name a condition refers to (for the dangling-matcher check). */
export function conditionNames(c: Condition): Set<string> {
  const out = new Set<string>();
  const walk = (x: Condition): void => {
    if (x.type === 'name') out.add(x.name);
    else if (x.type === 'not') walk(x.operand);
    else if (x.type === 'of') x.names.forEach((n) => out.add(n));
    else x.operands.forEach(walk);
  };
  walk(c);
  return out;
}

/**
 * The same condition with the operands of each `and` and `or` in order of cost (stable), so the
 * short cut is taken on the cheap ones first: the value is the same, the costly matchers are asked
 * less often. A subtree costs what its costliest name costs; `of` keeps every name asked.
 */
export function cheapFirst(c: Condition, cost: (name: string) => number): Condition {
  const costOf = new Map<Condition, number>();
  const walk = (x: Condition): Condition => {
    let out: Condition;
    let most = 0;
    if (x.type === 'name') {
      out = x;
      most = cost(x.name);
    } else if (x.type === 'not') {
      const operand = walk(x.operand);
      out = { type: 'not', operand };
      most = costOf.get(operand) ?? 0;
    } else if (x.type === 'of') {
      // the names in order of cost too (stable): `of` stops once its count is reached or can no
      // longer be, so the costly names (a stance model) are asked only when the cheap ones leave it open
      const names = x.names.map((n, i) => ({ n, i, c: cost(n) })).sort((a, b) => a.c - b.c || a.i - b.i);
      out = { type: 'of', count: x.count, names: names.map(({ n }) => n) };
      for (const { c } of names) most = Math.max(most, c);
    } else {
      const operands = x.operands.map(walk);
      for (const o of operands) most = Math.max(most, costOf.get(o) ?? 0);
      out = { type: x.type, operands: operands.map((o, i) => ({ o, i })).sort((a, b) => (costOf.get(a.o) ?? 0) - (costOf.get(b.o) ?? 0) || a.i - b.i).map(({ o }) => o) };
    }
    costOf.set(out, most);
    return out;
  };
  return walk(c);
}

/**
 * Whether the condition holds, asking as few names as it can: `and`/`or` stop at the first operand
 * that decides, `of` once its count is reached or can no longer be. `ruledOut` (optional) says
 * cheaply that a name is certainly false (the prefilter's closed gate): an `of` counts those first
 * and asks none of its costly names when the rest cannot reach its count. Only the value is
 * promised; the evidence of a holding condition is supportingNames' walk, which asks every name.
 */
export function evaluateCondition(c: Condition, holds: (name: string) => boolean, ruledOut?: (name: string) => boolean): boolean {
  switch (c.type) {
    case 'name':
      return holds(c.name);
    case 'not':
      return !evaluateCondition(c.operand, holds, ruledOut);
    // plain loops: a closure (and for `of` an array) per node per rule per item was garbage on the hit path
    case 'and':
      for (const o of c.operands) if (!evaluateCondition(o, holds, ruledOut)) return false;
      return true;
    case 'or':
      for (const o of c.operands) if (evaluateCondition(o, holds, ruledOut)) return true;
      return false;
    case 'of': {
      const need = c.count === 'all' ? c.names.length : c.count;
      if (need <= 0) return true;
      let open = c.names.length;
      if (ruledOut !== undefined) {
        for (const name of c.names) if (ruledOut(name)) open--;
        if (open < need) return false;
      }
      let n = 0;
      for (const name of c.names) {
        if (ruledOut !== undefined && ruledOut(name)) continue;
        if (holds(name)) {
          if (++n >= need) return true;
        } else if (--open < need) return false;
      }
      return false;
    }
  }
}

/**
 * The names that make a holding condition hold: the evidence of a finding. A matcher that holds
 * but takes no part ("nada" — a "!" or a "ya" that only qualifies another clause) is no evidence
 * when the condition holds through other clauses. Every satisfied branch of an `or` counts (each
 * is a reason of its own); nothing under `not` counts (an absence is not a matched word).
 */
export function supportingNames(c: Condition, holds: (name: string) => boolean): Set<string> {
  const out = new Set<string>();
  supportOf(c, holds, out);
  return out;
}

/** supportingNames' walk: whether `x` holds, its supporting names added to `out` (plain loops: no closure or array per node). */
function supportOf(x: Condition, holds: (name: string) => boolean, out: Set<string>): boolean {
  switch (x.type) {
    case 'name':
      if (!holds(x.name)) return false;
      out.add(x.name);
      return true;
    case 'not':
      return !evaluateCondition(x.operand, holds);
    case 'and': {
      for (const o of x.operands) if (!evaluateCondition(o, holds)) return false;
      for (const o of x.operands) supportOf(o, holds, out);
      return true;
    }
    case 'or': {
      let any = false;
      for (const o of x.operands) if (supportOf(o, holds, out)) any = true;
      return any;
    }
    case 'of': {
      const held: string[] = [];
      for (const n of x.names) if (holds(n)) held.push(n);
      if (held.length < (x.count === 'all' ? x.names.length : x.count)) return false;
      for (const n of held) out.add(n);
      return true;
    }
  }
}

