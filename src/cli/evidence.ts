// netral evidence list | show | search — reading the case file back.
import { Chalk, type ChalkInstance } from 'chalk';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { getLang, t } from '../i18n/index.js';
import { storeMessages as m } from '../i18n/store.js';
import { csvLine } from '../report/csv.js';
import { FindingFilter, type FindingDetail, type FindingOverview, listFindings, searchItems, showFinding } from '../store/evidence.js';
import { highlightRanges } from '../text/ranges.js';
import { applyGlobalOptions, parseOptions, withStore } from './shared.js';

const csvList = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v);

/** The filter options shared by evidence list, review and export. */
export const FilterOptions = z.object({
  store: z.string().min(1).optional(),
  subject: z.string().min(1).optional(),
  agency: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  prohibition: z.string().regex(/^([1-8]|other)$/, '1–8 or other').optional(),
  severity: z.preprocess(csvList, FindingFilter.shape.severity),
  status: z.preprocess(csvList, FindingFilter.shape.status),
  from: FindingFilter.shape.from,
  to: FindingFilter.shape.to,
  limit: z.coerce.number().int().positive().optional(),
  minConfidence: z.coerce.number().min(0).max(1).optional(),
});
export type FilterOptions = z.infer<typeof FilterOptions>;

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--store <file>', 'netral.db')
    .option('--subject <id|nip>', t(m.optSubjectFilter))
    .option('--agency <text>', t(m.optAgency))
    .option('--region <code|name>', t(m.optRegion))
    .option('--prohibition <n>', t(m.optProhibition))
    .option('--severity <list>', 'info,low,medium,high')
    .option('--status <list>', 'open,confirmed,dismissed')
    .option('--from <YYYY-MM-DD>', t(m.optFrom))
    .option('--to <YYYY-MM-DD>', t(m.optTo))
    .option('--limit <n>', t(m.optLimit))
    .option('--min-confidence <n>', t(m.optMinConfidence));
}

export function toFindingFilter(o: FilterOptions): FindingFilter {
  const { store: _store, prohibition, ...rest } = o;
  return { ...rest, ...(prohibition ? { prohibition: prohibition === 'other' ? 'other' : Number(prohibition) } : {}) };
}

/** Colour only on a terminal and without NO_COLOR. */
export function terminalChalk(stream: NodeJS.WriteStream = process.stdout): ChalkInstance {
  const color = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return new Chalk({ level: color ? 1 : 0 });
}

export function renderFindingRows(rows: Iterable<FindingOverview>, c: ChalkInstance): string {
  const lang = getLang();
  let out = '';
  for (const r of rows) {
    const title = lang === 'en' ? r.title_en : r.title_id;
    // some activity carries no time in its export (event responses, X likes): say so, don't invent one
    const when = r.item_time ? r.item_time.slice(0, 10) : '    -     ';
    const who = r.subject_name ?? r.actor_handle ?? r.actor_name ?? '-';
    out += `${c.bold(r.finding_id.slice(0, 10))}  ${r.status.padEnd(9)} ${r.severity.padEnd(6)} L${r.prohibition.padEnd(5)} ${when}  ${who.slice(0, 24).padEnd(24)} ${r.platform.padEnd(9)} ${title}\n`;
  }
  return out;
}

/** The whole case of one finding, matched words highlighted in the original text. */
function renderFindingDetail(d: FindingDetail, c: ChalkInstance): string {
  const lang = getLang();
  const f = d.finding;
  const lines: string[] = [];
  const highlight = (text: string, field: string, index = 0) =>
    highlightRanges(
      text,
      f.spans.filter((s) => s.field === field && s.index === index),
      (s) => c.bold.inverse(s),
    );
  lines.push(c.bold(`${f.title[lang]}  [${f.id}]`));
  lines.push(`${t(m.labelStatus)}: ${d.overview.status} · ${f.severity} · ${Math.round(f.confidence * 100)}% · ${f.track}${f.skbForm ? ` (${f.skbForm})` : ''}`);
  if (d.overview.subject_name) lines.push(`${t(m.labelSubject)}: ${d.overview.subject_name}${d.overview.nip ? ` · NIP ${d.overview.nip}` : ''}${d.overview.agency ? ` · ${d.overview.agency}` : ''}${d.overview.region_name ? ` · ${d.overview.region_name}` : ''}`);
  lines.push(`${d.item.platform} ${d.item.kind} · ${d.item.time ?? '-'} · ${d.item.actor?.handle ?? d.item.actor?.name ?? '-'}${d.item.permalink ? ` · ${d.item.permalink}` : ''}`);
  lines.push('');
  if (d.item.text) lines.push(highlight(d.item.text, 'text'));
  d.item.media.forEach((md, i) => md.caption && lines.push(`  [media] ${highlight(md.caption, 'media.caption', i)}`));
  for (const [field, value] of [['target', d.item.target?.name], ['place', d.item.place?.name], ['context', d.item.context?.name], ['event', d.item.event?.name]] as const) {
    if (value) lines.push(`  [${field}] ${highlight(value, field)}`);
  }
  // words borrowed from the earlier chat message the finding leaned on (its text is in the explanation)
  const borrowed = f.spans.filter((s) => s.field === 'thread').map((s) => s.text);
  if (borrowed.length) lines.push(`  [thread] ${[...new Set(borrowed)].map((w) => c.bold.inverse(w)).join(' … ')}`);
  lines.push('');
  lines.push(`${t(m.labelMatched)}: ${[...new Set(f.spans.map((s) => s.text))].join(', ')}`);
  lines.push(f.explanation[lang]);
  if (f.candidates.length) lines.push(f.candidates.map((cd) => `${cd.number}. ${cd.name} (${cd.election})`).join('; '));
  lines.push(`${t(m.labelRule)}: ${d.rule.id} v${d.rule.version} — ${d.rule.title} (sha256 ${d.rule.sha256.slice(0, 16)}…)`);
  // the articles of this finding's track (ethics before determination, discipline after)
  lines.push(`${t(m.labelLegal)}: ${f.legalBasis.join('; ')} [${f.track}${f.skbForm ? ` · SKB ${f.skbForm}` : ''}]`);
  lines.push(`${t(m.labelCapture)}: ${d.capture.memberPath ?? d.capture.origin} · SHA-256 ${d.capture.sha256} · ${d.capture.capturedAt}`);
  for (const p of d.capture.parents) lines.push(`  ⊂ ${p.origin} · SHA-256 ${p.sha256}`);
  lines.push(`${t(m.labelReviews)}:`);
  if (d.reviews.length === 0) lines.push(`  ${t(m.labelNoReviews)}`);
  for (const r of d.reviews) lines.push(`  ${r.decidedAt}  ${r.decision.padEnd(7)} ${r.reviewer}${r.reason ? ` · ${r.reason}` : ''}${r.comment ? ` · ${r.comment}` : ''}`);
  if (d.earlierDecisions.length) {
    lines.push(`${t(m.labelEarlier)}:`);
    for (const r of d.earlierDecisions) lines.push(`  v${r.ruleVersion} ${r.decidedAt}  ${r.decision} ${r.reviewer}${r.reason ? ` · ${r.reason}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

const LIST_COLUMNS = ['finding_id', 'status', 'severity', 'prohibition', 'item_time', 'subject_name', 'nip', 'agency', 'region_code', 'platform', 'permalink', 'rule_id', 'rule_version', 'capture_sha256'] as const;

export function registerEvidenceCommand(program: Command): void {
  const evidence = program.command('evidence').description(t(m.evidenceDescription));

  addFilterOptions(evidence.command('list').description(t(m.evidenceListDescription)))
    .addOption(new Option('--format <format>', 'table, json, jsonl, csv').choices(['table', 'json', 'jsonl', 'csv']).default('table'))
    .action((raw: Record<string, unknown>) => {
      applyGlobalOptions(program);
      const opts = parseOptions(FilterOptions.extend({ format: z.enum(['table', 'json', 'jsonl', 'csv']) }), raw);
      withStore(opts.store, { readonly: true }, (store) => {
        const rows = listFindings(store, toFindingFilter(opts));
        if (opts.format === 'table') {
          const text = renderFindingRows(rows, terminalChalk());
          process.stdout.write(text || `${t(m.findingsNone)}\n`);
        } else if (opts.format === 'json') process.stdout.write(`${JSON.stringify([...rows], null, 2)}\n`);
        else if (opts.format === 'jsonl') for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
        else {
          process.stdout.write(csvLine([...LIST_COLUMNS]));
          for (const r of rows) process.stdout.write(csvLine(LIST_COLUMNS.map((k) => r[k])));
        }
      });
    });

  evidence
    .command('show <id>')
    .description(t(m.evidenceShowDescription))
    .option('--store <file>', 'netral.db')
    .option('--json', 'JSON')
    .action((id: string, raw: Record<string, unknown>) => {
      applyGlobalOptions(program);
      const opts = parseOptions(z.object({ store: z.string().min(1).optional(), json: z.boolean().optional() }), raw);
      withStore(opts.store, { readonly: true }, (store) => {
        const detail = showFinding(store, id);
        process.stdout.write(opts.json ? `${JSON.stringify(detail, null, 2)}\n` : renderFindingDetail(detail, terminalChalk()));
      });
    });

  evidence
    .command('search <words...>')
    .description(t(m.evidenceSearchDescription))
    .option('--store <file>', 'netral.db')
    .option('--raw', t(m.optRawQuery))
    .option('--limit <n>', t(m.optLimit), '50')
    .option('--json', 'JSON')
    .action((words: string[], raw: Record<string, unknown>) => {
      applyGlobalOptions(program);
      const opts = parseOptions(z.object({ store: z.string().min(1).optional(), raw: z.boolean().optional(), limit: z.coerce.number().int().positive(), json: z.boolean().optional() }), raw);
      const query = words.join(' ');
      withStore(opts.store, { readonly: true }, (store) => {
        const hits = searchItems(store, query, { limit: opts.limit, raw: opts.raw ?? false });
        if (opts.json) return void process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
        if (hits.length === 0) return void process.stdout.write(`${t(m.searchNone, { query })}\n`);
        const c = terminalChalk();
        for (const h of hits) {
          const text = h.text ? highlightRanges(h.text, h.matches, (s) => c.bold.inverse(s)) : '';
          process.stdout.write(`${c.bold(h.itemId.slice(0, 10))}  ${(h.time ?? '').slice(0, 10)}  ${h.platform} ${h.kind}  ${h.actor ?? '-'}  (${h.findings})\n  ${text.replace(/\n/g, '\n  ')}\n`);
        }
      });
    });
}
