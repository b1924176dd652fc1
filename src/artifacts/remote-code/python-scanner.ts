/**
 * Scanner for `.py` files in a model folder. Any such file is a finding:
 * `trust_remote_code=True` imports repository modules, so their code runs
 * with the user's privileges. Notable calls become evidence and raise the
 * severity; their absence proves nothing, so the file finding always stays.
 */
import type { Finding } from '../../core/findings.js';
import { defineScanner } from '../scanner.js';
import { analyzePython, type PythonAnalysis } from './python-patterns.js';
import { readText } from './read-text.js';
import { REMOTE_CODE_CALL, REMOTE_CODE_PYTHON } from './rules.js';

const MAX_SOURCE_BYTES = 8 << 20;

/** Format scanner for Python source files. */
export const pythonScanner = defineScanner({
  format: 'python',
  title: 'Python source (remote code)',
  rules: [REMOTE_CODE_PYTHON, REMOTE_CODE_CALL],
  async scan(src) {
    const { text, truncated } = await readText(src, MAX_SOURCE_BYTES);
    const analysis = analyzePython(text);
    return [fileFinding(src.name, analysis, truncated), ...callFindings(src.name, analysis)];
  },
});

function fileFinding(file: string, a: PythonAnalysis, truncated: boolean): Finding {
  const labels = [...new Map(a.hits.map((h) => [h.pattern.id, `${h.pattern.label} (line ${h.line})`])).values()];
  if (a.decodeThenExec) labels.unshift('decodes data and executes code');
  const what = labels.length > 0 ? `; it ${labels.join(', ')}` : '';
  const cut = truncated ? ` (only the first ${MAX_SOURCE_BYTES >> 20} MiB were inspected)` : '';
  return {
    ruleId: REMOTE_CODE_PYTHON.id,
    severity: a.escalated ? 'critical' : 'high',
    file,
    message: `Python file in the model folder: trust_remote_code=True would run repository code${what}${cut}`,
    ...(labels.length > 0 ? { evidence: labels.slice(0, 6).join('; ') } : {}),
  };
}

function callFindings(file: string, a: PythonAnalysis): Finding[] {
  return a.hits.map((h) => ({
    ruleId: REMOTE_CODE_CALL.id,
    severity: a.decodeThenExec && (h.pattern.id === 'decode' || h.pattern.id === 'exec') ? 'critical' : h.pattern.severity,
    file,
    location: { line: h.line, column: h.column },
    message: `code ${h.pattern.label}`,
    evidence: h.text,
  }));
}
