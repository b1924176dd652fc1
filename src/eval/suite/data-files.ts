/**
 * Test data files, read as streams of rows so a 100,000-row file never sits
 * in memory: JSONL line by line, CSV through csv-parse's streaming parser.
 * JSON and YAML files hold one array and are read whole (they are meant for
 * small hand-written sets). Errors name the file and the row.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { parse as parseYaml } from 'yaml';

/** Formats a `file:` test entry may name. */
export type DataFormat = 'csv' | 'jsonl' | 'json' | 'yaml';

/** One row of a data file. */
export interface DataRow {
  /** 1-based row number as a person counts it (the CSV header is not a row; JSONL blank lines are skipped but counted). */
  row: number;
  value: Record<string, unknown>;
}

/** The data format a file name implies, or undefined. */
export function dataFormatOf(file: string): DataFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return undefined;
}

/** A row that cannot be read: the file and row it is at, and why. */
export class DataRowError extends Error {
  constructor(
    readonly file: string,
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'DataRowError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Stream the rows of a data file (`absPath`), naming it `shown` in errors. */
export async function* readDataRows(absPath: string, format: DataFormat, shown: string): AsyncGenerator<DataRow> {
  if (format === 'jsonl') yield* jsonlRows(absPath, shown);
  else if (format === 'csv') yield* csvRows(absPath, shown);
  else yield* wholeFileRows(absPath, format, shown);
}

async function* jsonlRows(absPath: string, shown: string): AsyncGenerator<DataRow> {
  const lines = createInterface({ input: createReadStream(absPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new DataRowError(shown, n, `line ${n}: not valid JSON (${(e as Error).message})`);
    }
    if (!isRecord(value)) throw new DataRowError(shown, n, `line ${n}: expected a JSON object`);
    yield { row: n, value };
  }
}

async function* csvRows(absPath: string, shown: string): AsyncGenerator<DataRow> {
  const parser = createReadStream(absPath).pipe(parseCsv({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }));
  let n = 0;
  try {
    for await (const record of parser) {
      n++;
      yield { row: n, value: record as Record<string, unknown> };
    }
  } catch (e) {
    throw new DataRowError(shown, n + 1, `row ${n + 1}: ${(e as Error).message}`);
  }
}

async function* wholeFileRows(absPath: string, format: 'json' | 'yaml', shown: string): AsyncGenerator<DataRow> {
  const text = await readFile(absPath, 'utf8');
  let data: unknown;
  try {
    data = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new DataRowError(shown, 0, `not valid ${format.toUpperCase()}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(data)) throw new DataRowError(shown, 0, 'expected a list of tests');
  for (const [i, value] of data.entries()) {
    if (!isRecord(value)) throw new DataRowError(shown, i + 1, `[${i}]: expected an object`);
    yield { row: i + 1, value };
  }
}
