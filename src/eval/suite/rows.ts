/**
 * From a data-file row to a test entry. CSV follows promptfoo's columns:
 * every column is a var except `__expected` (and `__expected1`, ...) holding
 * an assertion in `type: value` / `type(threshold): value` form (plain text
 * means `equals`), `__description`, `__threshold` and `__metadata:<key>`.
 * JSONL/JSON/YAML rows are either a test object (`vars`, `assert`, ...) or,
 * when they have neither, the vars themselves.
 */
import { parseAssertionType } from '../assertions/compile.js';
import type { AssertionEntry, TestEntry } from './schema.js';

/** promptfoo's CSV aliases for assertion types. */
const CSV_ALIASES: Record<string, string> = { grade: 'llm-rubric', fn: 'javascript', eval: 'javascript' };

/**
 * Read one `__expected` cell. Only a known type before the colon makes it an
 * assertion: `Paris: the capital` stays an `equals` of the whole text.
 * @example expectedCell('contains: Paris') // { type: 'contains', value: 'Paris' }
 * @example expectedCell('similar(0.8): a cat') // { type: 'similar', threshold: 0.8, value: 'a cat' }
 */
export function expectedCell(cell: string): AssertionEntry {
  const m = /^(not-)?([a-z][a-z-]*)(?:\(([\d.]+)\))?(?::\s?([\s\S]*))?$/.exec(cell.trim());
  if (m) {
    const name = CSV_ALIASES[m[2] as string] ?? (m[2] as string);
    const type = `${m[1] ?? ''}${name}`;
    if (parseAssertionType(type)) {
      const entry: AssertionEntry = { type };
      if (m[3] !== undefined) entry.threshold = Number(m[3]);
      if (m[4] !== undefined && m[4] !== '') entry.value = m[4];
      return entry;
    }
  }
  return { type: 'equals', value: cell };
}

/** A CSV record (column → cell) as a test entry. */
export function csvRowToTest(record: Readonly<Record<string, unknown>>): TestEntry {
  const vars: Record<string, unknown> = {};
  const assert: AssertionEntry[] = [];
  const metadata: Record<string, unknown> = {};
  const test: TestEntry = {};
  for (const [col, cell] of Object.entries(record)) {
    const text = typeof cell === 'string' ? cell : String(cell ?? '');
    if (/^__expected\d*$/.test(col)) {
      if (text.trim() !== '') assert.push(expectedCell(text));
    } else if (col === '__description') test.description = text;
    else if (col === '__threshold') {
      if (text.trim() !== '') test.threshold = Number(text);
    } else if (col.startsWith('__metadata:')) metadata[col.slice('__metadata:'.length)] = text;
    else if (!col.startsWith('__')) vars[col] = text;
  }
  test.vars = vars;
  if (assert.length > 0) test.assert = assert;
  if (Object.keys(metadata).length > 0) test.metadata = metadata;
  return test;
}

/** A JSONL/JSON/YAML row as a test entry: a test object when it has `vars` or `assert`, else the vars. */
export function objectRowToTest(row: Readonly<Record<string, unknown>>): unknown {
  return 'vars' in row || 'assert' in row ? row : { vars: row };
}
