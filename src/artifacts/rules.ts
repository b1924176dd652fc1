/** Every rule the artifact scanners can report, for SARIF and `modelgate rules`. */
import type { RuleDescriptor } from '../core/findings.js';
import { formatScanners } from './formats/index.js';
import { DISPATCH_RULES } from './scan-rules.js';

/** All artifact rules, deduplicated by id and sorted. */
export function scanRules(): RuleDescriptor[] {
  const byId = new Map<string, RuleDescriptor>();
  for (const r of DISPATCH_RULES) byId.set(r.id, r);
  for (const s of Object.values(formatScanners)) for (const r of s?.rules ?? []) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
