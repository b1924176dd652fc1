/** Remote code: Python files, auto_map entries and chat templates, with their format scanners. */
export { checkChatTemplate } from './chat-template.js';
export type { TemplateIssue } from './chat-template.js';
export { jinjaSegments, tokenizeJinja, decodeEscapes } from './jinja-lexer.js';
export type { JinjaSegment, JinjaToken } from './jinja-lexer.js';
export { analyzePython, PYTHON_PATTERNS } from './python-patterns.js';
export type { PythonAnalysis, PythonHit, PythonPattern } from './python-patterns.js';
export { autoMapFindings, autoMapRefs, customPipelineFindings, parseClassReference } from './auto-map.js';
export type { AutoMapRef } from './auto-map.js';
export { templateFindings } from './template-findings.js';
export { pythonScanner } from './python-scanner.js';
export { jsonScanner, scanJson, MAX_JSON_BYTES } from './json-scanner.js';
export { textScanner, isTemplateName } from './text-scanner.js';
export {
  CHAT_TEMPLATE_ESCAPE,
  CHAT_TEMPLATE_EXTERNAL,
  CHAT_TEMPLATE_GADGET,
  CHAT_TEMPLATE_RULES,
  JSON_MALFORMED,
  JSON_TOO_LARGE,
  REMOTE_CODE_AUTO_MAP,
  REMOTE_CODE_CALL,
  REMOTE_CODE_PYTHON,
} from './rules.js';
