// netral export --out <dir|zip> [--profile full|bawaslu|public] [filters] — the case file to hand over.
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { t } from '../i18n/index.js';
import { storeMessages as m } from '../i18n/store.js';
import { ExportProfile, exportBundle } from '../store/export.js';
import { defaultActor } from '../store/store.js';
import { addFilterOptions, toFindingFilter } from './evidence.js';
import { parseFilterOptions } from './filter-options.js';
import { namedActor } from './reviewer.js';
import { applyGlobalOptions, parseOptions, withStore } from './shared.js';
import { NetralError } from '../errors.js';
import { parseTimeZone } from '../model/region-time.js';
import { z } from 'zod';

// the filter options are checked by hand (./filter-options.ts, shared with the lists), these with zod
const ExportCliOptions = z.object({
  out: z.string().min(1),
  profile: ExportProfile,
  as: z.string().trim().min(1).optional(),
  parents: z.boolean().default(false),
  timezone: z.string().trim().min(1).optional(),
});

export function registerExportCommand(program: Command): void {
  addFilterOptions(program.command('export').description(t(m.exportDescription)))
    .requiredOption('--out <dir|zip>', t(m.optOut))
    .addOption(new Option('--profile <profile>', t(m.optProfile)).choices(ExportProfile.options).default('full'))
    .option('--as <name>', t(m.optReviewer))
    .option('--parents', t(m.optParents))
    .option('--timezone <zone>', t(m.optTimezone))
    .action(async (raw: Record<string, unknown>) => {
      applyGlobalOptions(program);
      const opts = { ...parseFilterOptions(raw), ...parseOptions(ExportCliOptions, raw) };
      // the attestation names who exported: a named person when one is configured
      const actor = namedActor(opts.as) ?? defaultActor();
      const zone = opts.timezone === undefined ? undefined : parseTimeZone(opts.timezone);
      if (zone === null) throw new NetralError(m.badTimezone, { zone: opts.timezone ?? '' });
      await withStore(opts.store, { actor }, async (store) => {
        const r = await exportBundle(store, { out: resolve(opts.out), profile: opts.profile, filter: toFindingFilter(opts), actor, parents: opts.parents, ...(zone ? { timezone: zone.abbrev as 'WIB' } : {}) });
        process.stdout.write(`${t(m.exportDone, { profile: r.profile, findings: r.findings, captures: r.captures, files: r.files, out: r.out, manifest: r.manifestSha256, seq: r.head.seq, head: r.head.hash })}\n`);
      });
    });
}
