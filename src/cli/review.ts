// netral review — list findings (open by default, --status for others), grouped by item and
// prohibition; confirm | dismiss | reopen | note <id…> [--all-of-item <item>] records a decision.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { t } from '../i18n/index.js';
import { storeMessages as m } from '../i18n/store.js';
import { listFindings } from '../store/evidence.js';
import { DECISIONS, groupByItemAndProhibition, ReasonCode, REASON_CODES, recordDecisions } from '../store/review.js';
import { addFilterOptions, FilterOptions, renderFindingRows, terminalChalk, toFindingFilter } from './evidence.js';
import { requireReviewer } from './reviewer.js';
import { applyGlobalOptions, parseOptions, withStore } from './shared.js';

const DecisionOptions = z.object({
  store: z.string().min(1).optional(),
  as: z.string().trim().min(1).optional(),
  reason: ReasonCode.optional(),
  comment: z.string().trim().min(1).optional(),
  allOfItem: z.string().trim().min(1).optional(),
});

export function registerReviewCommand(program: Command): void {
  // the list is the default subcommand, so `review confirm <id> --store x` gives --store to confirm
  const review = program.command('review').description(t(m.reviewDescription));
  addFilterOptions(review.command('list', { isDefault: true }).description(t(m.reviewListDescription))).action((raw: Record<string, unknown>) => {
    applyGlobalOptions(program);
    const opts = parseOptions(FilterOptions, raw);
    withStore(opts.store, { readonly: true }, (store) => {
      const filter = toFindingFilter(opts);
      const c = terminalChalk();
      const groups = groupByItemAndProhibition(listFindings(store, { ...filter, status: filter.status ?? ['open'] }));
      // one block per item × prohibition: a header when several findings belong together
      const text = groups
        .map((g) => {
          const rows = renderFindingRows(g, c);
          const first = g[0]!;
          return g.length > 1 ? `${c.dim(t(m.reviewGroup, { item: first.item_id.slice(0, 10), prohibition: first.prohibition, n: g.length }))}\n${rows.replace(/^/gm, '  ').trimEnd()}\n` : rows;
        })
        .join('');
      process.stdout.write(text ? `${text}\n${t(m.reviewHint)}\n` : `${t(m.openNone)}\n`);
    });
  });

  for (const decision of DECISIONS) {
    review
      .command(`${decision} [ids...]`)
      .description(t(m[`review_${decision}`]))
      .option('--store <file>', 'netral.db')
      .option('--as <reviewer>', t(m.optReviewer))
      .option('--all-of-item <item-id>', t(m.optAllOfItem))
      .addOption(new Option('--reason <code>', t(m.optReason)).choices([...REASON_CODES]))
      .option('--comment <text>', t(m.optComment))
      .action((ids: string[], raw: Record<string, unknown>) => {
        applyGlobalOptions(program);
        const opts = parseOptions(DecisionOptions, raw);
        const reviewer = requireReviewer(opts.as);
        withStore(opts.store, { actor: reviewer }, (store) => {
          const records = recordDecisions(store, { findings: ids, allOfItem: opts.allOfItem, decision, reason: opts.reason, comment: opts.comment, reviewer });
          for (const r of records) process.stdout.write(`${t(m.reviewRecorded, { decision, finding: r.findingId.slice(0, 10), reviewer: r.reviewer, at: r.decidedAt })}\n`);
        });
      });
  }
}
