/**
 * Format scanner for safetensors files: header validation through the
 * reusable reader, then a nested scan of any bytes after the last tensor.
 */
import type { Finding } from '../../core/findings.js';
import { defineScanner } from '../scanner.js';
import { readSafetensorsHeader } from './read-header.js';
import { SAFETENSORS_RULES } from './rules.js';
import { scanTrailingBytes } from './trailing-bytes.js';
import type { SafetensorsProblem } from './types.js';

/** Format scanner for `.safetensors` files. */
export const safetensorsScanner = defineScanner({
  format: 'safetensors',
  title: 'safetensors',
  rules: Object.values(SAFETENSORS_RULES),
  async scan(src, ctx) {
    const h = await readSafetensorsHeader(src);
    const findings = h.problems.map((p) => toFinding(src.name, p));
    if (h.complete && h.dataEnd < src.size) findings.push(...(await scanTrailingBytes(src, h.dataEnd, ctx)));
    return findings;
  },
});

function toFinding(file: string, p: SafetensorsProblem): Finding {
  const location = { ...(p.offset !== undefined ? { offset: p.offset } : {}), ...(p.tensor !== undefined ? { tensor: p.tensor } : {}) };
  return {
    ruleId: SAFETENSORS_RULES[p.code].id,
    severity: p.severity,
    file,
    location,
    message: p.message,
    ...(p.evidence !== undefined ? { evidence: p.evidence } : {}),
  };
}
