// netral review — list open findings; confirm | dismiss | reopen | note <id> records a decision.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { t } from '../i18n/index.js';
import { storeMessages as m } from '../i18n/store.js';
import { listFindings } from '../store/evidence.js';
import { DECISIONS, ReasonCode, REASON_CODES, recordDecision } from '../store/review.js';
import { defaultActor } from '../store/store.js';
import { addFilterOptions, FilterOptions, LIST_FORMATS, toFindingFilter, writeFindingList } from './evidence.js';
import { addOutputOptions, applyGlobalOptions, chosenFormat, parseOptions, storeOption, withStore } from './shared.js';
import { notice } from './terminal.js';
import { DECISION_LABELS } from '../i18n/cli.js';

const DecisionOptions = z.object({
  store: z.string().min(1).optional(),
  as: z.string().trim().min(1).optional(),
  reason: ReasonCode.optional(),
  comment: z.string().trim().min(1).optional(),
});

export function registerReviewCommand(program: Command): void {
  // the list is the default subcommand, so `review confirm <id> --store x` gives --store to confirm
  const review = program.command('review').description(t(m.reviewDescription));
  addOutputOptions(addFilterOptions(review.command('list', { isDefault: true }).description(t(m.reviewListDescription))), LIST_FORMATS).action((raw: Record<string, unknown>) => {
    applyGlobalOptions(program);
    const opts = parseOptions(FilterOptions.extend({ format: z.enum(LIST_FORMATS), output: z.string().min(1).optional() }), { ...raw, format: chosenFormat(raw, 'table') });
    withStore(opts.store, { readonly: true }, (store) => {
      const n = writeFindingList(store, listFindings(store, { ...toFindingFilter(opts), status: ['open'] }), opts.format, opts.output, t(m.openNone));
      if (n && opts.format === 'table') notice(t(m.reviewHint));
    });
  });

  for (const decision of DECISIONS) {
    review
      .command(`${decision} <id>`)
      .description(t(m[`review_${decision}`]))
      .addOption(storeOption(false))
      .option('--as <reviewer>', t(m.optReviewer))
      .addOption(new Option('--reason <code>', t(m.optReason)).choices([...REASON_CODES]))
      .option('--comment <text>', t(m.optComment))
      .action((id: string, raw: Record<string, unknown>) => {
        applyGlobalOptions(program);
        const opts = parseOptions(DecisionOptions, raw);
        const reviewer = opts.as ?? defaultActor();
        withStore(opts.store, { actor: reviewer }, (store) => {
          const r = recordDecision(store, { finding: id, decision, reason: opts.reason, comment: opts.comment, reviewer });
          process.stdout.write(`${t(m.reviewRecorded, { decision: t(DECISION_LABELS[decision] ?? { id: decision, en: decision }), finding: r.findingId.slice(0, 10), reviewer: r.reviewer, at: r.decidedAt })}\n`);
        });
      });
  }
}
