// What the rest of netral may ask of the evidence store. Only src/store/ touches SQLite.
import type { Readable } from 'node:stream';
import type { Capture, Finding, Item } from '../model/index.js';

/** The exact rule text a finding was produced by, so a finding can be reproduced later. */
export interface RuleRecord {
  id: string;
  version: number;
  title: string;
  prohibition: number | 'other';
  severity: string;
  legalBasis: string[];
  /** sha256 of the rule file's bytes */
  sha256: string;
  /** the rule file as loaded (YAML text) */
  source: string;
}

export interface RunMeta {
  /** command line that started the run, e.g. "scan fixtures/demo" */
  command: string;
  /** who ran it: --as <name> or the OS user */
  actor: string;
  /** sha256 over the loaded rule pack (rules + registries), to tell which pack produced the run */
  rulePackSha256?: string;
  /** subject the inputs were tied to with --subject, if any */
  subjectId?: string;
}

export interface RunCounts {
  captures: number;
  items: number;
  findings: number;
  newCaptures: number;
  newItems: number;
  newFindings: number;
}

/**
 * One scan/fetch run. All writes of a run happen inside one transaction: `finish` commits,
 * `abort` rolls back, so a failed run leaves the store exactly as it was.
 */
export interface StoreRun {
  readonly id: string;
  /** store the capture and its bytes (content-addressed); false when it was already stored */
  putCapture(capture: Capture, content: Buffer | (() => Promise<Readable>)): Promise<boolean>;
  /**
   * store an item with the raw fragment it was read from; false when already stored. byOwner: the
   * export owner did it; `by` says when its actor is known not to be the owner (ItemAuthorKnown)
   */
  putItem(item: Item, raw: unknown, byOwner?: boolean, by?: ItemAuthorKnown): boolean;
  putRule(rule: RuleRecord): void;
  /** false when the finding (same id) was already stored */
  putFinding(finding: Finding): boolean;
  finish(): RunCounts;
  abort(reason: string): void;
}

export interface StoredCapture {
  capture: Capture;
  body: Buffer;
}

/** The store as a whole. `openStore(path)` in src/store/store.ts returns one. */
export interface EvidenceStore {
  readonly path: string;
  /** start a run; its writes commit together on finish() */
  beginRun(meta: RunMeta): StoreRun;
  /** the newest capture of this URL (requested or final URL), for --offline / cache re-use */
  latestCaptureForUrl(url: string): StoredCapture | undefined;
  close(): void;
}

/**
 * What an export knows of an item's author beside its owner (ingest/types.ts ParsedItem): `namesake`,
 * another account showing the owner's own name; `otherAccount`, an account that is not the owner's.
 * Either keeps the item from being filed by a name it shares with the owner.
 */
export interface ItemAuthorKnown {
  namesake?: boolean;
  otherAccount?: boolean;
}
