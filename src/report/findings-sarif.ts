/**
 * SARIF 2.1.0 rendering so findings show up in code-scanning UIs. Archive
 * members (`outer.zip!inner`) map to the outer file's URI with the member in
 * the message, since SARIF artifact locations are files on disk.
 */
import { sortFindings, type Finding, type RuleDescriptor, type Severity } from '../core/findings.js';
import type { Log, Result, ReportingDescriptor } from 'sarif';
import { describeLocation } from './findings-text.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'note' | 'warning' | 'error'> = {
  info: 'note',
  low: 'note',
  medium: 'warning',
  high: 'error',
  critical: 'error',
};

// GitHub code scanning ranks by this numeric property (0.0-10.0).
const SECURITY_SEVERITY: Record<Severity, string> = { info: '0.0', low: '2.0', medium: '5.0', high: '8.0', critical: '9.5' };

/** Render findings as a SARIF 2.1.0 log with one run. */
export function renderFindingsSarif(findings: readonly Finding[], rules: readonly RuleDescriptor[], version: string): string {
  const sorted = sortFindings(findings);
  const known = new Map(rules.map((r) => [r.id, r]));
  const used = [...new Set(sorted.map((f) => f.ruleId))].sort();
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'modelgate',
            version,
            informationUri: 'https://github.com/modelgate/modelgate',
            rules: used.map((id) => sarifRule(id, known.get(id))),
          },
        },
        results: sorted.map((f) => sarifResult(f, ruleIndex.get(f.ruleId) ?? 0)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(id: string, rule: RuleDescriptor | undefined): ReportingDescriptor {
  return {
    id,
    name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: rule?.title ?? id },
    fullDescription: { text: rule?.description ?? id },
    defaultConfiguration: { level: LEVEL[rule?.severity ?? 'medium'] },
    properties: {
      'security-severity': SECURITY_SEVERITY[rule?.severity ?? 'medium'],
      tags: ['security', ...(rule?.cwe ?? []).map((c) => `external/cwe/cwe-${c}`)],
    },
  };
}

function sarifResult(f: Finding, ruleIndex: number): Result {
  const bang = f.file.indexOf('!');
  const outer = bang === -1 ? f.file : f.file.slice(0, bang);
  const member = bang === -1 ? '' : ` [in ${f.file.slice(bang + 1)}]`;
  const where = describeLocation(f);
  const region: Record<string, number> = {};
  if (bang === -1 && f.location?.line !== undefined) {
    region.startLine = f.location.line;
    if (f.location.column !== undefined) region.startColumn = f.location.column;
  } else if (bang === -1 && f.location?.offset !== undefined) {
    region.byteOffset = f.location.offset;
  }
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message}${member}${where ? ` (${where})` : ''}${f.evidence ? `: ${f.evidence}` : ''}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(outer) },
          ...(Object.keys(region).length > 0 ? { region } : {}),
        },
      },
    ],
    properties: { severity: f.severity },
  };
}

// SARIF wants URI references: forward slashes, percent-encoded, relative where possible.
function toUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}
