/** Go (tree-sitter-go): selector calls, `:=` and `var`, `fmt.Sprintf`. */
import type { Node } from '@vscode/tree-sitter-wasm';
import { named, positionalCall, squeeze, type Call, type Syntax } from '../syntax.js';

const call = (node: Node): Call | undefined => positionalCall(node, 'selector_expression', 'operand');

function assigns(node: Node): Array<[string, Node]> {
  const left = node.childForFieldName(node.type === 'var_spec' ? 'name' : 'left');
  const right = node.childForFieldName(node.type === 'var_spec' ? 'value' : 'right');
  if (!left || !right) return [];
  const names = node.type === 'var_spec' ? node.childrenForFieldName('name').flatMap((n) => (n ? [n] : [])) : named(left);
  const values = named(right);
  // `a, err := f()` binds every name to the one call; `a, b := x, y` pairs them up.
  return names.map((n, i) => [squeeze(n.text), values.length === names.length ? (values[i] ?? right) : right] as [string, Node]);
}

function params(scope: Node): Array<[string, string]> {
  const ps = scope.childForFieldName('parameters');
  return (ps ? named(ps) : []).flatMap((p) => p.childrenForFieldName('name').flatMap((n) => (n ? [[n.text, p.text] as [string, string]] : [])));
}

/** Go adapter. */
export const goSyntax: Syntax = {
  grammar: () => 'go',
  namedCalls: true,
  scopes: new Set(['function_declaration', 'method_declaration', 'func_literal']),
  callTypes: new Set(['call_expression']),
  call,
  assignTypes: new Set(['short_var_declaration', 'assignment_statement', 'var_spec']),
  assigns,
  writeTypes: new Set(),
  strings: new Set(['interpreted_string_literal', 'raw_string_literal', 'rune_literal']),
  interpolations: new Set(),
  constants: new Set(['int_literal', 'float_literal', 'true', 'false', 'nil', 'iota']),
  identifiers: new Set(['identifier']),
  accesses: new Set(['selector_expression', 'index_expression']),
  binaries: new Set(['binary_expression']),
  concatOps: new Set(['+']),
  opaque: new Set(['func_literal']),
  sources: /\b(?:r|req|request)\.(?:URL|Form|PostForm|Body|Header|FormValue|PostFormValue|Cookie|Cookies|MultipartForm|RequestURI)\b|\bos\.Args\b|\bmux\.Vars\b|\b(?:c|ctx)\.(?:Query|Param|PostForm|DefaultQuery|FormValue|QueryParam|GetHeader)$|\bos\.Stdin\b|\.ReadString$/,
  sanitizers: /^(?:strconv\.\w+|html\.EscapeString|template\.HTMLEscapeString|template\.JSEscapeString|url\.QueryEscape|url\.PathEscape|filepath\.Base|path\.Base|pq\.QuoteIdentifier|len)$/,
  formatters: /^(?:fmt\.Sprintf|fmt\.Sprint|fmt\.Sprintln|strings\.Join|strings\.Replace|strings\.ReplaceAll|strings\.Repeat)$|\.(?:String|WriteString)$/,
  decoders: /(?:\.DecodeString|hex\.DecodeString|\.Decode|base64\.\w+\.DecodeString|gzip\.NewReader|zlib\.NewReader)$/,
  params,
};
