/**
 * Loading a suite: YAML (with positions) → promptfoo normalising when it is
 * one → schema → compiled prompts and assertions → a streaming pass over each
 * data file that checks every row, counts them and hashes the bytes. Every
 * problem is collected and reported at once, each naming its path:
 * `suite.yaml: tests[3].assert[0].type: unknown assertion "containz" (line 14)`.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { InputError } from '../../core/errors.js';
import { rowIssueLine, rowToTest } from './cases.js';
import { DataRowError, dataFormatOf, readDataRows } from './data-files.js';
import { compilePrompts } from './prompts.js';
import { looksLikePromptfoo, normalizePromptfoo } from './promptfoo.js';
import { SuiteSchema, type SuiteFile } from './schema.js';
import { compileTest, emptyTemplate, formatPath, type TestIssue } from './tests.js';
import type { LoadedSuite, ModelSpec, TestSource } from './types.js';

/** Rows checked per data file before giving up on listing more problems. */
const MAX_ROW_ISSUES = 20;

interface Positioned {
  doc: Document;
  lines: LineCounter;
}

function lineOf(p: Positioned, path: readonly (string | number)[]): string {
  for (let n = path.length; n >= 0; n--) {
    const node = p.doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return ` (line ${p.lines.linePos(node.range[0]).line})`;
  }
  return '';
}

function fail(file: string, lines: string[]): never {
  const [first, ...rest] = lines;
  throw new InputError('MG_INPUT_INVALID', file, [first ?? 'invalid suite', ...rest].join('\n'));
}

async function readSuiteText(path: string, abs: string): Promise<string> {
  try {
    return await readFile(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'MG_INPUT_NOT_FOUND' : 'MG_INPUT_UNREADABLE', path, code === 'ENOENT' ? 'suite file not found' : `cannot read: ${(e as Error).message}`, e);
  }
}

function parseText(path: string, text: string): { raw: Record<string, unknown>; pos: Positioned } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    fail(path, doc.errors.map((e) => `line ${lines.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`));
  }
  const raw: unknown = doc.toJS();
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(path, ['expected a mapping with prompts and tests']);
  return { raw: raw as Record<string, unknown>, pos: { doc, lines } };
}

/** `tests: file://x.csv` and `tests: [file://x.csv]` work in both formats. */
function normalizeTestRefs(raw: Record<string, unknown>): Record<string, unknown> {
  const t = typeof raw.tests === 'string' ? [raw.tests] : raw.tests;
  if (!Array.isArray(t)) return raw;
  return { ...raw, tests: t.map((x: unknown) => (typeof x === 'string' && x.startsWith('file://') ? { file: x.slice('file://'.length) } : x)) };
}

function modelSpecs(s: SuiteFile): ModelSpec[] {
  const out: ModelSpec[] = (s.models ?? []).map((ref, i) => ({ ref, where: `models[${i}]` }));
  for (const [i, p] of (s.providers ?? []).entries()) {
    out.push(typeof p === 'string' ? { ref: p, where: `providers[${i}]` } : { ref: p.id, where: `providers[${i}]`, ...(p.label ? { label: p.label } : {}), ...(p.config ? { config: p.config } : {}) });
  }
  return out;
}

async function hashFile(abs: string, into: ReturnType<typeof createHash>): Promise<void> {
  for await (const chunk of createReadStream(abs)) into.update(chunk as Buffer);
}

/** Check every row of a data file (streaming) and count them; returns problem lines. */
async function checkRows(source: Extract<TestSource, { kind: 'file' }>): Promise<string[]> {
  const lines: string[] = [];
  let rows = 0;
  try {
    for await (const row of readDataRows(source.absPath, source.format, source.file)) {
      rows++;
      const r = rowToTest(source, row);
      if ('issues' in r && lines.length < MAX_ROW_ISSUES) for (const i of r.issues) lines.push(rowIssueLine(source, row.row, i));
    }
  } catch (e) {
    if (e instanceof DataRowError) lines.push(`${source.where} (${source.file}): ${e.message}`);
    else throw e;
  }
  source.rows = rows;
  return lines;
}

async function buildSources(s: SuiteFile, baseDir: string, pos: Positioned): Promise<{ sources: TestSource[]; problems: string[] }> {
  const problems: string[] = [];
  const issueLine = (i: TestIssue) => `${formatPath(i.path)}: ${i.message}${lineOf(pos, i.path)}`;
  const defaults = compileTest(s.defaultTest ?? {}, emptyTemplate(s.judge), ['defaultTest']);
  problems.push(...defaults.issues.map(issueLine));
  const sources: TestSource[] = [];
  for (const [i, t] of s.tests.entries()) {
    const where = `tests[${i}]`;
    const { file, ...entry } = t;
    const compiled = compileTest(entry, defaults.test, ['tests', i]);
    problems.push(...compiled.issues.map(issueLine));
    if (file === undefined) {
      sources.push({ kind: 'inline', where, test: { ...compiled.test, ...(t.metadata ? { metadata: t.metadata } : {}) } });
      continue;
    }
    const format = dataFormatOf(file);
    const absPath = resolve(baseDir, file);
    if (!format) problems.push(`${where}.file: ${file}: use a .csv, .jsonl, .json or .yaml file${lineOf(pos, ['tests', i, 'file'])}`);
    else if (!(await stat(absPath).catch(() => undefined))?.isFile()) problems.push(`${where}.file: ${file} not found${lineOf(pos, ['tests', i, 'file'])}`);
    else sources.push({ kind: 'file', where, file, absPath, format, shared: compiled.test, rows: 0 });
  }
  return { sources, problems };
}

/**
 * Load and check a suite file (modelgate or promptfoo format).
 * @example const suite = await loadSuite('evals/qa.yaml'); console.log(suite.caseCount);
 */
export async function loadSuite(path: string): Promise<LoadedSuite> {
  const absPath = resolve(path);
  const baseDir = dirname(absPath);
  const text = await readSuiteText(path, absPath);
  const { raw, pos } = parseText(path, text);
  const promptfoo = looksLikePromptfoo(basename(path), raw);
  const norm = promptfoo ? normalizePromptfoo(raw) : { value: raw, warnings: [], issues: [] };
  const problems = norm.issues.map((i) => `${formatPath(i.path)}: ${i.message}${lineOf(pos, i.path)}`);
  const parsed = SuiteSchema.safeParse(normalizeTestRefs(norm.value));
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const p = i.path.map((x) => (typeof x === 'symbol' ? String(x) : x));
      problems.push(`${formatPath(p)}: ${i.message}${lineOf(pos, p)}`);
    }
    fail(path, problems);
  }
  const s = parsed.data;
  const prompts = await compilePrompts(s.prompts, baseDir);
  problems.push(...prompts.issues.map((i) => `${formatPath(i.path)}: ${i.message}${lineOf(pos, i.path)}`));
  const { sources, problems: testProblems } = await buildSources(s, baseDir, pos);
  problems.push(...testProblems);
  if (problems.length > 0) fail(path, problems);
  const hash = createHash('sha256').update(text);
  for (const src of sources) {
    if (src.kind !== 'file') continue;
    problems.push(...(await checkRows(src)));
    hash.update(`\0${src.file}\0`);
    await hashFile(src.absPath, hash);
  }
  if (problems.length > 0) fail(path, problems);
  const suite: LoadedSuite = {
    path,
    absPath,
    baseDir,
    format: promptfoo ? 'promptfoo' : 'modelgate',
    hash: hash.digest('hex'),
    prompts: prompts.prompts,
    models: modelSpecs(s),
    request: s.request ?? {},
    sources,
    caseCount: sources.reduce((n, src) => n + (src.kind === 'inline' ? 1 : src.rows), 0),
    warnings: norm.warnings,
  };
  if (s.description !== undefined) suite.description = s.description;
  if (s.baseline) suite.baseline = s.baseline;
  const judge = s.defaultTest?.options?.provider ?? s.judge;
  if (judge) suite.judge = judge;
  if (s.gate !== undefined) suite.gate = s.gate;
  if (s.evaluateOptions?.maxConcurrency) suite.concurrency = s.evaluateOptions.maxConcurrency;
  if (s.evaluateOptions?.repeat) suite.repeat = s.evaluateOptions.repeat;
  return suite;
}
