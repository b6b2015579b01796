// Real member bytes per adapter, taken from the fixtures through the same walking and format
// detection a scan uses: the seeds that property tests mutate (a random byte string is refused
// by the first JSON.parse; a mutated real export reaches deep into each adapter).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import { classifyMembers } from '../../src/ingest/detect.js';
import { readAll, walkInput } from '../../src/ingest/walk.js';
import { DEFAULT_INGEST_OPTIONS, MemberFormatError, type Adapter, type AdapterContext, type Member, type ParsedItem } from '../../src/ingest/types.js';
import { LimitError } from '../../src/limits.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const MAX_SAMPLE_BYTES = 256 * 1024;

export interface AdapterSample {
  adapter: Adapter;
  path: string;
  bytes: Buffer;
}

/** Up to `perAdapter` small members per adapter id, from every fixture folder and zip. */
export async function adapterSamples(perAdapter = 3): Promise<Map<string, AdapterSample[]>> {
  const samples = new Map<string, AdapterSample[]>();
  const inputs = readdirSync(FIXTURES)
    .filter((d) => d !== 'eval' && d !== 'demo-source')
    .map((d) => join(FIXTURES, d))
    .filter((p) => statSync(p).isDirectory());
  for (const input of inputs) {
    const listing = await walkInput(input);
    try {
      const classified = await classifyMembers(listing, ALL_ADAPTERS);
      for (const { member, adapter } of classified.recognised) {
        const list = samples.get(adapter.id) ?? [];
        if (list.length >= perAdapter || member.size > MAX_SAMPLE_BYTES) continue;
        list.push({ adapter, path: member.path, bytes: await readAll(await member.open()) });
        samples.set(adapter.id, list);
      }
    } finally {
      await listing.close();
    }
  }
  return samples;
}

/** What an adapter may do with any input: yield items, or refuse the member with one of these. */
export function isExpectedRefusal(err: unknown): boolean {
  return err instanceof MemberFormatError || err instanceof LimitError;
}

/** Run one adapter over bytes as ingest would (buffer or stream), collecting what it yields. */
export async function readWith(adapter: Adapter, path: string, bytes: Buffer): Promise<ParsedItem[]> {
  const member: Member = { input: 'fuzz', path, size: bytes.length, open: async () => Readable.from([bytes]) };
  const ctx: AdapterContext = {
    capture: { id: 'c'.repeat(64), originKind: 'file', origin: 'fuzz', method: 'export-file', sha256: '0'.repeat(64), bytes: bytes.length, capturedAt: '2024-01-01T00:00:00.000Z' },
    member,
    options: DEFAULT_INGEST_OPTIONS,
    warn: () => undefined,
    findMember: () => undefined,
    findExportFile: () => undefined,
  };
  const out: ParsedItem[] = [];
  const source = adapter.input === 'buffer' ? bytes : Readable.from([bytes]);
  for await (const item of adapter.read(source, ctx)) out.push(item);
  return out;
}
