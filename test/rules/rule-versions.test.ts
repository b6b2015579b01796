// A store keeps every rule text it has used under (id, version) and refuses a second text for the
// same pair ("bump `version` in the rule file"), so an edited rule file that keeps its version
// breaks every scan into an existing store. This lock (id → version, sha256 of the file) catches
// that edit here instead. After bumping a version, refresh the lock:
//   NETRAL_UPDATE_RULE_LOCK=1 npx vitest run test/rules/rule-versions.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rules/pack.js';

const LOCK = fileURLToPath(new URL('./rule-versions.lock.json', import.meta.url));
type Lock = Record<string, { version: number; sha256: string }>;

describe('rule versions', () => {
  it('a rule file whose text changed has a higher version than the lock, and the lock is current', async () => {
    const pack = await loadRulePack();
    const now: Lock = {};
    for (const rule of [...pack.rules].sort((a, b) => a.def.id.localeCompare(b.def.id))) now[rule.def.id] = { version: rule.def.version, sha256: rule.sha256 };
    if (process.env.NETRAL_UPDATE_RULE_LOCK === '1') {
      const old = JSON.parse(readFileSync(LOCK, 'utf8')) as Lock;
      // never let the update paper over an edit that kept its version
      for (const [id, r] of Object.entries(now)) if (old[id] && old[id].version === r.version) expect(r.sha256, `${id} v${r.version} changed: bump its version`).toBe(old[id].sha256);
      writeFileSync(LOCK, `${JSON.stringify(now, null, 2)}\n`);
    }
    const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as Lock;
    const edited = Object.entries(now).filter(([id, r]) => lock[id]?.version === r.version && lock[id]?.sha256 !== r.sha256).map(([id, r]) => `${id} v${r.version}`);
    expect(edited, 'rule files edited without a version bump').toEqual([]);
    const stale = Object.keys(now).filter((id) => lock[id] === undefined || lock[id].version !== now[id]!.version);
    expect(stale, 'new or bumped rules: refresh the lock (see the comment at the top of this file)').toEqual([]);
    expect(Object.keys(lock).filter((id) => now[id] === undefined), 'rules gone from rules/: refresh the lock').toEqual([]);
  });
});
