/** The grammar adapter for each language that has one; SQL is matched by patterns only. */
import type { Language } from '../../languages.js';
import type { Syntax } from '../syntax.js';
import { bashSyntax } from './bash.js';
import { cSyntax } from './c.js';
import { goSyntax } from './go.js';
import { javaSyntax } from './java.js';
import { javascriptSyntax, typescriptSyntax } from './javascript.js';
import { phpSyntax } from './php.js';
import { pythonSyntax } from './python.js';

/** Adapter per language; `undefined` means no grammar (patterns only). */
export const SYNTAX: Record<Language, Syntax | undefined> = {
  python: pythonSyntax,
  javascript: javascriptSyntax,
  typescript: typescriptSyntax,
  java: javaSyntax,
  c: cSyntax,
  go: goSyntax,
  php: phpSyntax,
  sql: undefined,
  shell: bashSyntax,
};
