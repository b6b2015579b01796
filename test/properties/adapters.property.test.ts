// Every adapter, fed mutated real exports: it yields items or refuses the member with a
// MemberFormatError/LimitError — never another exception, never an item whose text or pointer
// is not a string.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import { adapterSamples, isExpectedRefusal, readWith, type AdapterSample } from './adapter-samples.js';
import { countCase, FUZZ_RUNS, FUZZ_SECONDS, writeFuzzReport } from './fuzz-budget.js';

const TOKENS = ['{', '}', '[', ']', '"', '\\', ',', ':', '\n', '\r\n', '\u0000', '\uFFFD', '<div>', '</div>', '<', '>', '&amp;', 'null', '1e999', '-', '😂', 'ꦥꦶ', '\u202e', ';', '\t'];

type Mutation = { kind: 'flip' | 'delete' | 'insert' | 'truncate' | 'repeat'; at: number; byte: number; token: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'delete', 'insert', 'truncate', 'repeat'),
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
  token: fc.nat({ max: TOKENS.length - 1 }),
  length: fc.integer({ min: 1, max: 64 }),
});

function mutate(seed: Buffer, mutations: Mutation[]): Buffer {
  let b = Buffer.from(seed);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'flip' && b.length > 0) b[at] = m.byte;
    else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(TOKENS[m.token] ?? ''), b.subarray(at)]);
    else if (m.kind === 'truncate') b = b.subarray(0, at);
    else if (m.kind === 'repeat') b = Buffer.concat([b.subarray(0, at), Buffer.from((TOKENS[m.token] ?? '').repeat(m.length * 8)), b.subarray(at)]);
  }
  return b;
}

let samples: Map<string, AdapterSample[]>;
beforeAll(async () => {
  samples = await adapterSamples();
}, 120_000);

afterAll(() => {
  writeFuzzReport('adapters');
});

describe('adapters never crash on mutated exports', () => {
  it('every adapter has at least one real sample to mutate (or is fuzzed from random bytes)', () => {
    // html-* adapters share one page parser family; photo members are images
    expect(samples.size).toBeGreaterThanOrEqual(8);
  });

  for (const adapter of ALL_ADAPTERS) {
    it(`${adapter.id}: items or a member refusal, nothing else`, async () => {
      const seeds = samples.get(adapter.id) ?? [];
      const seedArb = seeds.length > 0 ? fc.constantFrom(...seeds) : fc.uint8Array({ maxLength: 2048 }).map((u) => ({ adapter, path: `fuzz.${adapter.id}`, bytes: Buffer.from(u) }));
      await fc.assert(
        fc.asyncProperty(seedArb, fc.array(mutation, { maxLength: 6 }), async (seed, mutations) => {
          countCase(`adapter:${adapter.id}`);
          const bytes = mutate(seed.bytes, mutations);
          try {
            for (const { draft } of await readWith(adapter, seed.path, bytes)) {
              expect(draft.text === undefined || typeof draft.text === 'string').toBe(true);
              expect(typeof draft.source.pointer).toBe('string');
            }
          } catch (err) {
            if (!isExpectedRefusal(err)) throw err;
          }
        }),
        { numRuns: FUZZ_RUNS, ...(FUZZ_SECONDS ? { interruptAfterTimeLimit: (FUZZ_SECONDS * 1000) / ALL_ADAPTERS.length } : {}) },
      );
    }, 600_000);
  }
});
