/** Shell (tree-sitter-bash): commands as calls, `$1`/`$@`/`read` as input, `$(… | base64 -d)` as decoded. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Call, Syntax } from '../syntax.js';

function call(node: Node): Call | undefined {
  const name = node.childForFieldName('name');
  if (!name) return undefined;
  const args = node.childrenForFieldName('argument').flatMap((a) => (a ? [a] : []));
  const callee = name.text;
  return { callee, name: callee.replace(/^.*\//, ''), args, kwargs: new Map(), receiver: undefined, node };
}

function assigns(node: Node): Array<[string, Node]> {
  if (node.type === 'command') {
    // `read -r name` fills name from stdin.
    if (node.childForFieldName('name')?.text !== 'read') return [];
    return node.childrenForFieldName('argument').flatMap((a) => (a && /^[A-Za-z_]\w*$/.test(a.text) ? [[a.text, node] as [string, Node]] : []));
  }
  const n = node.childForFieldName('name');
  const v = node.childForFieldName('value');
  return n && v ? [[n.text, v]] : [];
}

/** Shell adapter. */
export const bashSyntax: Syntax = {
  grammar: () => 'bash',
  scopes: new Set(['function_definition']),
  callTypes: new Set(['command']),
  call,
  assignTypes: new Set(['variable_assignment', 'command']),
  assigns,
  writeTypes: new Set(),
  strings: new Set(['string', 'raw_string', 'ansi_c_string', 'word', 'heredoc_body', 'concatenation']),
  interpolations: new Set(['simple_expansion', 'expansion', 'command_substitution', 'arithmetic_expansion']),
  constants: new Set(['number', 'string_content', 'raw_string']),
  identifiers: new Set(['variable_name']),
  accesses: new Set(['simple_expansion', 'expansion']),
  binaries: new Set(),
  concatOps: new Set(),
  opaque: new Set(['function_definition']),
  sources: /^\$\{?[1-9@*]|^\$\{?(?:QUERY_STRING|REQUEST_URI|HTTP_\w+)\b|^read$/,
  sanitizers: /^(?:printf%q)$/,
  formatters: /^printf$/,
  decoders: /^(?:base64|xxd|openssl|gunzip|zcat|rev|tr)$/,
  nameOf: (node) => node.text.replace(/^\$\{?|\}$/g, ''),
  params: () => [],
};

/** Names of the commands in a pipeline or substitution, for `… | base64 -d | sh` checks. */
export function pipelineCommands(node: Node): string[] {
  return node.descendantsOfType('command').flatMap((c) => (c ? [c.childForFieldName('name')?.text ?? ''] : []));
}
