// Which adapter reads which member. Detection looks at the member's path and first bytes only.
import { facebookAdapter } from './facebook.js';
import { csvAdapter, jsonlAdapter } from './table.js';
import type { Adapter, Member } from './types.js';
import { readHead, walkInput, type InputListing } from './walk.js';

/** The adapters of the core; platform adapters are appended by the CLI. Order matters: first match wins. */
export const CORE_ADAPTERS: readonly Adapter[] = [facebookAdapter, csvAdapter, jsonlAdapter];

/** The first adapter (in list order) that claims the member, or undefined. */
export function detectAdapter(path: string, head: Buffer, adapters: readonly Adapter[]): Adapter | undefined {
  return adapters.find((a) => a.detect(path, head));
}

export interface ClassifiedMember {
  member: Member;
  adapter: Adapter;
}

export interface ClassifiedInput {
  listing: InputListing;
  recognised: ClassifiedMember[];
  unrecognised: Member[];
}

/** Sort the members of a listing into recognised (with their adapter) and unrecognised. */
export async function classifyMembers(listing: InputListing, adapters: readonly Adapter[]): Promise<ClassifiedInput> {
  const recognised: ClassifiedMember[] = [];
  const unrecognised: Member[] = [];
  for (const member of listing.members) {
    // A member whose bytes cannot be read is still classified by its path; reading it later
    // reports it as a bad member.
    const head = member.size > 0 ? await readHead(member).catch(() => EMPTY) : EMPTY;
    const adapter = detectAdapter(member.path, head, adapters);
    if (adapter) recognised.push({ member, adapter });
    else unrecognised.push(member);
  }
  return { listing, ...withoutExportPhotos(recognised, unrecognised) };
}

const EMPTY = Buffer.alloc(0);

/** For --list-formats: per input, how many members each adapter recognised and how many none did. */
export interface InputDescription {
  input: string;
  kind: InputListing['kind'];
  /** adapter id → number of members */
  recognised: Record<string, number>;
  unrecognised: number;
}

export async function describeInputs(inputs: readonly string[], adapters: readonly Adapter[]): Promise<InputDescription[]> {
  const out: InputDescription[] = [];
  for (const input of inputs) {
    const listing = await walkInput(input);
    try {
      const { recognised, unrecognised } = await classifyMembers(listing, adapters);
      const counts: Record<string, number> = {};
      for (const { adapter } of recognised) counts[adapter.id] = (counts[adapter.id] ?? 0) + 1;
      out.push({ input, kind: listing.kind, recognised: counts, unrecognised: unrecognised.length });
    } finally {
      await listing.close();
    }
  }
  return out;
}

/**
 * Photos are read as items of their own only when they are loose: a photo inside a zip or folder
 * that also holds an export (Facebook media, Telegram photos/, WhatsApp IMG-…) belongs to that
 * export's posts, which carry its hash and EXIF already.
 */
function withoutExportPhotos(recognised: ClassifiedMember[], unrecognised: Member[]): { recognised: ClassifiedMember[]; unrecognised: Member[] } {
  const containerOf = (m: Member) => m.zip ?? m.input;
  const exportContainers = new Set(recognised.filter((r) => r.adapter.platform !== 'photo').map((r) => containerOf(r.member)));
  const keep: ClassifiedMember[] = [];
  const dropped: Member[] = [];
  for (const r of recognised) {
    if (r.adapter.platform === 'photo' && exportContainers.has(containerOf(r.member))) dropped.push(r.member);
    else keep.push(r);
  }
  return { recognised: keep, unrecognised: [...unrecognised, ...dropped] };
}
