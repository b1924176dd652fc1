/**
 * JUnit XML for CI: one `<testsuite>` per model, one `<testcase>` per row
 * (case × prompt × repeat). Failing assertions become `<failure>` with their
 * reasons, provider errors become `<error>`. Rendering streams: rows are read
 * model by model and written as they come, so a 100,000-case run never sits
 * in memory as XML.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { CaseResult } from '../eval/types.js';
import { xmlAttr, xmlText } from './eval-xml.js';

/** Rows of a run, from the store or from memory. */
export type RowSource = AsyncIterable<CaseResult> | Iterable<CaseResult>;

/** What the JUnit report needs. */
export interface JunitInput {
  /** Models in suite order, one testsuite each. */
  models: readonly string[];
  /**
   * One model's rows (e.g. `store.iterateResults(runId, { model })`). Called twice per model:
   * the testsuite's opening tag carries counts and total time, so a counting pass comes first.
   */
  rowsFor: (model: string) => RowSource;
  /** Name of the whole report, e.g. the run id. */
  name?: string;
  /** Output characters kept per testcase (default 2,000). */
  maxOutputChars?: number;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  time: number;
}

/**
 * The report as a stream of XML chunks.
 * @example for await (const chunk of renderEvalJunitChunks({ models, rowsFor })) out.write(chunk);
 */
export async function* renderEvalJunitChunks(input: JunitInput): AsyncGenerator<string> {
  const counts = new Map<string, Counts>();
  for (const m of input.models) counts.set(m, await countsFor(input.rowsFor(m)));
  const total = [...counts.values()].reduce((a, c) => ({ tests: a.tests + c.tests, failures: a.failures + c.failures, errors: a.errors + c.errors, time: a.time + c.time }), { tests: 0, failures: 0, errors: 0, time: 0 });
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="${xmlAttr(input.name ?? 'modelgate eval')}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" time="${seconds(total.time)}">\n`;
  for (const m of input.models) {
    const c = counts.get(m) as Counts;
    yield `  <testsuite name="${xmlAttr(m)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="0" time="${seconds(c.time)}">\n`;
    for await (const row of input.rowsFor(m)) yield junitTestcase(row, input.maxOutputChars ?? 2000);
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

/** The whole report as one string (for small runs and tests). */
export async function renderEvalJunit(rows: readonly CaseResult[], options: { name?: string; maxOutputChars?: number } = {}): Promise<string> {
  const models = [...new Set(rows.map((r) => r.model))];
  let xml = '';
  for await (const chunk of renderEvalJunitChunks({ ...options, models, rowsFor: (m) => rows.filter((r) => r.model === m) })) xml += chunk;
  return xml;
}

/** Stream the report to a file, respecting backpressure. */
export async function writeEvalJunit(path: string, input: JunitInput): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  try {
    for await (const chunk of renderEvalJunitChunks(input)) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

/** One `<testcase>` element for a row. */
export function junitTestcase(row: CaseResult, maxOutputChars = 2000): string {
  const label = `case ${row.caseIndex} (prompt ${row.promptId}, repeat ${row.repeat})${row.description ? `: ${row.description}` : ''}`;
  const open = `    <testcase name="${xmlAttr(label)}" classname="${xmlAttr(`modelgate.${row.model}`)}" time="${seconds(row.latencyMs)}"`;
  const body: string[] = [];
  if (row.error) {
    body.push(`      <error message="${xmlAttr(oneLine(row.error.message))}" type="${xmlAttr(row.error.kind)}">${xmlText(row.error.message)}</error>\n`);
  } else if (!row.pass) {
    const failed = row.assertions.filter((a) => !a.pass);
    const message = failed.length > 0 ? `${failed.length} of ${row.assertions.length} assertions failed (score ${row.score.toFixed(3)})` : `failed (score ${row.score.toFixed(3)})`;
    const reasons = failed.map((a) => `${a.type}: ${a.reason}`).join('\n');
    body.push(`      <failure message="${xmlAttr(message)}" type="assertion">${xmlText(reasons)}</failure>\n`);
  }
  if (row.output !== null && row.output !== '') body.push(`      <system-out>${xmlText(truncate(row.output, maxOutputChars))}</system-out>\n`);
  return body.length === 0 ? `${open}/>\n` : `${open}>\n${body.join('')}    </testcase>\n`;
}

async function countsFor(rows: RowSource): Promise<Counts> {
  const c: Counts = { tests: 0, failures: 0, errors: 0, time: 0 };
  for await (const row of rows) {
    c.tests++;
    if (row.error) c.errors++;
    else if (!row.pass) c.failures++;
    if (Number.isFinite(row.latencyMs) && row.latencyMs > 0) c.time += row.latencyMs;
  }
  return c;
}

function seconds(msValue: number): string {
  return Number.isFinite(msValue) && msValue > 0 ? (msValue / 1000).toFixed(3) : '0';
}

function oneLine(s: string): string {
  return truncate(s.replace(/\s+/g, ' ').trim(), 300);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}… [${s.length - n} more characters]` : s;
}
