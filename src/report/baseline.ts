// --baseline <file|store>: the findings a CI job already knows about, so it reports and fails on
// new ones only. A baseline is a previous netral output (JSON, JSONL or SARIF) or an evidence store.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { NetralError } from '../errors.js';
import { cliMessages as m } from '../i18n/cli.js';
import { hexId } from '../store/ids.js';
import { openStore } from '../store/store.js';

export interface Baseline {
  source: string;
  ids: ReadonlySet<string>;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function loadBaseline(path: string): Baseline {
  let head: string;
  try {
    const fd = openSync(path, 'r');
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    closeSync(fd);
    head = buf.toString('latin1');
  } catch (err) {
    throw new NetralError(m.baselineUnreadable, { file: path, detail: (err as NodeJS.ErrnoException).code ?? String(err) }, 2, { cause: err });
  }
  if (head === SQLITE_MAGIC) {
    const store = openStore(path, { readonly: true });
    try {
      return { source: path, ids: new Set((store.db.prepare('SELECT id FROM findings').pluck().all() as unknown[]).map(hexId)) };
    } finally {
      store.close();
    }
  }
  return { source: path, ids: idsFromText(path, readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) };
}

function idsFromText(path: string, text: string): Set<string> {
  const ids = new Set<string>();
  const addFinding = (r: unknown) => {
    if (r && typeof r === 'object') {
      const o = r as { id?: unknown; finding?: { id?: unknown }; partialFingerprints?: Record<string, unknown>; properties?: { findingId?: unknown } };
      const id = o.partialFingerprints?.['netralFinding/v1'] ?? o.properties?.findingId ?? o.finding?.id ?? o.id;
      if (typeof id === 'string' && /^[0-9a-f]{64}$/.test(id)) ids.add(id);
    }
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // JSONL: one finding per line
    const lines = text.split('\n').filter((l) => l.trim());
    lines.forEach((line, i) => {
      try {
        addFinding(JSON.parse(line));
      } catch {
        throw new NetralError(m.baselineBad, { file: path, detail: `line ${i + 1}` });
      }
    });
    return ids;
  }
  const d = doc as { findings?: unknown[]; runs?: Array<{ results?: unknown[] }> };
  if (Array.isArray(d.runs)) for (const run of d.runs) for (const r of run.results ?? []) addFinding(r);
  else if (Array.isArray(d.findings)) for (const f of d.findings) addFinding(f);
  else if (Array.isArray(doc)) for (const f of doc) addFinding(f);
  else addFinding(doc);
  if (ids.size === 0 && !(Array.isArray(d.findings) || Array.isArray(d.runs) || Array.isArray(doc))) {
    throw new NetralError(m.baselineBad, { file: path, detail: 'no netral findings, SARIF runs or store' });
  }
  return ids;
}
