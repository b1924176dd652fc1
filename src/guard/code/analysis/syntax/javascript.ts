/** JavaScript and TypeScript (tree-sitter-javascript / -typescript / -tsx): calls, template literals, DOM and JSX writes. */
import type { Node } from '@vscode/tree-sitter-wasm';
import { lastName, named, squeeze, type Call, type PropertyWrite, type Syntax } from '../syntax.js';

function call(node: Node): Call | undefined {
  const fn = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
  if (!fn) return undefined;
  const argNode = node.childForFieldName('arguments');
  // A tagged template (sql`…`) passes the template itself as the one argument.
  const args = argNode ? (argNode.type === 'template_string' ? [argNode] : named(argNode).filter((a) => a.type !== 'comment')) : [];
  const callee = (node.type === 'new_expression' ? 'new ' : '') + squeeze(fn.text);
  const kwargs = new Map<string, Node>();
  for (const a of args) if (a.type === 'object') for (const p of named(a)) if (p.type === 'pair') addPair(kwargs, p);
  const receiver = fn.type === 'member_expression' ? (fn.childForFieldName('object') ?? undefined) : undefined;
  return { callee, name: lastName(callee), args, kwargs, receiver, node };
}

function addPair(into: Map<string, Node>, pair: Node): void {
  const k = pair.childForFieldName('key');
  const v = pair.childForFieldName('value');
  if (k && v) into.set(k.text.replace(/^['"]|['"]$/g, ''), v);
}

function assigns(node: Node): Array<[string, Node]> {
  if (node.type === 'variable_declarator') {
    const n = node.childForFieldName('name');
    const v = node.childForFieldName('value');
    if (!n || !v) return [];
    if (n.type === 'identifier') return [[n.text, v]];
    // const { name } = req.query: each destructured name takes the object's flow.
    return n.descendantsOfType(['shorthand_property_identifier_pattern', 'identifier']).flatMap((d) => (d ? [[d.text, v] as [string, Node]] : []));
  }
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return [];
  return [[squeeze(left.text), node.type === 'augmented_assignment_expression' ? node : right]];
}

function write(node: Node): PropertyWrite | undefined {
  if (node.type === 'jsx_attribute') {
    const name = node.namedChild(0);
    const value = node.namedChild(1);
    return name && value ? { property: name.text, value, node } : undefined;
  }
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (left?.type !== 'member_expression' || !right) return undefined;
  const prop = left.childForFieldName('property');
  return prop ? { property: prop.text, value: node.type === 'augmented_assignment_expression' ? node : right, node } : undefined;
}

function params(scope: Node): Array<[string, string]> {
  const ps = scope.childForFieldName('parameters') ?? scope.childForFieldName('parameter');
  if (!ps) return [];
  return ps.type === 'identifier' ? [[ps.text, ps.text]] : named(ps).map((p) => [(p.childForFieldName('pattern') ?? p).text, p.text]);
}

const looksLikeJsx = /<[A-Za-z][\w.]*(?:\s[^<>]*)?\/?>|return\s*\(\s*</;

/** JavaScript adapter; TypeScript reuses it with its own grammar. */
export const javascriptSyntax: Syntax = {
  grammar: () => 'javascript',
  namedCalls: true,
  scopes: new Set(['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration', 'function']),
  callTypes: new Set(['call_expression', 'new_expression']),
  call,
  assignTypes: new Set(['variable_declarator', 'assignment_expression', 'augmented_assignment_expression']),
  assigns,
  writeTypes: new Set(['assignment_expression', 'augmented_assignment_expression', 'jsx_attribute']),
  write,
  strings: new Set(['string', 'template_string']),
  interpolations: new Set(['template_substitution']),
  constants: new Set(['number', 'true', 'false', 'null', 'undefined', 'regex', 'string_fragment', 'escape_sequence']),
  identifiers: new Set(['identifier', 'shorthand_property_identifier']),
  accesses: new Set(['member_expression', 'subscript_expression']),
  binaries: new Set(['binary_expression', 'augmented_assignment_expression']),
  concatOps: new Set(['+', '+=']),
  opaque: new Set(['arrow_function', 'function_expression', 'function', 'class']),
  sources: /\b(?:req|request|ctx\.request|ctx)\.(?:query|body|params|headers|cookies|signedCookies|url|originalUrl|path|hostname)\b|\bprocess\.argv\b|\b(?:document|window)\.location\b|^location\.(?:hash|search|href|pathname)|\bdocument\.(?:URL|documentURI|cookie|referrer)\b|\bgetElementById\([^)]*\)\.value\b|\bquerySelector\([^)]*\)\.value\b|\bsearchParams\.get$|\bURLSearchParams\(\s*(?:window\.)?location/,
  sanitizers: /(?:^|\.)(?:parseInt|parseFloat|Number|Boolean|encodeURIComponent|encodeURI|escapeHtml|escapeHTML|escape|sanitize|sanitizeHtml|basename|quote|escapeId|sql)$|^(?:mysql|connection|pool|db|SqlString)\.format$|^(?:DOMPurify\.sanitize|validator\.escape|he\.encode|xss|filterXSS|Prisma\.sql|SqlString\.\w+|shellescape|shellQuote\.quote)$/,
  formatters: /(?:^|\.)(?:concat|join|replace|replaceAll|format|padStart|padEnd|repeat)$|^util\.format$/,
  decoders: /(?:^|\.)(?:atob|fromCharCode|fromCodePoint|unescape|decodeURIComponent|decodeURI|inflateSync|gunzipSync|inflateRawSync|brotliDecompressSync)(?:\.apply|\.call)?$/,
  params,
};

/** TypeScript: the JavaScript adapter on the TypeScript grammar (TSX when the snippet has JSX). */
export const typescriptSyntax: Syntax = {
  ...javascriptSyntax,
  grammar: (text) => (looksLikeJsx.test(text) ? 'tsx' : 'typescript'),
  constants: new Set([...javascriptSyntax.constants, 'predefined_type', 'type_annotation']),
  opaque: new Set([...javascriptSyntax.opaque, 'type_annotation', 'type_arguments']),
};
