/** Turning chat-template issues into findings, shared by the JSON and text scanners. */
import type { Finding, FindingLocation } from '../../core/findings.js';
import { checkChatTemplate } from './chat-template.js';

/**
 * Findings for one template. `where` locates the template itself (a JSON key);
 * the line and column within the template are added to it.
 */
export function templateFindings(file: string, template: string, where: FindingLocation = {}): Finding[] {
  return checkChatTemplate(template).map((i) => ({
    ruleId: i.ruleId,
    severity: i.severity,
    file,
    location: { ...where, line: i.line, column: i.column },
    message: where.key !== undefined ? `${where.key}: ${i.message}` : i.message,
    evidence: i.evidence,
  }));
}
