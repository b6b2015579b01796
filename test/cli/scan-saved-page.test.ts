// `netral scan <saved page>` end to end: the finding names the page owner as its actor, and the
// words of other people on the page (comments, replies, the shared post's author) are never a
// finding against the owner.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

interface Finding {
  rule: { id: string };
  // the output contract: `actor` is the actor's display name, `author` the whole reference
  item: { kind: string; actor?: string | null; author?: { name?: string; handle?: string } | null; target?: string | { name?: string } | null; text?: string; time?: string };
}

function scan(fixture: string): Finding[] {
  const db = path.join(mkdtempSync(path.join(tmpdir(), 'netral-page-')), 'netral.db');
  const r = runCli(['scan', `fixtures/html/${fixture}`, '--store', db, '--format', 'jsonl']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Finding);
}

describe('netral scan <saved page>', { timeout: 120_000 }, () => {
  it('a Facebook profile saved with SingleFile: the owner’s share of a volunteer page’s post, never the comments', () => {
    const findings = scan('facebook-profile-budi-singlefile.html');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.item.actor).toBe('Budi Santoso');
      expect(f.item.text).not.toContain('AMIN');
    }
    const share = findings.find((f) => f.item.kind === 'share');
    expect(share?.item.time).toBe('2024-02-05T01:15:00.000Z');
    expect(JSON.stringify(share?.item.target)).toContain('Relawan Prabowo–Gibran Kab. Bandung');
  });

  it('a Threads post page: the findings are the author’s, the replies of others raise none', () => {
    const findings = scan('threads-post-sri.html');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.item.author?.handle).toBe('sri.lestari.asn');
      expect(f.item.text).not.toMatch(/Prabowo|Ganjar/);
    }
  });

  it('a YouTube watch page saved without scripts: the uploader is the actor, the comment raises nothing', () => {
    const findings = scan('youtube-watch-kampanye-singlefile.html');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.item.actor).toBe('Hendra Gunawan');
      expect(f.item.time).toBe('2024-02-06T12:12:40.000Z');
      expect(f.item.text).not.toContain('Prabowo');
    }
  });
});
