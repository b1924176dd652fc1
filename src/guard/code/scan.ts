/**
 * `scanCode`: run the code rules over one piece of code. Pattern rules read
 * the text views; parse-based rules read a tree-sitter program that is built
 * only when a sink name occurs, and only for the functions around it.
 */
import type { Finding } from '../../core/findings.js';
import { SYNTAX } from './analysis/syntax/index.js';
import { buildProgram, type Program } from './analysis/program.js';
import { detectLanguage } from './detect-language.js';
import { languageFromPath, normalizeLanguage } from './languages.js';
import { gateFor } from './parser/gate.js';
import { planParse } from './parser/regions.js';
import { codeRules } from './rules/index.js';
import { lineCol, lineText, makeSource } from './source/source.js';
import type { CodeRule, RuleContext } from './types.js';

/** Options for `scanCode`. */
export interface ScanCodeOptions {
  /** Language name or alias (`py`, `ts`, `bash`); otherwise taken from `file`'s extension, then guessed. */
  language?: string;
  /** Value of `Finding.file` (default `<code>`). */
  file?: string;
  /** Added to every reported line, for code embedded in a larger document. */
  lineOffset?: number;
  /** Rules to run (default: all). */
  rules?: readonly CodeRule[];
}

/**
 * Findings for `code`. Resolves to `[]` when the language is unknown.
 * @example
 * await scanCode('os.system("ping " + host)', { language: 'python' });
 * // [{ ruleId: 'code/command-injection', severity: 'high', location: { line: 1, column: 1, offset: 0 }, … }]
 */
export async function scanCode(code: string, options: ScanCodeOptions = {}): Promise<Finding[]> {
  const language = normalizeLanguage(options.language) ?? (options.file ? languageFromPath(options.file) : undefined) ?? detectLanguage(code);
  if (!language) return [];
  const rules = (options.rules ?? codeRules).filter((r) => r.languages.includes(language));
  const source = makeSource(code, language);
  const syntax = SYNTAX[language];
  const gate = syntax ? gateFor(options.rules ?? codeRules, language) : undefined;
  let program: Program | undefined;
  if (syntax && gate) program = await buildProgram(source, syntax, planParse(source, language, gate.hits(source)));
  try {
    const ctx: RuleContext = { language, source, program };
    return toFindings(ctx, rules, options);
  } finally {
    program?.dispose();
  }
}

function toFindings(ctx: RuleContext, rules: readonly CodeRule[], options: ScanCodeOptions): Finding[] {
  const file = options.file ?? '<code>';
  const shift = options.lineOffset ?? 0;
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const hit of rule.check(ctx)) {
      const { line, column } = lineCol(ctx.source, hit.offset);
      // One finding per rule and line: several patterns often describe the same statement.
      const key = `${rule.id}:${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        ruleId: rule.id,
        severity: hit.severity ?? rule.severity,
        file,
        location: { line: line + shift, column, offset: hit.offset },
        message: hit.message,
        evidence: hit.evidence ?? lineText(ctx.source, hit.offset),
      });
    }
  }
  return findings.sort((a, b) => (a.location?.offset ?? 0) - (b.location?.offset ?? 0) || a.ruleId.localeCompare(b.ruleId));
}
