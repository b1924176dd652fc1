import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import type { Finding, RuleDescriptor } from '../core/findings.js';
import { renderFindingsJson } from './findings-json.js';
import { renderFindingsSarif } from './findings-sarif.js';
import { renderFindingsText, summaryLine } from './findings-text.js';

const require = createRequire(import.meta.url);
// The SARIF schema is draft-04; ajv-draft-04 is CommonJS, so load it through require.
const Ajv = require('ajv-draft-04') as typeof AjvDraft04.default;

const findings: Finding[] = [
  { ruleId: 'pickle/dangerous-import', severity: 'critical', file: 'ckpt.pt!archive/data.pkl', location: { opcode: 7, offset: 42 }, message: 'imports os.system', evidence: 'os.system' },
  { ruleId: 'safetensors/overlap', severity: 'high', file: 'model.safetensors', location: { tensor: 'a', offset: 8 }, message: 'tensors overlap' },
  { ruleId: 'remote-code/python-file', severity: 'medium', file: 'repo/modeling x.py', location: { line: 3, column: 1 }, message: 'python file' },
];
const rules: RuleDescriptor[] = [
  { id: 'pickle/dangerous-import', title: 'Dangerous import', severity: 'critical', description: 'd', cwe: [502] },
];

describe('text renderer', () => {
  it('groups by file and counts severities', () => {
    const out = renderFindingsText(findings, 3);
    expect(out).toContain('ckpt.pt!archive/data.pkl\n  CRITICAL pickle/dangerous-import  imports os.system (opcode #7, offset 42)');
    expect(out.split('\n').at(-1)).toBe('3 findings (1 critical, 1 high, 1 medium) in 3 files');
  });
  it('says when there is nothing', () => {
    expect(summaryLine([], 1)).toBe('no findings in 1 file');
  });
});

describe('json renderer', () => {
  it('round-trips findings in a versioned envelope', () => {
    const doc = JSON.parse(renderFindingsJson(findings, 3, '0.1.0'));
    expect(doc.schema).toBe('modelgate.findings/v1');
    expect(doc.findings).toHaveLength(3);
    expect(doc.findings[0].file).toBe('ckpt.pt!archive/data.pkl');
  });
});

describe('sarif renderer', () => {
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(renderFindingsSarif(findings, rules, '0.1.0'));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('maps archive members to the outer file and keeps the member in the message', () => {
    const log = JSON.parse(renderFindingsSarif(findings, rules, '0.1.0'));
    const res = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'pickle/dangerous-import');
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('ckpt.pt');
    expect(res.message.text).toContain('[in archive/data.pkl]');
    expect(res.level).toBe('error');
    expect(log.runs[0].tool.driver.rules[res.ruleIndex].id).toBe('pickle/dangerous-import');
    expect(log.runs[0].tool.driver.rules[res.ruleIndex].properties.tags).toContain('external/cwe/cwe-502');
  });
  it('encodes spaces in URIs and keeps line regions for text files', () => {
    const log = JSON.parse(renderFindingsSarif(findings, rules, '0.1.0'));
    const res = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'remote-code/python-file');
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('repo/modeling%20x.py');
    expect(res.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 1 });
  });
});
