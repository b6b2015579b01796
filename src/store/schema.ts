// Store schema as an ordered list of migrations keyed by PRAGMA user_version. Migrations only add
// tables, columns, views and triggers; they never rewrite evidence rows (evidence.md §10.8).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appendCustody } from './custody.js';
import { attributionsRoot, itemsRootOfRun } from './rowhash.js';
import { isoWeekSql, zoneOffsetSql } from '../model/region-time.js';

type Db = Database.Database;

/** Schema 1 (issue 2): runs, content-addressed blobs, captures, items, rules, findings. */
const SCHEMA_1 = `
CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, command TEXT NOT NULL,
  operator TEXT NOT NULL, host TEXT, tool_version TEXT, rulepack_sha256 TEXT, subject_id TEXT,
  started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL DEFAULT 'running', counts TEXT,
  items_root TEXT
);
CREATE TABLE blobs (
  pk INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, bytes INTEGER NOT NULL, media_type TEXT,
  storage TEXT NOT NULL CHECK (storage IN ('db', 'file')), content BLOB, rel_path TEXT,
  created_at TEXT NOT NULL, purged_at TEXT, purge_reason TEXT
);
CREATE TABLE captures (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  blob_sha256 TEXT NOT NULL REFERENCES blobs (sha256),
  parent_capture_id TEXT REFERENCES captures (id) DEFERRABLE INITIALLY DEFERRED,
  origin_kind TEXT NOT NULL, origin TEXT NOT NULL, member_path TEXT, method TEXT NOT NULL,
  bytes INTEGER NOT NULL, media_type TEXT, captured_at TEXT NOT NULL, source_mtime TEXT,
  http_status INTEGER, final_url TEXT, http_json TEXT, visual_capture TEXT NOT NULL DEFAULT 'none',
  first_run_id TEXT NOT NULL REFERENCES runs (id), first_seen_at TEXT NOT NULL, row_sha256 TEXT NOT NULL
);
CREATE INDEX captures_origin ON captures (origin);
CREATE INDEX captures_final_url ON captures (final_url);
CREATE TABLE capture_sightings (
  run_id TEXT NOT NULL REFERENCES runs (id),
  capture_id TEXT NOT NULL REFERENCES captures (id) DEFERRABLE INITIALLY DEFERRED,
  seen_at TEXT NOT NULL, PRIMARY KEY (run_id, capture_id)
) WITHOUT ROWID;
CREATE TABLE items (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  capture_id TEXT NOT NULL REFERENCES captures (id) DEFERRABLE INITIALLY DEFERRED,
  source_path TEXT NOT NULL, pointer TEXT NOT NULL, platform TEXT NOT NULL, kind TEXT NOT NULL,
  actor_name TEXT, actor_handle TEXT, actor_url TEXT, actor_handle_norm TEXT, actor_name_norm TEXT,
  text TEXT, hashtags TEXT, created_at_utc TEXT, created_at_raw TEXT, permalink TEXT, lang TEXT,
  item_json TEXT NOT NULL, raw_json TEXT,
  first_run_id TEXT NOT NULL REFERENCES runs (id), first_seen_at TEXT NOT NULL, row_sha256 TEXT NOT NULL
);
CREATE INDEX items_actor_handle ON items (platform, actor_handle_norm);
CREATE INDEX items_actor_name ON items (platform, actor_name_norm);
CREATE INDEX items_capture ON items (capture_id);
CREATE INDEX items_first_run ON items (first_run_id, id);
CREATE TABLE rules (
  pk INTEGER PRIMARY KEY, rule_id TEXT NOT NULL, version INTEGER NOT NULL, title TEXT NOT NULL,
  prohibition TEXT NOT NULL, severity TEXT NOT NULL, legal_basis TEXT NOT NULL,
  rule_sha256 TEXT NOT NULL, rule_yaml TEXT NOT NULL, first_run_id TEXT NOT NULL,
  UNIQUE (rule_id, version)
);
CREATE TABLE findings (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  item_id TEXT NOT NULL REFERENCES items (id) DEFERRABLE INITIALLY DEFERRED,
  rule_id TEXT NOT NULL, rule_version INTEGER NOT NULL,
  prohibition TEXT NOT NULL, severity TEXT NOT NULL, confidence REAL NOT NULL, track TEXT NOT NULL,
  skb_form TEXT, candidates TEXT NOT NULL, title_id TEXT NOT NULL, title_en TEXT NOT NULL,
  explanation_id TEXT NOT NULL, explanation_en TEXT NOT NULL, legal_basis TEXT NOT NULL, lowered TEXT NOT NULL,
  first_run_id TEXT NOT NULL REFERENCES runs (id), created_at TEXT NOT NULL, row_sha256 TEXT NOT NULL,
  FOREIGN KEY (rule_id, rule_version) REFERENCES rules (rule_id, version) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX findings_item ON findings (item_id);
CREATE TABLE finding_spans (
  pk INTEGER PRIMARY KEY, finding_id TEXT NOT NULL REFERENCES findings (id) DEFERRABLE INITIALLY DEFERRED,
  ord INTEGER NOT NULL, field TEXT NOT NULL, field_index INTEGER NOT NULL, start INTEGER NOT NULL,
  "end" INTEGER NOT NULL, text TEXT NOT NULL, matcher TEXT NOT NULL, UNIQUE (finding_id, ord)
);
CREATE TABLE _docs (table_name TEXT NOT NULL, column_name TEXT NOT NULL DEFAULT '', description TEXT NOT NULL,
  PRIMARY KEY (table_name, column_name));
CREATE VIEW finding_status AS SELECT id AS finding_id, 'open' AS status FROM findings;
CREATE VIEW findings_overview AS
SELECT f.id AS finding_id, 'open' AS status, i.platform, i.kind AS item_kind, i.id AS item_id,
  i.created_at_utc AS item_time, i.permalink, f.prohibition, f.severity, f.confidence, f.track,
  f.rule_id, f.rule_version, f.title_id, c.id AS capture_id, c.blob_sha256 AS capture_sha256
FROM findings f JOIN items i ON i.id = f.item_id JOIN captures c ON c.id = i.capture_id;
CREATE VIEW open_findings AS SELECT * FROM findings_overview WHERE status = 'open';
`;

/** Tables whose rows are evidence: never updated or deleted; a same-id insert is ignored. */
export const APPEND_ONLY_TABLES = ['captures', 'items', 'findings', 'finding_spans', 'reviews', 'item_attributions', 'capture_rows', 'finding_texts', 'span_matchers', 'flagged_rows'] as const;

function appendOnlyTriggers(table: string, key: string): Record<string, string> {
  return {
    [`${table}_no_update`]: `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    [`${table}_no_delete`]: `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    // INSERT OR REPLACE deletes the old row without firing the delete trigger: ignore the insert instead.
    [`${table}_no_replace`]: `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${key}) BEGIN SELECT RAISE(IGNORE); END`,
  };
}

/** Triggers of schema 2. */
const TRIGGERS_2: Record<string, string> = {
  ...appendOnlyTriggers('captures', 'id = NEW.id'),
  ...appendOnlyTriggers('items', 'id = NEW.id'),
  ...appendOnlyTriggers('findings', 'id = NEW.id'),
  ...appendOnlyTriggers('finding_spans', 'finding_id = NEW.finding_id AND ord = NEW.ord'),
  ...appendOnlyTriggers('reviews', 'id = NEW.id'),
  custody_log_no_update: `CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END`,
  custody_log_no_delete: `CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END`,
  custody_log_append_only: `CREATE TRIGGER custody_log_append_only BEFORE INSERT ON custody_log WHEN NEW.seq IS NULL OR NEW.seq <= (SELECT coalesce(max(seq), 0) FROM custody_log) BEGIN SELECT RAISE(ABORT, 'custody_log entries must be appended'); END`,
  // The one allowed blob update: a purge drops the bytes and keeps hash and size.
  blobs_purge_only: `CREATE TRIGGER blobs_purge_only BEFORE UPDATE ON blobs WHEN NOT (NEW.sha256 = OLD.sha256 AND NEW.bytes = OLD.bytes AND NEW.content IS NULL AND NEW.purged_at IS NOT NULL AND NEW.purge_reason IS NOT NULL AND OLD.purged_at IS NULL) BEGIN SELECT RAISE(ABORT, 'blobs can only be purged'); END`,
  blobs_no_delete: `CREATE TRIGGER blobs_no_delete BEFORE DELETE ON blobs BEGIN SELECT RAISE(ABORT, 'blobs are kept; purge instead'); END`,
  items_ai: `CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN INSERT INTO items_fts (rowid, text, actor_name, actor_handle, hashtags) VALUES (NEW.pk, NEW.text, NEW.actor_name, NEW.actor_handle, NEW.hashtags); END`,
};

/** Triggers of schema 3: whom an item is filed under is evidence too. */
const TRIGGERS_3: Record<string, string> = appendOnlyTriggers('item_attributions', 'item_id = NEW.item_id AND subject_id = NEW.subject_id');

/**
 * Triggers of schema 5: flagged rows are evidence; a blob kept as rows (or hash only) may later be
 * filled with the whole bytes (scan --keep-originals), its other update being a purge as before.
 */
const TRIGGERS_5: Record<string, string> = {
  ...appendOnlyTriggers('capture_rows', 'capture_id = NEW.capture_id AND pointer = NEW.pointer'),
  blobs_update_shape: `CREATE TRIGGER blobs_update_shape BEFORE UPDATE ON blobs WHEN NOT (NEW.sha256 = OLD.sha256 AND NEW.bytes = OLD.bytes AND OLD.purged_at IS NULL AND ((NEW.content IS NULL AND NEW.purged_at IS NOT NULL AND NEW.purge_reason IS NOT NULL) OR (OLD.kept <> 'whole' AND NEW.kept = 'whole' AND OLD.content IS NULL AND OLD.rel_path IS NULL AND NEW.purged_at IS NULL))) BEGIN SELECT RAISE(ABORT, 'blobs can only be purged or filled'); END`,
};

/** Triggers of schema 6: a finding's texts, shared by the findings that say the same, are evidence. */
const TRIGGERS_6: Record<string, string> = appendOnlyTriggers('finding_texts', 'sha256 = NEW.sha256');

/** Triggers of schema 8: the matcher names findings' spans refer to are evidence. */
const TRIGGERS_8: Record<string, string> = appendOnlyTriggers('span_matchers', 'name = NEW.name');

/**
 * Triggers of schema 11: flagged rows are evidence; a row a capture already has in capture_rows
 * (written before schema 11) is not stored again.
 */
const TRIGGERS_11: Record<string, string> = {
  ...appendOnlyTriggers('flagged_rows', 'capture_pk = NEW.capture_pk AND pointer = NEW.pointer'),
  flagged_rows_kept_before: `CREATE TRIGGER flagged_rows_kept_before BEFORE INSERT ON flagged_rows WHEN EXISTS (SELECT 1 FROM capture_rows WHERE capture_id = (SELECT id FROM captures WHERE pk = NEW.capture_pk) AND pointer = NEW.pointer) BEGIN SELECT RAISE(IGNORE); END`,
};

/** Every trigger verify expects at each schema, with its exact SQL (verify compares sqlite_master text). */
export function expectedTriggers(schemaVersion: number): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ ...TRIGGERS_2, ...TRIGGERS_3, ...TRIGGERS_5, ...(schemaVersion >= 6 ? TRIGGERS_6 : {}), ...(schemaVersion >= 8 ? TRIGGERS_8 : {}), ...(schemaVersion >= 9 ? TRIGGERS_9 : {}), ...(schemaVersion >= 11 ? TRIGGERS_11 : {}) }).filter(([name]) => name !== 'blobs_purge_only'),
  );
}

/** Schema 2 (issue 5): subjects, reviews, custody chain, anchors, exports, FTS, triggers, richer views. */
const SCHEMA_2 = `
CREATE TABLE subjects (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, nip TEXT UNIQUE, agency TEXT,
  position TEXT, region_code TEXT, region_name TEXT, notes TEXT, source TEXT, imported_run_id TEXT,
  imported_at TEXT NOT NULL, row_sha256 TEXT NOT NULL
);
CREATE TABLE subject_accounts (
  pk INTEGER PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES subjects (id), platform TEXT NOT NULL,
  handle TEXT NOT NULL, handle_norm TEXT NOT NULL, profile_url TEXT, UNIQUE (platform, handle_norm)
);
CREATE TABLE subject_links (
  pk INTEGER PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES subjects (id),
  object_type TEXT NOT NULL CHECK (object_type IN ('capture', 'item')), object_id TEXT NOT NULL,
  method TEXT NOT NULL, run_id TEXT, asserted_by TEXT NOT NULL, at TEXT NOT NULL,
  UNIQUE (subject_id, object_type, object_id)
);
CREATE INDEX subject_links_object ON subject_links (object_type, object_id);
CREATE TABLE reviews (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, finding_id TEXT NOT NULL REFERENCES findings (id),
  decision TEXT NOT NULL CHECK (decision IN ('confirm', 'dismiss', 'reopen', 'note')),
  reason_code TEXT, comment TEXT, reviewer TEXT NOT NULL, decided_at TEXT NOT NULL, supersedes_id TEXT,
  row_sha256 TEXT NOT NULL
);
CREATE INDEX reviews_finding ON reviews (finding_id, pk);
CREATE TABLE custody_log (
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  object_type TEXT, object_id TEXT, object_sha256 TEXT, run_id TEXT, payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL UNIQUE, entry_hash TEXT NOT NULL UNIQUE
);
CREATE INDEX custody_object ON custody_log (object_type, object_id, seq);
CREATE TABLE anchors (
  pk INTEGER PRIMARY KEY, seq INTEGER NOT NULL, head_hash TEXT NOT NULL, created_at TEXT NOT NULL,
  kind TEXT NOT NULL, export_id TEXT, note TEXT
);
CREATE TABLE exports (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, actor TEXT NOT NULL,
  profile TEXT NOT NULL, filters TEXT NOT NULL, manifest_sha256 TEXT NOT NULL, head_seq INTEGER NOT NULL,
  head_hash TEXT NOT NULL, out_path TEXT NOT NULL
);
CREATE VIRTUAL TABLE items_fts USING fts5 (text, actor_name, actor_handle, hashtags,
  content = 'items', content_rowid = 'pk', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO items_fts (items_fts) VALUES ('rebuild');
DROP VIEW open_findings;
DROP VIEW findings_overview;
DROP VIEW finding_status;
CREATE VIEW finding_status AS
SELECT f.id AS finding_id,
  CASE r.decision WHEN 'confirm' THEN 'confirmed' WHEN 'dismiss' THEN 'dismissed' ELSE 'open' END AS status,
  r.id AS review_id, r.reviewer, r.decided_at, r.reason_code, r.comment
FROM findings f
LEFT JOIN reviews r ON r.pk = (SELECT max(pk) FROM reviews WHERE finding_id = f.id AND decision <> 'note');
CREATE VIEW item_subject AS
-- the branches never yield the same (item, subject) twice (an account match wins), so there is no
-- GROUP BY and a lookup by item_id is pushed into each branch instead of building the whole view
SELECT i.id AS item_id, a.subject_id, 'account' AS method FROM items i
  JOIN subject_accounts a ON a.platform = i.platform AND a.handle_norm = i.actor_handle_norm
UNION SELECT i.id, a.subject_id, 'account' FROM items i
  JOIN subject_accounts a ON a.platform = i.platform AND a.handle_norm = i.actor_name_norm
UNION SELECT object_id, subject_id, method FROM subject_links WHERE object_type = 'item'
UNION SELECT i.id, l.subject_id, l.method FROM items i
  JOIN subject_links l ON l.object_type = 'capture' AND l.object_id = i.capture_id;
CREATE VIEW findings_overview AS
SELECT f.id AS finding_id, st.status, st.reviewer, st.decided_at, st.reason_code, st.comment AS review_comment,
  s.id AS subject_id, s.name AS subject_name, s.nip, s.agency, s.position, s.region_code, s.region_name,
  i.platform, i.kind AS item_kind, i.id AS item_id, i.actor_name, i.actor_handle, i.created_at_utc AS item_time,
  i.permalink, i.text, f.prohibition, f.severity, f.confidence, f.track, f.skb_form, f.rule_id, f.rule_version,
  f.title_id, f.title_en, f.explanation_id, f.explanation_en, f.legal_basis, f.candidates,
  c.id AS capture_id, c.blob_sha256 AS capture_sha256, c.origin AS capture_origin, c.member_path AS capture_member,
  c.captured_at, f.first_run_id, f.created_at
FROM findings f
JOIN items i ON i.id = f.item_id
JOIN captures c ON c.id = i.capture_id
JOIN finding_status st ON st.finding_id = f.id
LEFT JOIN subjects s ON s.id = (SELECT subject_id FROM item_subject WHERE item_id = i.id ORDER BY subject_id LIMIT 1);
CREATE VIEW open_findings AS SELECT * FROM findings_overview WHERE status = 'open';
CREATE VIEW custody_head AS SELECT seq, entry_hash AS head_hash, at FROM custody_log ORDER BY seq DESC LIMIT 1;
CREATE VIEW subject_activity AS
SELECT subject_id, subject_name, prohibition, strftime('%Y-%W', item_time) AS week, count(*) AS findings
FROM findings_overview WHERE subject_id IS NOT NULL GROUP BY subject_id, prohibition, week;
`;

/**
 * Schema 3 (issue 12): attribution by author. A finding is filed under a subject only when its
 * item's author is one of the subject's accounts, or the export owner when the export was scanned
 * as the subject's (`item_attributions`). A capture link (scan --subject) alone no longer files
 * every item of the capture: another member's message in a group export is not the subject's.
 * `findings_overview` has one row per (finding, subject it is filed under), so an item shared by
 * two subjects' exports is a separate finding row for each. `input_scans` lets a batch skip an
 * input already scanned with the same bytes and rule pack.
 */
const SCHEMA_3 = `
CREATE TABLE item_attributions (
  pk INTEGER PRIMARY KEY, item_id TEXT NOT NULL REFERENCES items (id) DEFERRABLE INITIALLY DEFERRED,
  subject_id TEXT NOT NULL REFERENCES subjects (id), method TEXT NOT NULL, capture_id TEXT, run_id TEXT,
  asserted_by TEXT NOT NULL, at TEXT NOT NULL, UNIQUE (item_id, subject_id)
);
CREATE INDEX item_attributions_subject ON item_attributions (subject_id, item_id);
CREATE TABLE input_scans (
  pk INTEGER PRIMARY KEY, input_sha256 TEXT NOT NULL, rulepack_sha256 TEXT NOT NULL, subject_id TEXT NOT NULL DEFAULT '',
  input TEXT NOT NULL, run_id TEXT NOT NULL REFERENCES runs (id), scanned_at TEXT NOT NULL,
  UNIQUE (input_sha256, rulepack_sha256, subject_id)
);
INSERT INTO item_attributions (item_id, subject_id, method, capture_id, run_id, asserted_by, at)
SELECT l.object_id, l.subject_id, 'export-owner', i.capture_id, l.run_id, l.asserted_by, l.at
FROM subject_links l JOIN items i ON i.id = l.object_id
WHERE l.object_type = 'item'
  AND (i.platform IN ('facebook', 'instagram', 'x', 'tiktok', 'photo') OR (i.actor_name IS NULL AND i.actor_handle IS NULL));
DROP VIEW subject_activity;
DROP VIEW open_findings;
DROP VIEW findings_overview;
DROP VIEW item_subject;
CREATE VIEW item_subject AS
-- the branches never yield the same (item, subject) twice (an account match wins), so there is no
-- GROUP BY and a lookup by item_id is pushed into each branch instead of building the whole view
SELECT i.id AS item_id, a.subject_id, 'account' AS method FROM items i
  JOIN subject_accounts a ON a.platform = i.platform AND a.handle_norm = i.actor_handle_norm
UNION ALL
SELECT i.id, a.subject_id, 'account' FROM items i
  JOIN subject_accounts a ON a.platform = i.platform AND a.handle_norm = i.actor_name_norm
  WHERE NOT EXISTS (SELECT 1 FROM subject_accounts b WHERE b.subject_id = a.subject_id AND b.platform = i.platform AND b.handle_norm = i.actor_handle_norm)
UNION ALL
SELECT t.item_id, t.subject_id, t.method FROM item_attributions t JOIN items i ON i.id = t.item_id
  WHERE NOT EXISTS (SELECT 1 FROM subject_accounts b WHERE b.subject_id = t.subject_id AND b.platform = i.platform
    AND b.handle_norm IN (i.actor_handle_norm, i.actor_name_norm));
CREATE VIEW findings_overview AS
SELECT f.id AS finding_id, st.status, st.reviewer, st.decided_at, st.reason_code, st.comment AS review_comment,
  s.id AS subject_id, s.name AS subject_name, s.nip, s.agency, s.position, s.region_code, s.region_name,
  isub.method AS attribution,
  i.platform, i.kind AS item_kind, i.id AS item_id, i.actor_name, i.actor_handle, i.created_at_utc AS item_time,
  i.permalink, i.text, f.prohibition, f.severity, f.confidence, f.track, f.skb_form, f.rule_id, f.rule_version,
  f.title_id, f.title_en, f.explanation_id, f.explanation_en, f.legal_basis, f.candidates,
  c.id AS capture_id, c.blob_sha256 AS capture_sha256, c.origin AS capture_origin, c.member_path AS capture_member,
  c.captured_at, f.first_run_id, f.created_at
FROM findings f
JOIN items i ON i.id = f.item_id
JOIN captures c ON c.id = i.capture_id
JOIN finding_status st ON st.finding_id = f.id
LEFT JOIN item_subject isub ON isub.item_id = i.id
LEFT JOIN subjects s ON s.id = isub.subject_id;
CREATE VIEW open_findings AS SELECT * FROM findings_overview WHERE status = 'open';
CREATE VIEW subject_activity AS
SELECT subject_id, subject_name, prohibition, strftime('%Y-%W', item_time) AS week, count(*) AS findings
FROM findings_overview WHERE subject_id IS NOT NULL GROUP BY subject_id, prohibition, week;
`;

/**
 * Schema 4 (issue 12, times): a finding is dated by its activity time — the item's own time, or
 * the date of the event it responds to (model `activityTime`); `event_start`/`event_end` are
 * shown beside it. `subject_activity` counts ISO weeks (Monday start) of the local date in the
 * subject's zone (WIB/WITA/WIT), the same week the report's chart uses.
 */
const SCHEMA_4 = `
DROP VIEW subject_activity;
DROP VIEW open_findings;
DROP VIEW findings_overview;
CREATE VIEW findings_overview AS
SELECT f.id AS finding_id, st.status, st.reviewer, st.decided_at, st.reason_code, st.comment AS review_comment,
  s.id AS subject_id, s.name AS subject_name, s.nip, s.agency, s.position, s.region_code, s.region_name,
  isub.method AS attribution,
  i.platform, i.kind AS item_kind, i.id AS item_id, i.actor_name, i.actor_handle,
  coalesce(i.created_at_utc, json_extract(i.item_json, '$.event.start')) AS item_time,
  json_extract(i.item_json, '$.event.start') AS event_start, json_extract(i.item_json, '$.event.end') AS event_end,
  i.permalink, i.text, f.prohibition, f.severity, f.confidence, f.track, f.skb_form, f.rule_id, f.rule_version,
  f.title_id, f.title_en, f.explanation_id, f.explanation_en, f.legal_basis, f.candidates,
  c.id AS capture_id, c.blob_sha256 AS capture_sha256, c.origin AS capture_origin, c.member_path AS capture_member,
  c.captured_at, f.first_run_id, f.created_at
FROM findings f
JOIN items i ON i.id = f.item_id
JOIN captures c ON c.id = i.capture_id
JOIN finding_status st ON st.finding_id = f.id
LEFT JOIN item_subject isub ON isub.item_id = i.id
LEFT JOIN subjects s ON s.id = isub.subject_id;
CREATE VIEW open_findings AS SELECT * FROM findings_overview WHERE status = 'open';
CREATE VIEW subject_activity AS
SELECT subject_id, subject_name, prohibition, ${isoWeekSql('item_time', zoneOffsetSql('region_code'))} AS week, count(*) AS findings
FROM findings_overview WHERE subject_id IS NOT NULL GROUP BY subject_id, prohibition, week;
`;

/**
 * Schema 5 (issue 15): evidence sized by what was found. Inline blobs may be gzip-compressed
 * (`encoding`, `stored_bytes`); a large row file (JSONL, CSV) keeps its SHA-256 and size
 * (`kept = 'rows'`) and the bytes of each flagged row in `capture_rows`, with the row's byte
 * offset and length in the original, so a row is proven against the original when it is at hand.
 * A finding's matched words move into one compact JSON column (`findings.spans`) instead of a
 * finding_spans row each (10 spans = 2 KB with its index): the same hash covers them.
 */
const SCHEMA_5 = `
ALTER TABLE blobs ADD COLUMN encoding TEXT;
ALTER TABLE blobs ADD COLUMN stored_bytes INTEGER;
ALTER TABLE blobs ADD COLUMN kept TEXT NOT NULL DEFAULT 'whole';
CREATE TABLE capture_rows (
  pk INTEGER PRIMARY KEY, capture_id TEXT NOT NULL REFERENCES captures (id) DEFERRABLE INITIALLY DEFERRED,
  pointer TEXT NOT NULL, byte_offset INTEGER NOT NULL, byte_length INTEGER NOT NULL, sha256 TEXT NOT NULL,
  encoding TEXT, content BLOB NOT NULL, first_run_id TEXT NOT NULL REFERENCES runs (id), row_sha256 TEXT NOT NULL,
  UNIQUE (capture_id, pointer)
);
ALTER TABLE findings ADD COLUMN spans TEXT;
CREATE INDEX items_time ON items (created_at_utc);
CREATE INDEX items_untimed ON items (id) WHERE created_at_utc IS NULL;
DROP TRIGGER blobs_purge_only;
`;

/**
 * Schema 5's findings_overview: the same rows as schema 4's, written as one branch per way an item
 * is filed under a subject (its author's account by handle, by name, the export owner's
 * attribution, nobody) instead of a LEFT JOIN of the item_subject view. SQLite materialised that
 * view for every query (every item of the store), so looking up one finding took 0.4 s on a
 * store of 100,000; a `finding_id = ?` now reaches each branch's indexes.
 */
function overviewBranch(subject: 'none' | 'handle' | 'name' | 'attribution', findings = 'findings', itemJson = 'i.item_json'): string {
  const person = subject === 'none'
    ? 'NULL AS subject_id, NULL AS subject_name, NULL AS nip, NULL AS agency, NULL AS position, NULL AS region_code, NULL AS region_name, NULL AS attribution'
    : `s.id AS subject_id, s.name AS subject_name, s.nip, s.agency, s.position, s.region_code, s.region_name, ${subject === 'attribution' ? 't.method' : "'account'"} AS attribution`;
  const filed = {
    none: `WHERE NOT EXISTS (SELECT 1 FROM subject_accounts a WHERE a.platform = i.platform AND a.handle_norm IN (i.actor_handle_norm, i.actor_name_norm))
  AND NOT EXISTS (SELECT 1 FROM item_attributions t WHERE t.item_id = i.id)`,
    handle: 'JOIN subject_accounts a ON a.platform = i.platform AND a.handle_norm = i.actor_handle_norm JOIN subjects s ON s.id = a.subject_id',
    name: `JOIN subject_accounts a ON a.platform = i.platform AND a.handle_norm = i.actor_name_norm JOIN subjects s ON s.id = a.subject_id
  WHERE NOT EXISTS (SELECT 1 FROM subject_accounts b WHERE b.subject_id = a.subject_id AND b.platform = i.platform AND b.handle_norm = i.actor_handle_norm)`,
    attribution: `JOIN item_attributions t ON t.item_id = i.id JOIN subjects s ON s.id = t.subject_id
  WHERE NOT EXISTS (SELECT 1 FROM subject_accounts b WHERE b.subject_id = t.subject_id AND b.platform = i.platform
    AND b.handle_norm IN (i.actor_handle_norm, i.actor_name_norm))`,
  }[subject];
  return `SELECT f.id AS finding_id, st.status, st.reviewer, st.decided_at, st.reason_code, st.comment AS review_comment,
  ${person},
  i.platform, i.kind AS item_kind, i.id AS item_id, i.actor_name, i.actor_handle,
  coalesce(i.created_at_utc, json_extract(${itemJson}, '$.event.start')) AS item_time,
  json_extract(${itemJson}, '$.event.start') AS event_start, json_extract(${itemJson}, '$.event.end') AS event_end,
  i.permalink, i.text, f.prohibition, f.severity, f.confidence, f.track, f.skb_form, f.rule_id, f.rule_version,
  f.title_id, f.title_en, f.explanation_id, f.explanation_en, f.legal_basis, f.candidates,
  c.id AS capture_id, c.blob_sha256 AS capture_sha256, c.origin AS capture_origin, c.member_path AS capture_member,
  c.captured_at, f.first_run_id, f.created_at
FROM ${findings} f
JOIN items i ON i.id = f.item_id
JOIN captures c ON c.id = i.capture_id
JOIN finding_status st ON st.finding_id = f.id
${filed}`;
}

const overviewViews = (findings: string, itemJson?: string): string => `
DROP VIEW subject_activity;
DROP VIEW open_findings;
DROP VIEW findings_overview;
CREATE VIEW findings_overview AS
${overviewBranch('handle', findings, itemJson)}
UNION ALL
${overviewBranch('name', findings, itemJson)}
UNION ALL
${overviewBranch('attribution', findings, itemJson)}
UNION ALL
${overviewBranch('none', findings, itemJson)};
CREATE VIEW open_findings AS SELECT * FROM findings_overview WHERE status = 'open';
CREATE VIEW subject_activity AS
SELECT subject_id, subject_name, prohibition, ${isoWeekSql('item_time', zoneOffsetSql('region_code'))} AS week, count(*) AS findings
FROM findings_overview WHERE subject_id IS NOT NULL GROUP BY subject_id, prohibition, week;
`;
const SCHEMA_5_VIEWS = overviewViews('findings');

/** The texts a finding says (its rule's title, its explanation, legal basis and candidates), stored once for all findings that say the same. */
export const FINDING_TEXT_COLUMNS = ['title_id', 'title_en', 'explanation_id', 'explanation_en', 'legal_basis', 'candidates'] as const;

/**
 * A findings row as written before schema 6 (every column but `texts`), whichever way its texts
 * are stored: read by code with this SQL (not through a view a store file could redefine), so row
 * hashes are recomputed over what the finding says.
 */
const FINDING_ROWS_COLUMNS = `f.pk, f.id, f.item_id, f.rule_id, f.rule_version, f.prohibition, f.severity, f.confidence, f.track, f.skb_form,
  ${FINDING_TEXT_COLUMNS.map((c) => `CASE WHEN f.texts IS NULL THEN f.${c} ELSE t.${c} END AS ${c}`).join(', ')},
  f.lowered, f.first_run_id, f.created_at, f.row_sha256, f.spans`;
const FINDING_ROWS_FROM = 'FROM findings f LEFT JOIN finding_texts t ON t.pk = f.texts';
export const FINDING_ROWS_SQL = `SELECT ${FINDING_ROWS_COLUMNS}
${FINDING_ROWS_FROM}`;

/** The column findingRowsSql adds beside a finding's row: not part of it, left out of its hash. */
export const SPAN_ITEM_TEXT = 'span_item_text';

/**
 * FINDING_ROWS_SQL and, since schema 8, the finding's item text as `span_item_text`: a schema-8
 * spans column keeps only the offsets of words in that text (rowhash.ts spanContext).
 */
export function findingRowsSql(schemaVersion: number): string {
  if (schemaVersion < 8) return FINDING_ROWS_SQL;
  return `SELECT ${FINDING_ROWS_COLUMNS}, (SELECT i.text FROM items i WHERE i.id = f.item_id) AS ${SPAN_ITEM_TEXT}
${FINDING_ROWS_FROM}`;
}

/**
 * Schema 6 (issue 15): a finding's texts — the rule's title and the explanation in both
 * languages, legal basis, candidates: 60 % of a findings row — are the same for every finding of
 * one rule, candidate and matched words, so they are stored once in `finding_texts` (addressed
 * by the SHA-256 of their canonical JSON) and a finding refers to them (`texts`; its own text
 * columns stay empty). The finding's row_sha256 is unchanged: it covers the texts themselves.
 * Rows written before keep their texts in place. `finding_rows` shows every finding whole.
 */
const SCHEMA_6 = `
CREATE TABLE finding_texts (
  pk INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, title_id TEXT NOT NULL, title_en TEXT NOT NULL,
  explanation_id TEXT NOT NULL, explanation_en TEXT NOT NULL, legal_basis TEXT NOT NULL, candidates TEXT NOT NULL
);
ALTER TABLE findings ADD COLUMN texts INTEGER REFERENCES finding_texts (pk);
CREATE VIEW finding_rows AS ${FINDING_ROWS_SQL};
${overviewViews('finding_rows')}`;

/**
 * Schema 7 (issue 15): evidence rows sized by what they hold.
 * - An item's JSON is no longer stored beside the columns that hold most of it: `item_extra`
 *   keeps the rest (media, mentions, hashtags as written, target, event …) and `item_json` is
 *   empty; the item is rebuilt from both exactly (item-row.ts; a write that would not round-trip
 *   keeps the whole JSON as before). The row hash covers the columns as stored, as always.
 * - An item's raw JSON that is exactly its flagged row parsed (a JSONL line kept in capture_rows)
 *   is not stored again: raw_json is NULL and `raw_from_row` = 1.
 * - A span in the findings.spans column leaves out what its place says (tuplesOfColumn).
 * - A finding no longer gets a custody entry of its own (four 64-hex hashes and two unique
 *   indexes each, 40 % of a finding's bytes): the run's `run.finish` entry carries
 *   `findings_root`, the Merkle root over the row hashes of the findings it added (pk order),
 *   as items and flagged rows already were. Verify recomputes it; an edited, added or deleted
 *   finding breaks it. Findings written before keep their entries and verify as before.
 * - The indexes items_first_run and items_capture go: the roots of a run are read by the run's
 *   pk range, and nothing looks items up by capture.
 * Old rows are not rewritten.
 */
const ITEM_JSON_7 = 'CASE WHEN i.item_extra IS NULL THEN i.item_json ELSE i.item_extra END';
/** The SQL expression of an item's JSON (items i) as the views read it at a schema version. */
export const itemJsonSql = (version: number): string => (version >= 7 ? ITEM_JSON_7 : 'i.item_json');
const SCHEMA_7 = `
ALTER TABLE items ADD COLUMN item_extra TEXT;
ALTER TABLE items ADD COLUMN raw_from_row INTEGER;
DROP INDEX items_first_run;
DROP INDEX items_capture;
${overviewViews('finding_rows', ITEM_JSON_7)}`;

/**
 * Schema 8 (issue 15): a finding's matched words as offsets. 60 % of a schema-7 findings row was
 * its spans column, and most of that repeated what is stored anyway: the words themselves (the
 * item's text at the span's offsets) and the matcher's name (a few dozen names for every span of
 * the store). A schema-8 spans column is one flat JSON array: a span in the item's own text whose
 * words are that text at its offsets is `start, end, matcher key`; any other span is
 * `[field, field_index, start, end, text, matcher key]`. The keys are `span_matchers` rows
 * (append-only). The finding's row_sha256 is unchanged: it covers the seven values of every span
 * as before, read back from the item's text and the matcher names, so an edit of either (or of
 * the offsets) fails verify for the finding. Rows written before keep their spans as they are.
 * The row hashes of new items, findings and flagged rows are stored as their 32 bytes (a BLOB in
 * the row_sha256 column, half of 64 hex characters); readers take either (rowhash.ts storedHash).
 */
const SCHEMA_8 = `
CREATE TABLE span_matchers (pk INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
`;

/**
 * Schema 9 (issue 15): what the overview computed per finding at every read — the review status
 * in force and the subjects an item is filed under — kept in two tables that triggers update in
 * the transaction of the write that changes them (a review, an item, an attribution, a subject's
 * account). The overview then reads each finding once with two key lookups, instead of four
 * UNION ALL branches that each scanned every finding (the view was ~15 % of an export).
 * Both tables are derived, not evidence: verify recomputes them from the evidence rows.
 * - `finding_decision`: the newest confirm/dismiss/reopen of a finding (reviews.pk); no row = open.
 * - `item_filing`: (item, subject, attribution) as the schema-5 view filed it; `rank` keeps its
 *   branch order (1 author's handle, 2 author's name, 3 the export owner), and its key reads a
 *   finding filed under two subjects in that order, as the view's UNION ALL did.
 */
const FILING_BRANCHES = (cond: string): string => `SELECT i.id AS item_id, a.subject_id, 'account' AS attribution, 1 AS rank FROM items i
  JOIN subject_accounts a ON a.platform = i.platform AND a.handle_norm = i.actor_handle_norm WHERE ${cond}
UNION ALL
SELECT i.id, a.subject_id, 'account', 2 FROM items i
  JOIN subject_accounts a ON a.platform = i.platform AND a.handle_norm = i.actor_name_norm
  WHERE ${cond} AND NOT EXISTS (SELECT 1 FROM subject_accounts b WHERE b.subject_id = a.subject_id AND b.platform = i.platform AND b.handle_norm = i.actor_handle_norm)
UNION ALL
SELECT i.id, t.subject_id, t.method, 3 FROM item_attributions t JOIN items i ON i.id = t.item_id
  WHERE ${cond} AND NOT EXISTS (SELECT 1 FROM subject_accounts b WHERE b.subject_id = t.subject_id AND b.platform = i.platform
    AND b.handle_norm IN (i.actor_handle_norm, i.actor_name_norm))`;

/** The filing of every item, as item_filing must hold it (verify compares). */
export const ITEM_FILING_SQL = FILING_BRANCHES('1');

/** Statements that file the items matching `cond` (an items i condition) again. */
const refile = (cond: string): string => `DELETE FROM item_filing WHERE item_id IN (SELECT i.id FROM items i WHERE ${cond});
  INSERT INTO item_filing (item_id, subject_id, attribution, rank) ${FILING_BRANCHES(cond)};`;
const byAccount = (row: 'NEW' | 'OLD'): string => `i.platform = ${row}.platform AND (i.actor_handle_norm = ${row}.handle_norm OR i.actor_name_norm = ${row}.handle_norm)`;

/** The decision in force of every reviewed finding, as finding_decision must hold it (verify compares). */
export const FINDING_DECISION_SQL = "SELECT finding_id, max(pk) AS review_pk FROM reviews WHERE decision <> 'note' GROUP BY finding_id";

/** Triggers of schema 9: they keep the two derived tables in step with every write. */
const TRIGGERS_9: Record<string, string> = {
  finding_decision_ai: `CREATE TRIGGER finding_decision_ai AFTER INSERT ON reviews WHEN NEW.decision <> 'note' BEGIN
  INSERT INTO finding_decision (finding_id, review_pk) VALUES (NEW.finding_id, NEW.pk)
    ON CONFLICT (finding_id) DO UPDATE SET review_pk = excluded.review_pk WHERE excluded.review_pk > finding_decision.review_pk;
END`,
  item_filing_items_ai: `CREATE TRIGGER item_filing_items_ai AFTER INSERT ON items
WHEN EXISTS (SELECT 1 FROM subject_accounts WHERE platform = NEW.platform AND handle_norm IN (NEW.actor_handle_norm, NEW.actor_name_norm))
  OR EXISTS (SELECT 1 FROM item_attributions WHERE item_id = NEW.id) BEGIN
  ${refile('i.id = NEW.id')}
END`,
  item_filing_attributions_ai: `CREATE TRIGGER item_filing_attributions_ai AFTER INSERT ON item_attributions BEGIN
  ${refile('i.id = NEW.item_id')}
END`,
  item_filing_accounts_ai: `CREATE TRIGGER item_filing_accounts_ai AFTER INSERT ON subject_accounts BEGIN
  ${refile(byAccount('NEW'))}
END`,
  item_filing_accounts_ad: `CREATE TRIGGER item_filing_accounts_ad AFTER DELETE ON subject_accounts BEGIN
  ${refile(byAccount('OLD'))}
END`,
  item_filing_accounts_au: `CREATE TRIGGER item_filing_accounts_au AFTER UPDATE ON subject_accounts BEGIN
  ${refile(byAccount('OLD'))}
  ${refile(byAccount('NEW'))}
END`,
};

const SCHEMA_9 = `
CREATE TABLE finding_decision (finding_id TEXT PRIMARY KEY, review_pk INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE item_filing (
  item_id TEXT NOT NULL, subject_id TEXT NOT NULL, attribution TEXT NOT NULL, rank INTEGER NOT NULL,
  PRIMARY KEY (item_id, rank, subject_id)
) WITHOUT ROWID;
INSERT INTO finding_decision (finding_id, review_pk) ${FINDING_DECISION_SQL};
INSERT INTO item_filing (item_id, subject_id, attribution, rank) ${ITEM_FILING_SQL};
DROP VIEW subject_activity;
DROP VIEW open_findings;
DROP VIEW findings_overview;
DROP VIEW finding_status;
CREATE VIEW finding_status AS
SELECT f.id AS finding_id,
  CASE r.decision WHEN 'confirm' THEN 'confirmed' WHEN 'dismiss' THEN 'dismissed' ELSE 'open' END AS status,
  r.id AS review_id, r.reviewer, r.decided_at, r.reason_code, r.comment
FROM findings f
LEFT JOIN finding_decision d ON d.finding_id = f.id
LEFT JOIN reviews r ON r.pk = d.review_pk;
CREATE VIEW findings_overview AS
SELECT f.id AS finding_id,
  CASE r.decision WHEN 'confirm' THEN 'confirmed' WHEN 'dismiss' THEN 'dismissed' ELSE 'open' END AS status,
  r.reviewer, r.decided_at, r.reason_code, r.comment AS review_comment,
  s.id AS subject_id, s.name AS subject_name, s.nip, s.agency, s.position, s.region_code, s.region_name, fl.attribution,
  i.platform, i.kind AS item_kind, i.id AS item_id, i.actor_name, i.actor_handle,
  coalesce(i.created_at_utc, json_extract(${ITEM_JSON_7}, '$.event.start')) AS item_time,
  json_extract(${ITEM_JSON_7}, '$.event.start') AS event_start, json_extract(${ITEM_JSON_7}, '$.event.end') AS event_end,
  i.permalink, i.text, f.prohibition, f.severity, f.confidence, f.track, f.skb_form, f.rule_id, f.rule_version,
  f.title_id, f.title_en, f.explanation_id, f.explanation_en, f.legal_basis, f.candidates,
  c.id AS capture_id, c.blob_sha256 AS capture_sha256, c.origin AS capture_origin, c.member_path AS capture_member,
  c.captured_at, f.first_run_id, f.created_at
FROM finding_rows f
JOIN items i ON i.id = f.item_id
JOIN captures c ON c.id = i.capture_id
LEFT JOIN finding_decision d ON d.finding_id = f.id
LEFT JOIN reviews r ON r.pk = d.review_pk
LEFT JOIN item_filing fl ON fl.item_id = i.id
LEFT JOIN subjects s ON s.id = fl.subject_id;
CREATE VIEW open_findings AS SELECT * FROM findings_overview WHERE status = 'open';
CREATE VIEW subject_activity AS
SELECT subject_id, subject_name, prohibition, ${isoWeekSql('item_time', zoneOffsetSql('region_code'))} AS week, count(*) AS findings
FROM findings_overview WHERE subject_id IS NOT NULL GROUP BY subject_id, prohibition, week;
`;

/**
 * Schema 10 (issue 15): two values a flagged row and an item kept twice.
 * - A flagged row's SHA-256 (`capture_rows.sha256`) is stored as its 32 bytes (a BLOB, like the
 *   row hashes since schema 8), not 64 hex characters; readers take either (rowhash.ts
 *   storedHash), and the row's row_sha256 still covers the hex, so old and new rows hash alike.
 * - An item whose raw time is its UTC time (most rows of a scraped table or JSONL export) keeps
 *   it once: `created_at_raw` is NULL and `raw_is_utc` = 1, and the item reads back with
 *   `timeRaw` = `created_at_utc` (item-row.ts). The row hash covers the columns as stored, as
 *   always, so an edit of either column fails verify.
 * Old rows are not rewritten.
 */
const SCHEMA_10 = `
ALTER TABLE items ADD COLUMN raw_is_utc INTEGER;
`;

/**
 * Schema 11 (issue 15): a flagged row refers to its capture and run by their integer keys, and a
 * finding's spans column of numbers only is stored as varints (rowhash.ts varintColumn).
 * Flagged rows: a schema-10 capture_rows row spent 64 hex characters on its capture's id and 28
 * on its run's, and its UNIQUE (capture_id, pointer) index the 64 again: 40 % of the row, a tenth
 * of a heavy store. New flagged rows go to `flagged_rows` (capture_pk = captures.pk, run_pk = runs.pk, the
 * index on (capture_pk, pointer)); readers take both tables (FLAGGED_ROWS_SQL gives a
 * flagged_rows row the columns of a capture_rows row). The row hash is unchanged: it covers the
 * capture's hex id and the run's id as before, so a row hashes alike in either table, and an
 * edit of a key (pointing the row at another capture or run) fails verify as an edited id did.
 * A row a capture already has in capture_rows is not stored again (trigger).
 * Spans: a schema-8 column of numbers only is a JSON array of two to four characters a value; as
 * varints most values are one byte (findings 411 -> 343 B per finding on the heavy bench). A
 * column with any other span stays JSON. The row hash covers the seven values of every span, as
 * before. Old rows are not rewritten.
 */
const SCHEMA_11 = `
CREATE TABLE flagged_rows (
  pk INTEGER PRIMARY KEY, capture_pk INTEGER NOT NULL REFERENCES captures (pk),
  pointer TEXT NOT NULL, byte_offset INTEGER NOT NULL, byte_length INTEGER NOT NULL, sha256 BLOB NOT NULL,
  encoding TEXT, content BLOB NOT NULL, run_pk INTEGER NOT NULL REFERENCES runs (pk), row_sha256 BLOB NOT NULL,
  UNIQUE (capture_pk, pointer)
);
`;

/**
 * Schema 12 (issue 15): the ids of new items and findings as their 32 bytes. An item's and a
 * finding's id is a SHA-256; as 64 hex characters it was stored in the row, again in the row's
 * UNIQUE index, and a finding repeated its item's id in its row and in findings_item: a third of
 * a heavy store's bytes per finding. Since schema 12 a new row keeps the 32 bytes (a BLOB in the
 * same column), and a row that refers to an item or finding (findings.item_id, reviews.finding_id,
 * item_attributions.item_id and the derived item_filing, finding_decision) holds the id as the
 * referenced row stores it, so joins and foreign keys compare like with like. Rows written before
 * keep their hex text; readers take either (ids.ts) and show hex everywhere (CLI, export, report,
 * custody). Row hashes cover the hex id as before (rowhash.ts hashes a BLOB column as its hex), so
 * old and new rows hash alike and an edited id fails verify. Nothing is added or rewritten: the
 * migration only records itself.
 */
const SCHEMA_12 = '';

/** A flagged_rows row (schema 11) with the columns of a capture_rows row: the capture's and run's ids in place of their keys. */
export const FLAGGED_ROWS_SQL = `SELECT r.pk, c.id AS capture_id, r.pointer, r.byte_offset, r.byte_length, r.sha256, r.encoding, r.content, u.id AS first_run_id, r.row_sha256
FROM flagged_rows r LEFT JOIN captures c ON c.pk = r.capture_pk LEFT JOIN runs u ON u.pk = r.run_pk`;

const DOCS_1: Array<[string, string, string]> = [
  ['runs', '', 'One row per scan/fetch/export command; counts and status are filled when it finishes.'],
  ['blobs', '', 'Original bytes, addressed by SHA-256. Up to 8 MiB inline in `content`, larger ones as files under rel_path.'],
  ['captures', '', 'One input as received (file, zip member, URL). row_sha256 = SHA-256 of the canonical row; verify recomputes it.'],
  ['captures', 'parent_capture_id', 'The zip/folder capture this member was read from.'],
  ['capture_sightings', '', 'Every run that saw a capture; a re-scan adds a sighting, never a new capture.'],
  ['items', '', 'Flagged activities (post, comment, like …) with the raw JSON fragment they were read from (raw_json).'],
  ['rules', '', 'The exact rule text (rule_yaml) each finding was produced by.'],
  ['findings', '', 'Possible violations: rule id + version, prohibition (1–8 or other), severity, confidence, candidates, explanation.'],
  ['finding_spans', '', 'Matched words: offsets (UTF-16 units) into the original item field.'],
  ['finding_status', '', 'View: current review status of every finding (open until a reviewer decides).'],
  ['findings_overview', '', 'View: one row per finding with subject, platform, time, link, rule, status and capture hash (the CSV row).'],
  ['open_findings', '', 'View: findings nobody has confirmed or dismissed yet.'],
];

const DOCS_2: Array<[string, string, string]> = [
  ['subjects', '', 'Civil servants under watch (name, NIP, agency, region) imported with `netral subjects import`.'],
  ['subject_accounts', '', 'Accounts/handles of a subject; items are linked by (platform, handle_norm).'],
  ['subject_links', '', 'Explicit links of captures/items to a subject (scan --subject).'],
  ['item_subject', '', 'View: which subject each item belongs to (by account or explicit link).'],
  ['reviews', '', 'Reviewer decisions (confirm, dismiss, reopen, note). Never erased: the newest decision wins.'],
  ['custody_log', '', 'Hash chain of every write that matters. entry_hash = SHA-256("netral-custody-v1\\n" + prev_hash + "\\n" + canonical entry).'],
  ['anchors', '', 'Chain heads written outside the store (export manifests).'],
  ['exports', '', 'Every export bundle made, with its manifest hash and the chain head it carries.'],
  ['items_fts', '', 'Full-text index (FTS5, unicode61) over item text, actor and hashtags.'],
  ['custody_head', '', 'View: the newest custody entry (the chain head).'],
  ['subject_activity', '', 'View: findings per subject × prohibition × week.'],
];

const DOCS_3: Array<[string, string, string]> = [
  ['item_attributions', '', 'Items the export owner did, for exports scanned as a subject’s (scan --subject, batch): method export-owner.'],
  ['input_scans', '', 'Inputs a batch scanned: SHA-256 of the bytes, rule pack hash, subject and run; a rerun skips these.'],
  ['item_subject', '', 'View: the subject(s) each item is filed under — its author is one of their accounts, or it is their own export’s activity.'],
  ['findings_overview', '', 'View: one row per finding and subject it is filed under (subject NULL when the author is no subject); actor_* = the item’s author, attribution = how it was tied (account / export-owner).'],
  ['subject_links', '', 'Captures (whole files) scanned as a subject’s export. A capture link alone files no item under the subject.'],
];

const DOCS_4: Array<[string, string, string]> = [
  ['findings_overview', 'item_time', 'When the activity happened (UTC): the item’s own time, else the start of the event it responds to.'],
  ['findings_overview', 'event_start', 'Start of the event the item responds to (UTC), when it is about an event.'],
  ['subject_activity', '', 'View: findings per subject × prohibition × ISO week (Monday start) of the local date in the subject’s zone (WIB/WITA/WIT).'],
];

const DOCS_5: Array<[string, string, string]> = [
  ['blobs', 'kept', 'whole: the bytes are kept; rows: only the flagged rows (capture_rows), the whole file by its sha256 and size; none: sha256 and size only (a zip whose members are kept).'],
  ['blobs', 'encoding', 'How content is stored: NULL as is, gzip compressed. sha256 and bytes describe the original bytes.'],
  ['findings', 'spans', 'The matched words as one JSON array of [ord, field, field_index, start, end, text, matcher] (findings before schema 5: rows of finding_spans). row_sha256 covers them either way.'],
  ['capture_rows', '', 'Flagged rows of a large row file (JSONL line, CSV record): their bytes (encoding: NULL or deflate-raw), sha256, and byte offset/length in the original file. netral verify --originals re-reads them there.'],
];

const DOCS_6: Array<[string, string, string]> = [
  ['finding_texts', '', 'Texts findings say (rule title and explanation in Indonesian and English, legal basis, candidates), stored once for every finding that says the same; sha256 = SHA-256 of their canonical JSON.'],
  ['findings', 'texts', 'The finding_texts row holding this finding’s texts (schema 6); its own text columns are then empty. NULL: the texts are in the row (findings written before schema 6).'],
  ['finding_rows', '', 'View: every finding with its texts in place, as findings rows were before schema 6 (row_sha256 covers these columns).'],
];

const DOCS_7: Array<[string, string, string]> = [
  ['items', 'item_extra', 'Schema 7: the item’s JSON fields no column holds (media, mentions, hashtags, target, event …); item_json is then empty and the item is these plus the columns. NULL: item_json holds the whole item.'],
  ['items', 'item_json', 'The whole item as canonical JSON (rows before schema 7, or when item_extra is NULL); empty when item_extra holds the rest.'],
  ['findings', 'spans', 'The matched words as one JSON array; since schema 7 a span is [start, end, text, matcher] in the item text, or [field, field_index, start, end, text, matcher] (its ord is its place in the array); rows before: [ord, field, field_index, start, end, text, matcher]. row_sha256 covers the seven values either way.'],
  ['items', 'raw_from_row', 'Schema 7: 1 when the raw JSON is the item’s flagged row (capture_rows, same capture and pointer) parsed: raw_json is then NULL, the row keeps the bytes.'],
  ['custody_log', 'payload', 'Canonical JSON. run.finish carries items_root, rows_root, attributions_root and (schema 7) findings_root: Merkle roots over the row hashes the run added.'],
];

const DOCS_8: Array<[string, string, string]> = [
  ['span_matchers', '', 'Schema 8: the names of the matchers behind matched words (lexicon or rule matcher), keyed for findings.spans. Append-only: a finding\'s row_sha256 covers the names.'],
  ['items', 'row_sha256', 'SHA-256 of the canonical row (without pk, row_sha256 and NULLs). Schema 8: its 32 bytes (BLOB; hex(row_sha256) shows it); rows before: 64 hex characters.'],
  ['findings', 'row_sha256', 'SHA-256 of the canonical finding (its texts and all seven values of every span in place). Schema 8: its 32 bytes (BLOB); rows before: 64 hex characters.'],
  ['capture_rows', 'row_sha256', 'SHA-256 of (capture, pointer, offset, length, sha256, run). Schema 8: its 32 bytes (BLOB); rows before: 64 hex characters.'],
  ['findings', 'spans', 'The matched words. Schema 8: one flat JSON array — start, end, span_matchers key for words of the item\'s own text (the words are items.text at those UTF-16 offsets), [field, field_index, start, end, text, span_matchers key] for any other; before: arrays of [start, end, text, matcher], [field, field_index, start, end, text, matcher] or [ord, field, field_index, start, end, text, matcher]. row_sha256 covers the seven values either way.'],
];

const DOCS_9: Array<[string, string, string]> = [
  ['finding_decision', '', 'Schema 9, derived: the review decision in force per reviewed finding (reviews.pk of its newest confirm/dismiss/reopen; no row = open). Kept by a trigger on reviews; verify recomputes it.'],
  ['item_filing', '', 'Schema 9, derived: the subjects each item is filed under (its author is one of their accounts by handle (rank 1) or name (rank 2), or it is their export (rank 3)). Kept by triggers on items, item_attributions and subject_accounts; verify recomputes it.'],
  ['findings_overview', '', 'View: one row per finding and subject it is filed under (subject NULL when the author is no subject), its status read from finding_decision and its subjects from item_filing.'],
];

const DOCS_10: Array<[string, string, string]> = [
  ['capture_rows', 'sha256', 'SHA-256 of the flagged row\'s bytes. Schema 10: its 32 bytes (BLOB; hex(sha256) shows it); rows before: 64 hex characters. row_sha256 covers the hex either way.'],
  ['items', 'raw_is_utc', 'Schema 10: 1 when the item\'s raw time is exactly its UTC time (created_at_utc); created_at_raw is then NULL. NULL: created_at_raw holds the raw time (or there is none).'],
];

const DOCS_11: Array<[string, string, string]> = [
  ['flagged_rows', '', 'Schema 11: flagged rows written since (capture_rows keeps the rows before): the same facts, the capture and run by their integer keys (captures.pk, runs.pk). row_sha256 covers the capture\'s id and the run\'s id as in capture_rows.'],
  ['flagged_rows', 'capture_pk', 'The capture (captures.pk) the row was read from.'],
  ['flagged_rows', 'run_pk', 'The run (runs.pk) that stored the row.'],
  ['findings', 'spans', 'The matched words. Schema 11: a schema-8 flat array of numbers only (every span in the item\'s own text: start, end, span_matchers key) is stored as their unsigned LEB128 varints, a BLOB; any other as schema-8 JSON. row_sha256 covers the seven values either way.'],
];

const DOCS_12: Array<[string, string, string]> = [
  ['items', 'id', 'SHA-256 of the item. Schema 12: its 32 bytes (BLOB; hex(id) shows it); rows before: 64 hex characters. row_sha256 covers the hex either way.'],
  ['findings', 'id', 'SHA-256 of the finding. Schema 12: its 32 bytes (BLOB); rows before: 64 hex characters. row_sha256 covers the hex either way.'],
  ['findings', 'item_id', 'The finding\'s item, as its items row stores the id (BLOB since schema 12, else hex).'],
  ['reviews', 'finding_id', 'The reviewed finding, as its findings row stores the id (BLOB since schema 12, else hex); row_sha256 covers the hex.'],
  ['item_attributions', 'item_id', 'The attributed item, as its items row stores the id (BLOB since schema 12, else hex); the run\'s attributions_root covers the hex.'],
  ['findings_overview', 'finding_id', 'The finding\'s id as stored: a BLOB since schema 12 (hex(finding_id) shows the 64 hex characters netral prints), else hex text. item_id likewise.'],
];

function writeDocs(db: Db, docs: Array<[string, string, string]>): void {
  const stmt = db.prepare('INSERT OR REPLACE INTO _docs (table_name, column_name, description) VALUES (?, ?, ?)');
  for (const d of docs) stmt.run(...d);
}

export interface MigrationContext {
  actor: string;
  toolVersion: string;
}

interface Migration {
  version: number;
  apply(db: Db, ctx: MigrationContext): void;
}

/**
 * A migration that only adds: its tables and columns, then its triggers, its table docs and the
 * custody entry that says the store moved from the version before (schemas 6 and later).
 */
function schemaStep(version: number, sql: string, docs: Parameters<typeof writeDocs>[1], triggers: Readonly<Record<string, string>> = {}): Migration {
  return {
    version,
    apply(db, ctx) {
      db.exec(sql);
      for (const t of Object.values(triggers)) db.exec(t);
      writeDocs(db, docs);
      appendCustody(db, { actor: ctx.actor, runId: null, action: 'schema.migrate', payload: { from: version - 1, to: version } });
    },
  };
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    apply(db, ctx) {
      db.exec(SCHEMA_1);
      const info = db.prepare('INSERT INTO store_info (key, value) VALUES (?, ?)');
      info.run('store_uuid', randomUUID());
      info.run('created_at', new Date().toISOString());
      info.run('hash_alg', 'sha256');
      info.run('canonicalization', 'json-sorted-keys');
      info.run('created_by', `netral ${ctx.toolVersion}`);
      writeDocs(db, DOCS_1);
    },
  },
  {
    version: 2,
    apply(db, ctx) {
      db.exec(SCHEMA_2);
      for (const sql of Object.values(TRIGGERS_2)) db.exec(sql);
      writeDocs(db, DOCS_2);
      const storeUuid = (db.prepare("SELECT value FROM store_info WHERE key = 'store_uuid'").get() as { value: string }).value;
      const base = { actor: ctx.actor, runId: null };
      appendCustody(db, { ...base, action: 'store.init', payload: { store_uuid: storeUuid } });
      appendCustody(db, { ...base, action: 'schema.migrate', payload: { from: 1, to: 2 } });
      backfillCustody(db, ctx.actor);
    },
  },
  {
    version: 3,
    apply(db, ctx) {
      db.exec(SCHEMA_3);
      for (const sql of Object.values(TRIGGERS_3)) db.exec(sql);
      writeDocs(db, DOCS_3);
      // the attributions carried over from schema 2 are covered by this entry's root
      appendCustody(db, { actor: ctx.actor, runId: null, action: 'schema.migrate', payload: { from: 2, to: 3, attributions_root: attributionsRoot(db, null) } });
    },
  },
  {
    version: 4,
    apply(db, ctx) {
      db.exec(SCHEMA_4);
      writeDocs(db, DOCS_4);
      appendCustody(db, { actor: ctx.actor, runId: null, action: 'schema.migrate', payload: { from: 3, to: 4 } });
    },
  },
  {
    version: 5,
    apply(db, ctx) {
      db.exec(SCHEMA_5);
      db.exec(SCHEMA_5_VIEWS);
      for (const sql of Object.values(TRIGGERS_5)) db.exec(sql);
      writeDocs(db, DOCS_5);
      appendCustody(db, { actor: ctx.actor, runId: null, action: 'schema.migrate', payload: { from: 4, to: 5 } });
    },
  },
  schemaStep(6, SCHEMA_6, DOCS_6, TRIGGERS_6),
  schemaStep(7, SCHEMA_7, DOCS_7),
  schemaStep(8, SCHEMA_8, DOCS_8, TRIGGERS_8),
  schemaStep(9, SCHEMA_9, DOCS_9, TRIGGERS_9),
  schemaStep(10, SCHEMA_10, DOCS_10),
  schemaStep(11, SCHEMA_11, DOCS_11, TRIGGERS_11),
  schemaStep(12, SCHEMA_12, DOCS_12),
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The triggers of the current schema. */
export const EXPECTED_TRIGGERS: Record<string, string> = expectedTriggers(SCHEMA_VERSION);

/**
 * Rows written by schema-1 code have no custody entries yet: give each capture and finding its
 * entry and each finished run its items root, so verify treats them like rows written today.
 */
function backfillCustody(db: Db, actor: string): void {
  const captures = db.prepare('SELECT id, row_sha256, blob_sha256, first_run_id FROM captures ORDER BY pk').all() as Array<{ id: string; row_sha256: string; blob_sha256: string; first_run_id: string }>;
  for (const c of captures) {
    appendCustody(db, { actor, action: 'capture.add', objectType: 'capture', objectId: c.id, objectSha256: c.row_sha256, runId: c.first_run_id, payload: { blob_sha256: c.blob_sha256, backfilled: true } });
  }
  const findings = db.prepare('SELECT id, row_sha256, first_run_id FROM findings ORDER BY pk').all() as Array<{ id: string; row_sha256: string; first_run_id: string }>;
  for (const f of findings) {
    appendCustody(db, { actor, action: 'finding.add', objectType: 'finding', objectId: f.id, objectSha256: f.row_sha256, runId: f.first_run_id, payload: { backfilled: true } });
  }
  const runs = db.prepare('SELECT DISTINCT first_run_id AS id FROM items ORDER BY first_run_id').all() as Array<{ id: string }>;
  for (const r of runs) {
    appendCustody(db, { actor, action: 'run.finish', objectType: 'run', objectId: r.id, runId: r.id, payload: { items_root: itemsRootOfRun(db, r.id), backfilled: true } });
  }
}

/** Bring the store up to `target` (default: latest), one transaction per migration. */
export function migrate(db: Db, ctx: MigrationContext, target: number = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new StoreTooNewError(current);
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      // another process may have applied it while this one waited for the write lock
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      m.apply(db, ctx);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

export class StoreTooNewError extends Error {
  constructor(readonly version: number) {
    super(`store schema ${version} is newer than this netral (${SCHEMA_VERSION})`);
  }
}
