/** Java (tree-sitter-java): method invocations, `new`, string concatenation and `StringBuilder.append`. */
import type { Node } from '@vscode/tree-sitter-wasm';
import { lastName, named, squeeze, type Call, type Syntax } from '../syntax.js';

function call(node: Node): Call | undefined {
  const argList = node.childForFieldName('arguments');
  const args = argList ? named(argList).filter((a) => !a.type.endsWith('comment')) : [];
  if (node.type === 'object_creation_expression') {
    const type = node.childForFieldName('type');
    if (!type) return undefined;
    const callee = `new ${squeeze(type.text)}`;
    return { callee, name: lastName(type.text), args, kwargs: new Map(), receiver: undefined, node };
  }
  const name = node.childForFieldName('name');
  if (!name) return undefined;
  const object = node.childForFieldName('object');
  const callee = object ? `${squeeze(object.text)}.${name.text}` : name.text;
  return { callee, name: name.text, args, kwargs: new Map(), receiver: object ?? undefined, node };
}

function assigns(node: Node): Array<[string, Node]> {
  if (node.type === 'variable_declarator') {
    const n = node.childForFieldName('name');
    const v = node.childForFieldName('value');
    return n && v ? [[n.text, v]] : [];
  }
  if (node.type === 'method_invocation') {
    // sb.append(x) mutates sb: record the call as another value of sb.
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('name')?.text;
    return object?.type === 'identifier' && (name === 'append' || name === 'insert') ? [[object.text, node]] : [];
  }
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return [];
  const op = node.childForFieldName('operator')?.text;
  return [[squeeze(left.text), op === '+=' ? node : right]];
}

function params(scope: Node): Array<[string, string]> {
  const ps = scope.childForFieldName('parameters');
  return (ps ? named(ps) : []).map((p) => [(p.childForFieldName('name') ?? p).text, p.text]);
}

/** Java adapter. */
export const javaSyntax: Syntax = {
  grammar: () => 'java',
  namedCalls: true,
  scopes: new Set(['method_declaration', 'constructor_declaration', 'lambda_expression']),
  callTypes: new Set(['method_invocation', 'object_creation_expression']),
  call,
  assignTypes: new Set(['variable_declarator', 'assignment_expression', 'method_invocation']),
  assigns,
  writeTypes: new Set(),
  strings: new Set(['string_literal', 'text_block']),
  interpolations: new Set(),
  constants: new Set(['decimal_integer_literal', 'hex_integer_literal', 'decimal_floating_point_literal', 'true', 'false', 'null_literal', 'character_literal', 'string_fragment', 'class_literal']),
  identifiers: new Set(['identifier']),
  accesses: new Set(['field_access', 'array_access']),
  binaries: new Set(['binary_expression', 'assignment_expression']),
  concatOps: new Set(['+', '+=']),
  opaque: new Set(['lambda_expression', 'class_body']),
  sources: /\b(?:request|req|httpRequest|servletRequest)\.get(?:Parameter|ParameterValues|ParameterMap|Header|Headers|QueryString|Cookies|InputStream|Reader|PathInfo|RequestURI|RequestURL)\b|^args$|\bargs\[|\bSystem\.getenv\b|\bSystem\.console\(\)|\b(?:scanner|sc|in)\.next\w*$|\breadLine$/,
  taintedParams: /@(?:RequestParam|PathVariable|RequestBody|RequestHeader|CookieValue|QueryParam|PathParam|FormParam|HeaderParam|ModelAttribute)\b/,
  sanitizers: /(?:^|\.)(?:parseInt|parseLong|parseDouble|valueOf|fromString|escapeHtml4|escapeHtml|htmlEscape|forHtml|forHtmlContent|encodeForHTML|encodeForSQL|getName|getFileName|quote|escapeSql)$/,
  formatters: /(?:^|\.)(?:format|formatted|concat|append|insert|join|replace|replaceAll|toString)$/,
  decoders: /(?:^|\.)(?:decode|decodeBase64|parseHexBinary|decodeHex|fromHexString)$/,
  params,
};
