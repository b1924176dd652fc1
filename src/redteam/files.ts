/** Report files of a red-team run, written while the store is open so the HTML page streams rows from it. */
import { writeFile } from 'node:fs/promises';
import type { FinishedRun } from '../eval/index.js';
import { writeEvalHtml } from '../report/index.js';
import { renderRedteamJson } from './render.js';
import type { RedteamFigures } from './run.js';

/** Which files to write. */
export interface RedteamFiles {
  json?: string;
  html?: string;
}

/** Write `--json` (the red-team figures) and `--html` (the eval report of the run, grouped by category). */
export async function writeRedteamFiles(done: FinishedRun, report: RedteamFigures, files: RedteamFiles, version: string): Promise<void> {
  if (files.json) await writeFile(files.json, renderRedteamJson(report, version));
  if (files.html) {
    const { meta, summary, store } = done;
    await writeEvalHtml(files.html, { ...summary, run: meta, ...(meta.baseline !== undefined ? { baseline: meta.baseline } : {}), rows: store.iterateResults(meta.id), version, generatedAt: new Date().toISOString() });
  }
}
