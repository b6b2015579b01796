// SARIF 2.1.0 (OASIS) for `scan` and `rules test`, so code-scanning UIs (GitHub, GitLab, VS Code's
// SARIF viewer) show netral's findings. Validated in tests against the official schema in
// schemas/vendor/. Results are streamed like every other output (begin → write… → end).
import type { RecordWriter, Sink } from './output.js';
import type { FindingRecord } from './finding-record.js';
import type { Severity } from '../model/index.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  defaultConfiguration?: { level: SarifLevel };
  properties?: Record<string, unknown>;
}

export interface SarifResult {
  ruleId: string;
  level: SarifLevel;
  message: { text: string };
  locations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }>;
  partialFingerprints?: Record<string, string>;
  baselineState?: 'new' | 'unchanged' | 'updated' | 'absent';
  suppressions?: Array<{ kind: 'external'; status: 'accepted'; justification?: string }>;
  properties?: Record<string, unknown>;
}

export interface SarifTool {
  name: string;
  version: string;
  informationUri?: string;
  rules: SarifRule[];
}

export function sarifWriter(sink: Sink, tool: SarifTool): RecordWriter<SarifResult> {
  let n = 0;
  const driver = { name: tool.name, version: tool.version, semanticVersion: tool.version, ...(tool.informationUri ? { informationUri: tool.informationUri } : {}), rules: tool.rules };
  return {
    begin: () => sink.write(`{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": { "driver": ${JSON.stringify(driver)} },\n      "results": [`),
    write: (result) => sink.write(`${n++ ? ',' : ''}\n        ${JSON.stringify(result)}`),
    end: (trailer = {}) => {
      const success = trailer.executionSuccessful !== false;
      sink.write(`${n ? '\n      ' : ''}],\n      "columnKind": "utf16CodeUnits",\n      "invocations": [{ "executionSuccessful": ${success} }]\n    }\n  ]\n}\n`);
    },
  };
}

export function severityLevel(severity: Severity): SarifLevel {
  return severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

/** "line:12" pointers become a region; JSON pointers stay in the properties. */
function region(pointer: string): { startLine: number } | undefined {
  const line = /^line:(\d+)$/.exec(pointer)?.[1];
  return line && Number(line) > 0 ? { startLine: Number(line) } : undefined;
}

/** A stored or scanned finding as a SARIF result; a dismissed finding is an accepted suppression. */
export function findingSarifResult(r: FindingRecord, baselineState?: SarifResult['baselineState']): SarifResult {
  const where = region(r.item.source.pointer);
  return {
    ruleId: r.rule.id,
    level: severityLevel(r.severity),
    message: { text: r.explanation },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(r.item.source.path) }, ...(where ? { region: where } : {}) } }],
    partialFingerprints: { 'netralFinding/v1': r.id },
    ...(baselineState ? { baselineState } : {}),
    ...(r.status === 'dismissed' ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, ...(r.review?.reason ? { justification: r.review.reason } : {}) }] } : {}),
    properties: {
      findingId: r.id,
      ruleVersion: r.rule.version,
      prohibition: r.prohibition,
      severity: r.severity,
      confidence: r.confidence,
      track: r.track,
      status: r.status,
      candidates: r.candidates.map((c) => c.name),
      matched: [...new Set(r.spans.map((s) => s.text))],
      itemId: r.item.id,
      itemUrl: r.item.url,
      itemTime: r.item.time,
      platform: r.item.platform,
      pointer: r.item.source.pointer,
      captureSha256: r.item.source.captureSha256,
      legalBasis: r.legalBasis,
    },
  };
}

/** A rule of the pack as a SARIF reportingDescriptor. */
export function ruleSarif(def: { id: string; version: number; title: Record<'id' | 'en', string>; description: Record<'id' | 'en', string>; prohibition: number | 'other'; severity: Severity; status: string }, lang: 'id' | 'en'): SarifRule {
  return {
    id: def.id,
    name: def.id,
    shortDescription: { text: def.title[lang] },
    fullDescription: { text: def.description[lang] },
    defaultConfiguration: { level: severityLevel(def.severity) },
    properties: { version: def.version, prohibition: def.prohibition, severity: def.severity, status: def.status, tags: [`prohibition-${def.prohibition}`] },
  };
}
