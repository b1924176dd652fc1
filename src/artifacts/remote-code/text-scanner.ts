/**
 * Format scanner for text files. Jinja templates (`chat_template.jinja`,
 * `*.j2`) get the chat-template check; `.json` names whose content did not
 * sniff as JSON (a byte-order mark, say) go to the JSON scanner; other text
 * (README, LICENSE, vocab lists) produces no findings.
 */
import { defineScanner } from '../scanner.js';
import { jsonScanner, scanJson } from './json-scanner.js';
import { baseName, readText } from './read-text.js';
import { CHAT_TEMPLATE_RULES } from './rules.js';
import { templateFindings } from './template-findings.js';

const MAX_TEMPLATE_BYTES = 4 << 20;

/** True for names that hold a Jinja chat template. */
export function isTemplateName(name: string): boolean {
  const base = baseName(name).toLowerCase();
  return base.endsWith('.jinja') || base.endsWith('.jinja2') || base.endsWith('.j2') || base.startsWith('chat_template');
}

/** Format scanner for text files. */
export const textScanner = defineScanner({
  format: 'text',
  title: 'Text (chat templates)',
  rules: [...new Set([...CHAT_TEMPLATE_RULES, ...jsonScanner.rules])],
  async scan(src, ctx) {
    const base = baseName(src.name).toLowerCase();
    if (base.endsWith('.json')) return scanJson(src, ctx);
    if (!isTemplateName(src.name)) return [];
    const { text } = await readText(src, MAX_TEMPLATE_BYTES);
    return templateFindings(src.name, text);
  },
});
