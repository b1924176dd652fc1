/** Plain-text rendering of a `modelgate license` report. */
import { sortFindings } from '../core/findings.js';
import { describeObligations, renderChain } from './chain/render-chain.js';
import type { LicenseReport } from './inspect-license.js';

const KIND = { model: 'manifest model', path: 'path', hub: 'hub model' } as const;

/** License, confidence, evidence, obligations, chain and findings, in that order. */
export function renderLicenseReport(r: LicenseReport): string {
  const lines = [`${r.target} (${KIND[r.kind]})`];
  const id = r.identification;
  if (!id) {
    lines.push('license: unavailable');
  } else {
    lines.push(`license: ${id.id ?? 'unidentified'}${id.id ? ` - ${id.name} (${id.kind})` : ''}, confidence ${id.confidence.toFixed(2)}`);
    if (id.closest) lines.push(`closest known license: ${id.closest.id} (similarity ${id.closest.similarity.toFixed(2)})`);
    lines.push('evidence:');
    if (id.evidence.length === 0) lines.push('  (none: no card license field, license file or GGUF license key)');
    for (const e of id.evidence) {
      const value = e.value.replace(/\s+/g, ' ').trim();
      lines.push(`  ${e.file}${e.field ? ` ${e.field}` : ''} (${e.source}): "${value.length > 70 ? `${value.slice(0, 67)}...` : value}" -> ${e.says ?? 'nothing known'} (${e.confidence.toFixed(2)})`);
    }
    if (id.obligations) lines.push(r.inherits ? 'own obligations:' : 'obligations:', ...describeObligations(id.obligations).map((l) => `  ${l}`));
  }
  if (r.chain && r.inherits) {
    lines.push('chain:', ...renderChain(r.chain).map((l) => `  ${l}`));
    if (r.effective) lines.push('effective obligations (own and inherited):', ...describeObligations(r.effective).map((l) => `  ${l}`));
  }
  const findings = sortFindings(r.findings);
  lines.push(findings.length === 0 ? 'no findings' : `findings (${findings.length}):`);
  for (const f of findings) lines.push(`  ${f.severity.toUpperCase()} ${f.ruleId} ${f.file}: ${f.message}`);
  return lines.join('\n');
}
