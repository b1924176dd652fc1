/** Python (tree-sitter-python): calls with keyword arguments, f-strings, `%` and `.format`. */
import type { Node } from '@vscode/tree-sitter-wasm';
import { lastName, named, squeeze, type Call, type Syntax } from '../syntax.js';

function call(node: Node): Call | undefined {
  const fn = node.childForFieldName('function');
  const argList = node.childForFieldName('arguments');
  if (!fn) return undefined;
  const args: Node[] = [];
  const kwargs = new Map<string, Node>();
  for (const a of argList ? named(argList) : []) {
    if (a.type === 'keyword_argument') {
      const k = a.childForFieldName('name');
      const v = a.childForFieldName('value');
      if (k && v) kwargs.set(k.text, v);
    } else if (a.type !== 'comment') args.push(a);
  }
  const callee = squeeze(fn.text);
  return { callee, name: lastName(callee), args, kwargs, receiver: fn.type === 'attribute' ? (fn.childForFieldName('object') ?? undefined) : undefined, node };
}

function assigns(node: Node): Array<[string, Node]> {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return [];
  if (node.type === 'augmented_assignment') return [[left.text, node]];
  if (left.type === 'identifier') return [[left.text, right]];
  if (left.type === 'pattern_list' || left.type === 'tuple_pattern') return named(left).map((n) => [n.text, right]);
  return [[squeeze(left.text), right]];
}

function params(scope: Node): Array<[string, string]> {
  const ps = scope.childForFieldName('parameters');
  return (ps ? named(ps) : []).map((p) => [(p.childForFieldName('name') ?? p.namedChild(0) ?? p).text, p.text]);
}

/** Python adapter. */
export const pythonSyntax: Syntax = {
  grammar: () => 'python',
  namedCalls: true,
  scopes: new Set(['function_definition', 'lambda']),
  callTypes: new Set(['call']),
  call,
  assignTypes: new Set(['assignment', 'augmented_assignment', 'named_expression', 'for_statement', 'with_item']),
  assigns: (node) => {
    if (node.type === 'named_expression') {
      const n = node.childForFieldName('name');
      const v = node.childForFieldName('value');
      return n && v ? [[n.text, v]] : [];
    }
    if (node.type === 'for_statement') {
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      return l && r ? [[l.text, r]] : [];
    }
    if (node.type === 'with_item') {
      const v = node.childForFieldName('value');
      const alias = v?.type === 'as_pattern' ? v.childForFieldName('alias') : null;
      const target = v?.namedChild(0);
      return alias && target ? [[alias.text.replace(/^as\s+/, ''), target]] : [];
    }
    return assigns(node);
  },
  writeTypes: new Set(),
  returnTypes: new Set(['return_statement']),
  strings: new Set(['string', 'concatenated_string']),
  interpolations: new Set(['interpolation']),
  constants: new Set(['integer', 'float', 'true', 'false', 'none', 'string_content', 'escape_sequence']),
  identifiers: new Set(['identifier']),
  accesses: new Set(['attribute', 'subscript']),
  binaries: new Set(['binary_operator', 'augmented_assignment']),
  concatOps: new Set(['+', '%', '+=']),
  opaque: new Set(['lambda', 'function_definition']),
  sources: /\brequest\.(?:args|form|values|json|data|files|cookies|headers|get_json|GET|POST|body|query_params|path_params|query_string|view_args)\b|^(?:raw_)?input$|\bsys\.argv\b|\bsys\.stdin\b/,
  sanitizers: /^(?:int|float|bool|len|abs|round|shlex\.quote|pipes\.quote|quote|escape|html\.escape|markupsafe\.escape|bleach\.clean|os\.path\.basename|basename|secure_filename|\w+\.secure_filename|uuid\.UUID|re\.escape|bindparam)$/,
  formatters: /(?:^|\.)(?:format|format_map|join|replace|Template\.substitute|substitute|concat)$/,
  decoders: /(?:b64decode|b32decode|b16decode|a85decode|b85decode|urlsafe_b64decode|decodebytes|decodestring|unhexlify|fromhex|codecs\.decode|zlib\.decompress|bz2\.decompress|lzma\.decompress|gzip\.decompress|marshal\.loads|^chr|rot13)$/,
  params,
};
