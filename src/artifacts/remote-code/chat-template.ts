/**
 * Chat-template check. Templates run in a Jinja sandbox at load or inference
 * time (transformers, llama-cpp-python, vLLM); known escapes climb from any
 * object to Python internals through dunder attributes, usually via gadget
 * globals (`cycler`, `lipsum`, `self`) and with names assembled from pieces
 * to slip past filters. Ordinary templates never need any of that.
 */
import type { Severity } from '../../core/findings.js';
import { jinjaSegments, lineColumn, tokenizeJinja, type JinjaToken } from './jinja-lexer.js';
import { CHAT_TEMPLATE_EXTERNAL, CHAT_TEMPLATE_GADGET, CHAT_TEMPLATE_ESCAPE } from './rules.js';

/** One suspicious construct in a template. */
export interface TemplateIssue {
  ruleId: string;
  severity: Severity;
  message: string;
  evidence: string;
  /** Index in the template and its 1-based line/column. */
  index: number;
  line: number;
  column: number;
}

// Attribute names that lead from an object to classes, functions and modules.
const DUNDER = /__[A-Za-z][A-Za-z0-9_]*?__/;
const INTERNAL_NAMES =
  /__(class|mro|base|bases|subclasses|globals|builtins|init|import|getattribute|getattr|dict|code|func|self|module|reduce|reduce_ex|loader|spec|closure|call|getitem|enter|exit|new|name|qualname|wrapped)__|_TemplateReference__context/;
// Globals Jinja (and Flask) expose that are the usual first step of an escape.
const GADGETS = new Set(['cycler', 'joiner', 'lipsum', 'self', 'request', 'config', 'url_for', 'get_flashed_messages', 'session', 'environment']);
const LOADING = new Set(['include', 'import', 'extends', 'from']);
const MAX_ISSUES = 25;

type Emit = (rule: { id: string }, severity: Severity, index: number, message: string) => void;

/**
 * Check a chat template for sandbox-escape constructs. Returns no issues for
 * ordinary templates (ChatML, Llama 3, Mistral, Qwen2, DeepSeek).
 * @example checkChatTemplate("{{ cycler.__init__.__globals__.os.popen('id').read() }}")[0]?.severity // 'critical'
 */
export function checkChatTemplate(template: string): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const seen = new Set<string>();
  const emit: Emit = (rule, severity, index, message) => {
    const evidence = excerpt(template, index);
    const k = `${rule.id}|${message}|${evidence}`;
    if (seen.has(k) || issues.length >= MAX_ISSUES) return;
    seen.add(k);
    issues.push({ ruleId: rule.id, severity, message, evidence, index, ...lineColumn(template, index) });
  };
  const literals: JinjaToken[] = [];
  for (const seg of jinjaSegments(template)) {
    if (seg.kind === 'text') {
      const m = DUNDER.exec(template.slice(seg.start, seg.end));
      if (m) emit(CHAT_TEMPLATE_ESCAPE, 'high', seg.start + m.index, `Python internal name ${m[0]} in template text`);
      continue;
    }
    const tokens = tokenizeJinja(template, seg.start, seg.end);
    checkTokens(tokens, emit);
    literals.push(...tokens.filter((t) => t.kind === 'string'));
  }
  checkAssembled(literals, emit);
  return issues.sort((a, b) => a.index - b.index);
}

function checkTokens(tokens: JinjaToken[], emit: Emit): void {
  const isStatement = tokens[0]?.value === '{' && tokens[1]?.value === '%';
  const statement = isStatement ? tokens.slice(2, 4).find((t) => t.kind === 'name') : undefined;
  if (statement && LOADING.has(statement.value)) {
    emit(CHAT_TEMPLATE_EXTERNAL, 'medium', statement.index, `'${statement.value}' pulls in another template`);
  }
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const afterDot = prev?.kind === 'op' && prev.value === '.';
    if (t.kind === 'name') checkName(t, tokens, i, afterDot, emit);
    else if (t.kind === 'string') checkString(t, enclosingCall(tokens, i), emit);
  });
}

function checkName(t: JinjaToken, tokens: JinjaToken[], i: number, afterDot: boolean, emit: Emit): void {
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (t.value.includes('__')) {
    emit(CHAT_TEMPLATE_ESCAPE, 'critical', t.index, `reaches Python internals through ${t.raw}`);
  } else if (afterDot && t.value.startsWith('_')) {
    emit(CHAT_TEMPLATE_ESCAPE, 'critical', t.index, `reads private attribute ${t.raw}`);
  } else if (!afterDot && GADGETS.has(t.value) && !(next?.value === '=' && tokens[i + 2]?.value !== '=')) {
    emit(CHAT_TEMPLATE_GADGET, 'high', t.index, `uses the '${t.value}' global, a common first step of sandbox escapes`);
  } else if (!afterDot && t.value === 'namespace' && next?.value === '.') {
    emit(CHAT_TEMPLATE_GADGET, 'high', t.index, 'reads an attribute of the namespace class itself');
  }
  const isFilter = prev?.kind === 'op' && prev.value === '|';
  if (isFilter && t.value === 'attr' && next?.value === '(') {
    const arg = tokens[i + 2];
    if (arg?.kind === 'string' && arg.value.startsWith('_')) {
      emit(CHAT_TEMPLATE_ESCAPE, 'critical', t.index, `attr filter reads private attribute '${arg.value}'`);
    } else if (arg?.kind !== 'string' || tokens[i + 3]?.value !== ')') {
      emit(CHAT_TEMPLATE_GADGET, 'high', t.index, 'attr filter with a computed attribute name');
    }
  }
  if (isFilter && t.value === 'string') {
    let j = i + 1;
    while (tokens[j]?.value === ')') j++;
    const after = tokens.slice(j, j + 2).map((x) => x.value).join('');
    if (after === '|list' || after.startsWith('[')) {
      emit(CHAT_TEMPLATE_GADGET, 'high', t.index, 'picks characters out of an object\'s string form');
    }
  }
}

// String methods and filters whose arguments are text, not attribute names (`name|replace('-', '_')`).
const TEXT_CALLS = new Set(['replace', 'split', 'rsplit', 'strip', 'lstrip', 'rstrip', 'startswith', 'endswith', 'join', 'count', 'find', 'rfind', 'partition', 'rpartition', 'trim', 'center']);

/** Name of the call whose argument list holds token `i`, if any. */
function enclosingCall(tokens: JinjaToken[], i: number): string | undefined {
  let depth = 0;
  for (let j = i - 1; j >= 0; j--) {
    const v = tokens[j]?.value;
    if (v === ')' || v === ']') depth++;
    else if (v === '(' || v === '[') {
      if (depth === 0) return v === '(' && tokens[j - 1]?.kind === 'name' ? tokens[j - 1]?.value : undefined;
      depth--;
    }
  }
  return undefined;
}

function checkString(t: JinjaToken, call: string | undefined, emit: Emit): void {
  const v = t.value;
  const m = DUNDER.exec(v);
  if (m) {
    const encoded = !t.raw.includes(m[0]);
    emit(CHAT_TEMPLATE_ESCAPE, 'critical', t.index, `${encoded ? 'escape-encoded ' : ''}string names Python internal ${m[0]}`);
  } else if (v.startsWith('_') && !(call !== undefined && TEXT_CALLS.has(call))) {
    emit(CHAT_TEMPLATE_ESCAPE, 'high', t.index, `string starting with an underscore ('${v.slice(0, 20)}'), as used to build private names`);
  }
  if (/%c|\{[^{}]*:c\}/.test(v)) {
    emit(CHAT_TEMPLATE_GADGET, 'high', t.index, 'character-code formatting, as used to build names without writing them');
  }
}

/** Names split across literals (`'__cla' ~ 'ss__'`, `['__glo','bals__']|join`). */
function checkAssembled(literals: JinjaToken[], emit: Emit): void {
  if (literals.length < 2) return;
  let joined = '';
  const starts: number[] = [];
  for (const t of literals) {
    starts.push(joined.length);
    joined += t.value;
  }
  const m = INTERNAL_NAMES.exec(joined);
  if (!m) return;
  const first = starts.findLastIndex((s) => s <= m.index);
  const last = starts.findLastIndex((s) => s < m.index + m[0].length);
  if (first === last) return; // a single literal: already reported by checkString
  const at = literals[Math.max(0, first)];
  if (at) emit(CHAT_TEMPLATE_ESCAPE, 'critical', at.index, `builds the internal name ${m[0]} from separate strings`);
}

function excerpt(src: string, index: number): string {
  const from = Math.max(0, index - 20);
  const text = src.slice(from, index + 50).replace(/\s+/g, ' ').trim();
  return (from > 0 ? '…' : '') + text + (index + 50 < src.length ? '…' : '');
}
