#!/usr/bin/env node
// Measures how prohibition 6 (politics in a workplace group) holds up when a chat's name says
// nothing: copies the tunable rounds (dev-threads, blind..blind12) to a temporary folder with every
// chat renamed "Grup Ceria" (WhatsApp .txt and .zip names, Telegram result.json "name"), scores
// them, and prints, for the chat messages: labelled-6 messages found as 6, and non-6 messages read
// as 6. `--real` scores the untouched rounds the same way. Never reads rounds 13+ (round 12 became tunable at stop 34).
// Usage: npx tsc -p tsconfig.json && node scripts/measure-workplace-blanked.mjs [--real]
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadRulePack } = await import(path.join(ROOT, 'dist/rules/pack.js'));
const { evaluate } = await import(path.join(ROOT, 'dist/rules/evaluate.js'));
const { loadBlindSet } = await import(path.join(ROOT, 'dist/eval/blind.js'));
const { ALL_ADAPTERS } = await import(path.join(ROOT, 'dist/ingest/adapters.js'));
const { EVAL_REGISTRIES } = await import(path.join(ROOT, 'dist/eval/stance-transfer.js'));

const ROUNDS = ['dev-threads', 'blind', 'blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8', 'blind9', 'blind10', 'blind11', 'blind12'];
const BLANK = 'Grup Ceria';
const real = process.argv.includes('--real');

function blankTree(dir, renamedInputs) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) { blankTree(p, renamedInputs); continue; }
    if (/^Chat WhatsApp dengan .*\.txt$/.test(name)) renameSync(p, path.join(dir, `Chat WhatsApp dengan ${BLANK}.txt`));
    else if (/^WhatsApp Chat (with|-) .*\.txt$/.test(name)) renameSync(p, path.join(dir, `WhatsApp Chat with ${BLANK}.txt`));
    else if (/^WhatsApp Chat - .*\.zip$/.test(name)) {
      // one blank name per zip: two zips of one round (an office and a family chat) must not
      // overwrite each other ("Grup Ceria", "Grup Ceria 2", … say nothing either)
      const to = `WhatsApp Chat - ${BLANK}${renamedInputs.size ? ` ${renamedInputs.size + 1}` : ''}.zip`;
      renameSync(p, path.join(dir, to));
      renamedInputs.set(name, to);
    } else if (name === 'result.json') {
      const json = JSON.parse(readFileSync(p, 'utf8'));
      if (typeof json.name === 'string') json.name = BLANK;
      for (const c of json.chats?.list ?? []) if (typeof c.name === 'string') c.name = BLANK;
      writeFileSync(p, JSON.stringify(json));
    }
  }
}

const pack = await loadRulePack({ extraRegistryPaths: EVAL_REGISTRIES });
const tmp = real ? undefined : mkdtempSync(path.join(os.tmpdir(), 'netral-blank-'));
const total = { six: 0, sixFound: 0, non6: 0, non6As6: 0, inferred: 0, chatMessages: 0, sixUnread: 0 };
try {
  for (const round of ROUNDS) {
    let dir = path.join(ROOT, 'fixtures/eval', round);
    if (tmp) {
      const to = path.join(tmp, round);
      cpSync(dir, to, { recursive: true });
      const renamed = new Map();
      blankTree(to, renamed);
      const labels = path.join(to, 'labels.csv');
      let csv = readFileSync(labels, 'utf8');
      for (const [from, into] of renamed) csv = csv.split(`\n${from},`).join(`\n${into},`).split(`\n"${from}",`).join(`\n"${into}",`);
      writeFileSync(labels, csv);
      dir = to;
    }
    const set = await loadBlindSet(dir, ALL_ADAPTERS, pack);
    const t = { six: 0, sixFound: 0, non6: 0, non6As6: 0, inferred: 0, chatMessages: 0, sixUnread: 0 };
    if (process.argv.includes('--whole')) {
      const { ChatWorkplace } = await import(path.join(ROOT, 'dist/pipeline/chat-workplace.js'));
      const w = new ChatWorkplace(pack);
      for (const r of set.records) w.observe(r.item);
      for (const r of set.records) { const reading = w.readingFor(r.item); if (reading) r.workplace = reading; else delete r.workplace; }
    }
    for (const r of set.records) {
      if (r.item.context?.kind !== 'chat' && r.item.context?.kind !== 'group') continue;
      t.chatMessages++;
      if (r.workplace) t.inferred++;
      const findings = evaluate(pack, r.item, { ...(r.region ? { region: r.region } : {}), ...(r.thread?.length ? { thread: r.thread } : {}), ...(r.workplace ? { workplaceChat: r.workplace } : {}) });
      const as6 = findings.some((f) => f.prohibition === 6);
      if (r.truth.label === 'partisan' && r.truth.prohibition === 6) { t.six++; if (as6) t.sixFound++; else if (!r.workplace) t.sixUnread++; }
      else { t.non6++; if (as6) t.non6As6++; }
    }
    if (process.argv.includes('--chats')) {
      const seen = new Map();
      for (const r of set.records) if (r.item.context?.kind === 'chat' || r.item.context?.kind === 'group') { const k = r.set; const e = seen.get(k) ?? { n: 0, six: 0, unread: [], read: undefined }; e.n++; if (r.truth.label === 'partisan' && r.truth.prohibition === 6) { e.six++; if (!r.workplace) e.unread.push(e.n); } if (r.workplace) e.read = r.workplace; seen.set(k, e); }
      for (const [k, e] of seen) console.log(`   ${k}: ${e.n} msgs, ${e.six} p6 (unread at #${e.unread.join(',')}); ${e.read ? `${e.read.cueMessages}/${e.read.messages} ${e.read.cues.join('|')}` : 'not read'}`);
    }
    for (const k of Object.keys(t)) total[k] += t[k];
    console.log(`${round.padEnd(12)} p6 found ${t.sixFound}/${t.six}  non-6 read as 6 ${t.non6As6}/${t.non6}  chat messages ${t.chatMessages}, read as workplace by inference ${t.inferred}, p6 missed with no reading ${t.sixUnread}${set.unmatched.length ? `  UNMATCHED ${set.unmatched.length}` : ''}`);
  }
  console.log(`${real ? 'real names' : 'names blanked'}: p6 found ${total.sixFound}/${total.six}, non-6 read as 6 ${total.non6As6}/${total.non6} (chat messages ${total.chatMessages}, inferred ${total.inferred}, p6 missed with no reading ${total.sixUnread})`);
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
