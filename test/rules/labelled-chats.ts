// A labelled folder of chats (a WhatsApp Android export, a WhatsApp iOS folder if given, a Telegram
// Desktop export) read through the real adapters as the eval reads its sets, and a record's findings
// read with its chat as `netral scan` reads them. Shared by the chat tests that build such a folder.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { loadBlindSet, type BlindSet } from '../../src/eval/blind.js';
import type { EvalRecord } from '../../src/eval/dataset.js';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import type { Finding } from '../../src/model/finding.js';
import { evaluate } from '../../src/rules/evaluate.js';
import type { RulePack } from '../../src/rules/pack.js';

export interface LabelledChats {
  /** the Android export's file name and text */
  android: { name: string; text: string };
  /** the iOS export's folder name and its _chat.txt (absent: no iOS export) */
  ios?: { name: string; text: string };
  /** the Telegram export's folder name and its result.json */
  telegram: { name: string; json: string };
  /** labels.csv, header included */
  labels: string;
}

/** Writes the chats and their labels into a fresh folder, reads it as a labelled set, and removes the folder. */
export async function readLabelledChats(chats: LabelledChats, pack: RulePack): Promise<BlindSet> {
  const dir = await mkdtemp(path.join(tmpdir(), 'netral-labelled-chats-'));
  try {
    await writeFile(path.join(dir, chats.android.name), chats.android.text);
    if (chats.ios) {
      await mkdir(path.join(dir, chats.ios.name));
      await writeFile(path.join(dir, chats.ios.name, '_chat.txt'), chats.ios.text);
    }
    await mkdir(path.join(dir, chats.telegram.name));
    await writeFile(path.join(dir, chats.telegram.name, 'result.json'), chats.telegram.json);
    await writeFile(path.join(dir, 'labels.csv'), chats.labels);
    return await loadBlindSet(dir, ALL_ADAPTERS, pack);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The labelled message whose text is `text` and its findings, read with its chat and workplace as scan reads them. */
export function recordFindings(set: BlindSet, pack: RulePack, text: string): { record: EvalRecord; findings: Finding[] } {
  const record = set.records.find((r) => r.item.text === text);
  if (!record) throw new Error(`no record for ${text}`);
  const findings = evaluate(pack, record.item, { region: record.region!, ...(record.thread?.length ? { thread: record.thread } : {}), ...(record.workplace ? { workplaceChat: record.workplace } : {}) });
  return { record, findings };
}

/**
 * The reply's own findings, each naming `pair` and the message it leaned on by its sender, with the
 * words leaned on in field 'thread' (the earlier message's); returned for further checks.
 */
export function expectLeansOn(set: BlindSet, pack: RulePack, text: string, pair: string, sender: string): Finding[] {
  const { record, findings } = recordFindings(set, pack, text);
  expect(findings.length).toBeGreaterThan(0);
  for (const f of findings) {
    expect(f.itemId).toBe(record.item.id);
    expect(f.candidates.map((c) => c.pair)).toContain(pair);
    expect(f.explanation.en).toContain(sender);
    expect(f.spans.some((s) => s.field === 'thread')).toBe(true);
  }
  return findings;
}
