/**
 * Lazy, once-only loading of the tree-sitter WASM runtime and grammars from
 * `@vscode/tree-sitter-wasm` (one package, no native build, no dependencies).
 * Nothing happens at import time; the first scan that needs a grammar pays
 * about 5-20 ms for it and later scans reuse the parser.
 */
import type * as TreeSitter from '@vscode/tree-sitter-wasm';
import type { Parser } from '@vscode/tree-sitter-wasm';

/** Grammar files shipped by the package that the scanner uses. */
export type Grammar = 'python' | 'javascript' | 'typescript' | 'tsx' | 'java' | 'cpp' | 'go' | 'php' | 'bash';

type TreeSitterApi = typeof TreeSitter;

let runtime: Promise<{ api: TreeSitterApi; dir: string }> | undefined;
const parsers = new Map<Grammar, Promise<Parser>>();

async function loadRuntime(): Promise<{ api: TreeSitterApi; dir: string }> {
  const [{ createRequire }, { dirname, join }] = await Promise.all([import('node:module'), import('node:path')]);
  const mod: unknown = await import('@vscode/tree-sitter-wasm');
  // The package is UMD/CommonJS: under ESM its API is the default export.
  const api = ((mod as { default?: TreeSitterApi }).default ?? mod) as TreeSitterApi;
  const dir = dirname(createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm'));
  await api.Parser.init({ locateFile: (file: string) => join(dir, file) });
  return { api, dir };
}

async function createParser(grammar: Grammar): Promise<Parser> {
  runtime ??= loadRuntime();
  const { api, dir } = await runtime;
  const [{ readFile }, { join }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
  const language = await api.Language.load(new Uint8Array(await readFile(join(dir, `tree-sitter-${grammar}.wasm`))));
  const parser = new api.Parser();
  parser.setLanguage(language);
  return parser;
}

/** The shared parser for `grammar`, created on first use. */
export function getParser(grammar: Grammar): Promise<Parser> {
  let p = parsers.get(grammar);
  if (!p) {
    p = createParser(grammar);
    // A failed load must not poison later attempts (e.g. a transient read error).
    p.catch(() => parsers.delete(grammar));
    parsers.set(grammar, p);
  }
  return p;
}
