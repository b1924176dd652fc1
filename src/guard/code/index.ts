/**
 * The code scanner: security rules with CWE ids over Python, JavaScript /
 * TypeScript, Java, C, Go, PHP, SQL and shell, for files and for the code
 * blocks of model answers.
 */
export { scanCode } from './scan.js';
export type { ScanCodeOptions } from './scan.js';
export { scanMarkdownAnswer } from './scan-markdown.js';
export type { ScanMarkdownOptions } from './scan-markdown.js';
export { extractCodeBlocks } from './markdown.js';
export type { CodeBlock } from './markdown.js';
export { detectLanguage } from './detect-language.js';
export { LANGUAGES, normalizeLanguage, languageFromPath } from './languages.js';
export type { Language } from './languages.js';
export { codeRules } from './rules/index.js';
export type { CodeRuleId } from './rules/index.js';
export { defineCodeRule } from './types.js';
export type { CodeRule, CodeHit, RuleContext, SinkShape } from './types.js';
