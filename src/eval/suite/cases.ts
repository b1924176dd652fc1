/**
 * Cases are generated lazily, in suite order: inline tests, then each data
 * file's rows as they stream in. Nothing holds the whole list, so a suite of
 * 100,000 rows costs the memory of the rows in flight.
 */
import { InputError } from '../../core/errors.js';
import { readDataRows, DataRowError, type DataRow } from './data-files.js';
import { csvRowToTest, objectRowToTest } from './rows.js';
import { RowTestSchema } from './schema.js';
import { compileTest, formatPath, type TestIssue } from './tests.js';
import type { CaseRequest, LoadedSuite, SuiteCase, TestSource, TestTemplate } from './types.js';

type FileSource = Extract<TestSource, { kind: 'file' }>;

/** Turn one data-file row into a test on top of the file entry's shared template. */
export function rowToTest(source: FileSource, row: DataRow): { test: TestTemplate; metadata?: Record<string, unknown> } | { issues: TestIssue[] } {
  const raw = source.format === 'csv' ? csvRowToTest(row.value) : objectRowToTest(row.value);
  const parsed = RowTestSchema.safeParse(raw);
  if (!parsed.success) return { issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) };
  const { test, issues } = compileTest(parsed.data, source.shared, []);
  if (issues.length > 0) return { issues };
  return parsed.data.metadata ? { test, metadata: parsed.data.metadata } : { test };
}

/** A row issue as one line: `tests[2] (cases.csv row 17): assert[0].type: unknown assertion "x"`. */
export function rowIssueLine(source: FileSource, row: number, issue: TestIssue): string {
  return `${source.where} (${source.file} row ${row}): ${formatPath(issue.path)}: ${issue.message}`;
}

function toCase(index: number, t: TestTemplate & { request?: CaseRequest }, metadata?: Record<string, unknown>): SuiteCase {
  const c: SuiteCase = { index, vars: t.vars, assert: t.assert };
  if (t.request) c.request = t.request;
  if (t.description !== undefined) c.description = t.description;
  if (t.threshold !== undefined) c.threshold = t.threshold;
  if (metadata) c.metadata = metadata;
  return c;
}

/**
 * Every case of the suite, in order, read lazily. Rows were checked when the
 * suite loaded, so a bad row here means a data file changed during the run:
 * an input error naming the file, not a crash.
 */
export async function* iterateCases(suite: LoadedSuite): AsyncGenerator<SuiteCase> {
  try {
    yield* generate(suite);
  } catch (e) {
    if (e instanceof DataRowError) throw new InputError('MG_INPUT_INVALID', e.file, `${e.message} (the file changed while the run read it)`, e);
    throw e;
  }
}

async function* generate(suite: LoadedSuite): AsyncGenerator<SuiteCase> {
  let index = 0;
  for (const source of suite.sources) {
    if (source.kind === 'inline') {
      yield toCase(index++, source.test, source.test.metadata);
      continue;
    }
    for await (const row of readDataRows(source.absPath, source.format, source.file)) {
      const r = rowToTest(source, row);
      if ('issues' in r) throw new DataRowError(source.file, row.row, rowIssueLine(source, row.row, r.issues[0] as TestIssue));
      yield toCase(index++, r.test, r.metadata);
    }
  }
}
