/** `modelgate runs` as a table. */
import type { RunRecord } from '../../eval/index.js';
import { formatTable } from '../../report/index.js';

function when(iso: string): string {
  return iso.replace('T', ' ').slice(0, 19);
}

/** One row per run: id, status, start, suite, models, results (passed / errors). */
export function renderRunList(runs: readonly RunRecord[]): string {
  if (runs.length === 0) return 'no eval runs yet (run `modelgate eval <suite>`)';
  const rows = runs.map((r) => [
    r.id,
    r.status,
    when(r.startedAt),
    r.suitePath,
    r.models.join(', '),
    String(r.counts.results),
    String(r.counts.passed),
    String(r.counts.errors),
  ]);
  return formatTable(['run', 'status', 'started (UTC)', 'suite', 'models', 'results', 'passed', 'errors'], rows, ['l', 'l', 'l', 'l', 'l', 'r', 'r', 'r']);
}
