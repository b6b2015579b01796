// The event the vision stage adds to a scan: an item whose findings it already evaluated. Kept
// apart from reader.ts so the pipeline can name it without loading the optional packages.
import type { IngestEvent } from '../ingest/ingest.js';
import type { Finding } from '../model/finding.js';
import type { RuleRecord } from '../store/types.js';

export type VisionItemEvent = Extract<IngestEvent, { type: 'item' }> & { findings: Finding[]; rules: RuleRecord[] };

export function isVisionItem(event: IngestEvent | VisionItemEvent): event is VisionItemEvent {
  return event.type === 'item' && 'findings' in event;
}
