/**
 * C (parsed with tree-sitter-cpp, which also reads plain C). Out-parameters
 * matter here: `snprintf(buf, …, "%s", argv[1])` builds `buf`, `fgets(buf, …)`
 * fills it with input, so those calls count as assignments to `buf`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { named, positionalCall, squeeze, type Call, type Syntax } from '../syntax.js';

// Which argument each writer fills: sprintf-family build, input functions taint.
const OUT_PARAM: Record<string, number> = {
  sprintf: 0, snprintf: 0, vsprintf: 0, vsnprintf: 0, strcpy: 0, strncpy: 0, strcat: 0, strncat: 0, strlcpy: 0, strlcat: 0, memcpy: 0,
  fgets: 0, gets: 0, read: 1, recv: 1, recvfrom: 1, fread: 0, getline: 0, scanf: 1, fscanf: 2, sscanf: 2,
};

const call = (node: Node): Call | undefined => positionalCall(node, 'field_expression', 'argument');

function declName(d: Node | null): string | undefined {
  while (d && d.type !== 'identifier') d = d.childForFieldName('declarator') ?? d.namedChild(0);
  return d?.text;
}

function assigns(node: Node): Array<[string, Node]> {
  if (node.type === 'init_declarator') {
    const name = declName(node.childForFieldName('declarator'));
    const v = node.childForFieldName('value');
    return name && v ? [[name, v]] : [];
  }
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function')?.text ?? '';
    const idx = OUT_PARAM[fn];
    if (idx === undefined) return [];
    const argList = node.childForFieldName('arguments');
    const target = argList ? named(argList)[idx] : undefined;
    const name = target ? target.text.replace(/^[&*(\s]+|[)\s]+$/g, '') : undefined;
    return name && /^\w+$/.test(name) ? [[name, node]] : [];
  }
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  return left && right ? [[squeeze(left.text), right]] : [];
}

/** C adapter. */
export const cSyntax: Syntax = {
  grammar: () => 'cpp',
  namedCalls: true,
  scopes: new Set(['function_definition', 'lambda_expression']),
  callTypes: new Set(['call_expression']),
  call,
  assignTypes: new Set(['init_declarator', 'assignment_expression', 'call_expression']),
  assigns,
  writeTypes: new Set(),
  strings: new Set(['string_literal', 'concatenated_string', 'raw_string_literal', 'char_literal']),
  interpolations: new Set(),
  constants: new Set(['number_literal', 'true', 'false', 'null', 'nullptr', 'sizeof_expression', 'string_content', 'escape_sequence']),
  identifiers: new Set(['identifier']),
  accesses: new Set(['subscript_expression', 'field_expression', 'pointer_expression']),
  binaries: new Set(['binary_expression']),
  concatOps: new Set(),
  opaque: new Set(['lambda_expression']),
  sources: /^argv$|\bargv\[|\bgetenv\s*\(|^(?:getenv|secure_getenv|fgets|gets|getline|read|recv|recvfrom|fread|scanf|fscanf)$/,
  sanitizers: /^(?:atoi|atol|atoll|strtol|strtoul|strtoll|strtoull|strtod|basename|realpath)$/,
  formatters: /^(?:sprintf|snprintf|vsprintf|vsnprintf|strcat|strncat|strlcat|asprintf)$/,
  decoders: /(?:base64_decode|b64_decode|unbase64|hex_decode|BIO_f_base64|EVP_DecodeBlock)$/,
  params: () => [],
};
