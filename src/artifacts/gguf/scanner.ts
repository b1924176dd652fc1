/**
 * Format scanner for GGUF files: header and layout checks through the
 * reusable reader, the chat-template check on `tokenizer.chat_template*`
 * keys, and a nested scan of bytes after the last tensor.
 */
import type { Finding } from '../../core/findings.js';
import { CHAT_TEMPLATE_RULES } from '../remote-code/rules.js';
import { templateFindings } from '../remote-code/template-findings.js';
import { scanTrailingBytes } from '../safetensors/trailing-bytes.js';
import { SCAN_TIMEOUT } from '../scan-rules.js';
import { defineScanner } from '../scanner.js';
import type { GgufProblem } from './problems.js';
import { readGgufHeader } from './read-header.js';
import { GGUF_RULES } from './rules.js';
import type { GgufKv } from './value-types.js';

/** Format scanner for `.gguf` files. */
export const ggufScanner = defineScanner({
  format: 'gguf',
  title: 'GGUF',
  // The deadline rule belongs to the dispatcher's list; it is not repeated here.
  rules: [...Object.values(GGUF_RULES).filter((r) => r !== SCAN_TIMEOUT), ...CHAT_TEMPLATE_RULES],
  async scan(src, ctx) {
    const h = await readGgufHeader(src, { deadline: ctx.budget.deadline });
    const findings = h.problems.map((p) => toFinding(src.name, p));
    // Every copy of a duplicated key is checked: loaders differ on which one they use.
    for (const e of h.entries) if (e.key.startsWith('tokenizer.chat_template')) findings.push(...kvTemplateFindings(src.name, e));
    if (h.complete && h.tensors.length > 0 && h.dataEnd < src.size) findings.push(...(await scanTrailingBytes(src, h.dataEnd, ctx)));
    return findings;
  },
});

function kvTemplateFindings(file: string, e: GgufKv): Finding[] {
  const values = typeof e.value === 'string' ? [e.value] : typeof e.value === 'object' ? e.value.items.filter((v) => typeof v === 'string') : [];
  return values.flatMap((template) => templateFindings(file, template, { key: e.key, offset: e.offset }));
}

function toFinding(file: string, p: GgufProblem): Finding {
  return {
    ruleId: GGUF_RULES[p.code].id,
    severity: p.severity,
    file,
    location: {
      ...(p.offset !== undefined ? { offset: p.offset } : {}),
      ...(p.tensor !== undefined ? { tensor: p.tensor } : {}),
      ...(p.key !== undefined ? { key: p.key } : {}),
    },
    message: p.message,
    ...(p.evidence !== undefined ? { evidence: p.evidence } : {}),
  };
}
