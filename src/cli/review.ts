// netral review — list findings (open by default, --status for others), grouped by item and
// prohibition; confirm | dismiss | reopen | note <id…> [--all-of-item <item>] records a decision.
import { Command, Option } from 'commander';
import { t } from '../i18n/index.js';
import { storeMessages as m } from '../i18n/store.js';
import { listFindings } from '../store/evidence.js';
import { DECISIONS, groupByItemAndProhibition, REASON_CODES } from '../store/review-history.js';
import { addFilterOptions, LIST_FORMATS, toFindingFilter, writeFindingList } from './evidence.js';
import { parseListOptions } from './filter-options.js';
import { addOutputOptions, applyGlobalOptions, chosenFormat, loadZod, parseOptions, storeOption, withStore } from './shared.js';
import { notice } from './terminal.js';
import { stdoutChalk } from './colour.js';
import { DECISION_LABELS } from '../i18n/cli.js';

export function registerReviewCommand(program: Command): void {
  // the list is the default subcommand, so `review confirm <id> --store x` gives --store to confirm
  const review = program.command('review').description(t(m.reviewDescription));
  addOutputOptions(addFilterOptions(review.command('list', { isDefault: true }).description(t(m.reviewListDescription))), LIST_FORMATS).action(async (raw: Record<string, unknown>) => {
    applyGlobalOptions(program);
    const opts = parseListOptions({ ...raw, format: chosenFormat(raw, 'table') }, LIST_FORMATS);
    const colour = await stdoutChalk();
    withStore(opts.store, { readonly: true }, (store) => {
      const filter = toFindingFilter(opts);
      // findings of one item under one prohibition are listed together, under a heading when several
      const groups = groupByItemAndProhibition(listFindings(store, { ...filter, status: filter.status ?? ['open'] }));
      const headings = new Map<string, string>();
      for (const g of groups) {
        const first = g[0]!;
        if (g.length > 1) headings.set(first.finding_id, t(m.reviewGroup, { item: first.item_id.slice(0, 10), prohibition: first.prohibition, n: g.length }));
      }
      const n = writeFindingList(store, groups.flat(), opts.format, opts.output, t(m.openNone), colour, (id) => headings.get(id));
      if (n && opts.format === 'table') notice(t(m.reviewHint));
    });
  });

  for (const decision of DECISIONS) {
    review
      .command(`${decision} [ids...]`)
      .description(t(m[`review_${decision}`]))
      .addOption(storeOption(false))
      .option('--as <reviewer>', t(m.optReviewer))
      .option('--all-of-item <item-id>', t(m.optAllOfItem))
      .addOption(new Option('--reason <code>', t(m.optReason)).choices([...REASON_CODES]))
      .option('--comment <text>', t(m.optComment))
      .action(async (ids: string[], raw: Record<string, unknown>) => {
        applyGlobalOptions(program);
        // zod and the recording code load here: the list above must not pay their start-up
        const [z, { ReasonCode, recordDecisions }, { requireReviewer }] = await Promise.all([loadZod(), import('../store/review.js'), import('./reviewer.js')]);
        const opts = parseOptions(
          z.object({
            store: z.string().min(1).optional(),
            as: z.string().trim().min(1).optional(),
            reason: ReasonCode.optional(),
            comment: z.string().trim().min(1).optional(),
            allOfItem: z.string().trim().min(1).optional(),
          }),
          raw,
        );
        const reviewer = requireReviewer(opts.as);
        withStore(opts.store, { actor: reviewer }, (store) => {
          const records = recordDecisions(store, { findings: ids, allOfItem: opts.allOfItem, decision, reason: opts.reason, comment: opts.comment, reviewer });
          for (const r of records) process.stdout.write(`${t(m.reviewRecorded, { decision: t(DECISION_LABELS[decision] ?? { id: decision, en: decision }), finding: r.findingId.slice(0, 10), reviewer: r.reviewer, at: r.decidedAt })}\n`);
        });
      });
  }
}
