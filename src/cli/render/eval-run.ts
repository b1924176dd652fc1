/**
 * What `modelgate eval` prints and writes around a run: the progress label
 * (cases/s, passes, ETA), the closing report (the report module's table plus
 * the run's identity and judge cost), and the `--json` / `--junit` / `--html`
 * files, written while the store is still open so rows stream from it.
 */
import { writeFile } from 'node:fs/promises';
import type { EvalProgress, FinishedRun, RunEvalResult } from '../../eval/index.js';
import { writeEvalHtml } from '../../report/index.js';
import { renderEvalJson } from '../../report/index.js';
import { writeEvalJunit } from '../../report/index.js';
import { renderEvalTable } from '../../report/index.js';
import { usd } from '../../report/index.js';
import { getVersion } from '../version.js';

/** Report files asked for on the command line. */
export interface EvalReportFiles {
  json?: string;
  junit?: string;
  html?: string;
}

/**
 * Ctrl-C handling for a run: the first SIGINT aborts the signal (the run
 * stops cleanly and keeps what finished); the handler then removes itself so
 * a second Ctrl-C ends the process at once.
 */
export function abortOnSigint(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    process.removeListener('SIGINT', onSigint);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.removeListener('SIGINT', onSigint) };
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** `41.2 cases/s  310 passed  2 errors  ETA 0:12`. */
export function evalProgressLabel(p: EvalProgress): string {
  const rate = p.done / Math.max(0.001, p.elapsedMs / 1000);
  const eta = rate > 0 ? (p.total - p.done) / rate : Number.NaN;
  return `${rate.toFixed(1)} cases/s  ${p.passed} passed${p.errors ? `  ${p.errors} errors` : ''}  ETA ${clock(eta)}`;
}

/** Write the report files; called by runEval with the store open. */
export async function writeEvalReports(done: FinishedRun, files: EvalReportFiles): Promise<string[]> {
  const written: string[] = [];
  if (files.json) {
    const gate = done.gate ? { checks: done.gate.checks, results: done.gate.results } : undefined;
    await writeFile(files.json, renderEvalJson({ version: getVersion(), run: done.meta, ...done.summary, ...(gate ? { gate } : {}) }));
    written.push(files.json);
  }
  if (files.junit) {
    await writeEvalJunit(files.junit, { models: done.meta.models, name: `modelgate eval ${done.meta.id}`, rowsFor: (model) => done.store.iterateResults(done.meta.id, { model }) });
    written.push(files.junit);
  }
  if (files.html) {
    const { meta, summary, store } = done;
    await writeEvalHtml(files.html, {
      ...summary,
      run: meta,
      ...(meta.baseline !== undefined ? { baseline: meta.baseline } : {}),
      ...(done.gate ? { gate: done.gate.results } : {}),
      rows: store.iterateResults(meta.id),
      version: getVersion(),
      generatedAt: new Date().toISOString(),
    });
    written.push(files.html);
  }
  return written;
}

/** The closing report: table, judge cost, and how to find the run again. */
export function renderEvalResult(r: RunEvalResult): string {
  const lines = [renderEvalTable({ ...r.summary, ...(r.baseline !== undefined ? { baseline: r.baseline } : {}), ...(r.gate ? { gate: r.gate.results } : {}) })];
  lines.push('');
  if (r.judge.calls > 0) lines.push(`judge: ${r.judge.calls} calls, ${usd(r.judge.costUsd)} (not included in the models' cost)`);
  const c = r.counts;
  const cached = c.cached > 0 ? `, ${c.cached} from cache` : '';
  lines.push(`run ${r.runId} ${r.status}: ${c.results} results (${c.passed} passed, ${c.failed} failed, ${c.errors} errors)${cached} in ${(r.durationMs / 1000).toFixed(1)} s (modelgate runs; modelgate compare ${r.runId} <other-run>)`);
  if (r.status === 'interrupted') lines.push('interrupted: the finished results are kept; the gate was not checked');
  return lines.join('\n');
}
