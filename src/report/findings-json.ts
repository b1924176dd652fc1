/** JSON rendering of findings: a stable, versioned envelope for tools. */
import { sortFindings, type Finding } from '../core/findings.js';

/** Shape written by `--format json`. */
export interface FindingsJson {
  schema: 'modelgate.findings/v1';
  tool: { name: 'modelgate'; version: string };
  files: number;
  findings: Finding[];
}

/** Render findings as pretty JSON text. */
export function renderFindingsJson(findings: readonly Finding[], files: number, version: string): string {
  const doc: FindingsJson = {
    schema: 'modelgate.findings/v1',
    tool: { name: 'modelgate', version },
    files,
    findings: sortFindings(findings),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
