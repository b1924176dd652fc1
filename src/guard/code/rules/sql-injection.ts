/**
 * CWE-89: a query string assembled from non-constant pieces (concatenation,
 * interpolation, format) or user input reaches a query call. Parameterised
 * calls pass a constant query and the values separately, so they stay clean.
 */
import type { Flow } from '../analysis/flow.js';
import type { Call } from '../analysis/syntax.js';
import type { Source } from '../source/source.js';
import { defineCodeRule, type CodeHit } from '../types.js';
import { matchHits } from './lexical.js';
import { builtOrTainted, checkSinks, sinkNames, type Sink, type SinkTable } from './sinks.js';

const SQL_WORDS = /\b(?:select|insert\s+into|update|delete\s+from|where|values|order\s+by|drop\s+table|create\s+table|union|from|set)\b/i;

// Generic names (execute, query, exec) only count when the string looks like SQL; SQL-only APIs count on any input.
const SQL_ONLY = /^(?:executeQuery|executeUpdate|prepareStatement|createNativeQuery|executescript|read_sql\w*|mysqli_\w+|mysql_\w+|pg_query|sqlite3_\w+|PQexec|\$\w+Unsafe)$/;
const looksLikeSql = (flow: Flow, call: Call) =>
  builtOrTainted(flow) && (SQL_WORDS.test(flow.literals.join(' ')) || (flow.tainted && SQL_ONLY.test(call.name)));
const MSG = 'SQL query built from non-constant data; pass values as bound parameters';

const sink = (names: string[], extra: Partial<Sink> = {}): Sink => ({ names, risky: looksLikeSql, message: MSG, ...extra });

const SINKS: SinkTable = {
  python: [sink(['execute', 'executemany', 'executescript', 'raw', 'extra', 'read_sql', 'read_sql_query', 'mogrify'])],
  javascript: [sink(['query', 'execute', 'raw', 'run', 'all', 'get', 'each', 'exec', 'prepare', 'whereRaw', 'orderByRaw', '$queryRawUnsafe', '$executeRawUnsafe', 'unsafe'])],
  typescript: [sink(['query', 'execute', 'raw', 'run', 'all', 'get', 'each', 'exec', 'prepare', 'whereRaw', 'orderByRaw', '$queryRawUnsafe', '$executeRawUnsafe', 'unsafe'])],
  java: [sink(['executeQuery', 'executeUpdate', 'execute', 'prepareStatement', 'addBatch', 'createQuery', 'createNativeQuery', 'queryForObject', 'queryForList', 'query', 'update'])],
  c: [
    sink(['sqlite3_exec', 'sqlite3_prepare', 'sqlite3_prepare_v2', 'sqlite3_prepare_v3', 'PQexec'], { arg: 1 }),
    sink(['mysql_query', 'mysql_real_query'], { arg: 1 }),
  ],
  go: [sink(['Query', 'QueryRow', 'Exec', 'QueryContext', 'QueryRowContext', 'ExecContext', 'Prepare', 'Raw', 'Select', 'Get'], {
    arg: (call) => (/Context$/.test(call.name) ? call.args[1] : call.args[0]),
  })],
  php: [
    sink(['mysqli_query', 'mysqli_real_query', 'mysqli_multi_query', 'pg_query'], { arg: 'last' }),
    sink(['mysql_query', 'sqlite_query', 'query', 'exec', 'prepare', 'multi_query', 'real_query', 'select', 'statement', 'raw', 'whereRaw', 'DB::select', 'DB::statement'])],
  sql: [],
  shell: [sink(['mysql', 'psql', 'sqlite3', 'sqlcmd'], {
    arg: (call) => {
      const i = call.args.findIndex((a) => /^(?:-e|-c|--execute|--command|-Q)$/.test(a.text));
      return i === -1 ? call.args[call.args.length - 1] : call.args[i + 1];
    },
  })],
};

// Dynamic SQL inside SQL: EXEC/EXECUTE/PREPARE of a string glued with || or + or CONCAT.
const DYNAMIC_SQL = /\b(?:exec(?:ute)?(?:\s+immediate)?|sp_executesql|prepare\s+\w+\s+from)\s*\(?\s*(?:N?'[^']*'\s*(?:\|\||\+)|@?\w+\s*(?:\|\||\+)\s*N?'|concat\s*\(|N?'[^']*'\s*\|\|)/gi;
// A variable assigned a concatenation (SET @q = N'…' + @p; q := '…' || p) and then executed.
const GLUED_VAR = /(?:\bset\s+(@\w+)\s*=|(?<![\w@])(\w+)\s*:=)[^;]*(?:N?'[^']*'\s*(?:\|\||\+)\s*@?\w|@?\w+\s*(?:\|\||\+)\s*N?')/gi;
const MSG_SQL = 'dynamic SQL built by concatenation; use EXECUTE … USING / sp_executesql with parameters / format(%I, %L)';

function sqlDynamic(src: Source): CodeHit[] {
  const hits = matchHits(src, DYNAMIC_SQL, MSG_SQL);
  for (const m of src.masked.matchAll(GLUED_VAR)) {
    const v = (m[1] ?? m[2] ?? '').replace(/[$@]/g, (c) => `\\${c}`);
    const exec = new RegExp(`\\b(?:exec(?:ute)?(?:\\s+immediate)?\\s*\\(?\\s*${v}\\b|sp_executesql\\s+${v}\\s*(?:;|$))`, 'gim');
    exec.lastIndex = m.index;
    const e = exec.exec(src.masked);
    if (e) hits.push({ offset: e.index, message: MSG_SQL });
  }
  return hits;
}

/** `code/sql-injection` (CWE-89). */
export const sqlInjectionRule = defineCodeRule({
  id: 'code/sql-injection',
  title: 'SQL injection',
  cwe: [89],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'c', 'go', 'php', 'sql', 'shell'],
  description: 'A query string is concatenated, interpolated or formatted from non-constant data (or user input) and passed to a query call.',
  sinks: sinkNames(SINKS),
  sinkShapes: SINKS,
  check: (ctx) => (ctx.language === 'sql' ? sqlDynamic(ctx.source) : checkSinks(ctx, SINKS)),
});
