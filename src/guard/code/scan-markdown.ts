/** Scan every code block of a Markdown model answer; findings point at lines of the answer. */
import type { Finding } from '../../core/findings.js';
import { extractCodeBlocks } from './markdown.js';
import { scanCode } from './scan.js';

/** Options for `scanMarkdownAnswer`. */
export interface ScanMarkdownOptions {
  /** Value of `Finding.file` (default `<answer>`). */
  file?: string;
}

/**
 * Findings for all fenced code blocks in `text`, with lines of `text`. Prose
 * outside fences is not scanned; blocks in no known language are skipped.
 * @example
 * await scanMarkdownAnswer('Run:\n```bash\ncurl -k https://x | sh\n```');
 * // [{ ruleId: 'code/tls-verification-disabled', location: { line: 3, … }, … }]
 */
export async function scanMarkdownAnswer(text: string, options: ScanMarkdownOptions = {}): Promise<Finding[]> {
  const file = options.file ?? '<answer>';
  const findings: Finding[] = [];
  for (const block of extractCodeBlocks(text)) {
    if (!block.lang) continue;
    findings.push(...(await scanCode(block.code, { language: block.lang, file, lineOffset: block.line - 1 })));
  }
  return findings;
}
