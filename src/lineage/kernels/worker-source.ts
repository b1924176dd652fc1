/**
 * Source of the fingerprint worker, run with `new Worker(src, { eval: true, workerData: { wasm } })`.
 * It is assembled from the text of the same self-contained kernels the main
 * thread runs, so the code runs from compiled `dist/` and under the test
 * runner alike, with no build-path lookups and no second copy to keep in sync.
 * Each worker makes one kernel arena and reuses it for every job.
 */
import { dequantQ4K, dequantQ6K, dequantize, halfToFloat } from './dequant.js';
import { createArena } from './simd/arena.js';
import * as js from './simd/js-kernels.js';
import * as job from './tensor-job.js';

const functionsOf = (m: object) => Object.values(m).filter((v): v is (...a: never[]) => unknown => typeof v === 'function');

/** The worker's JavaScript. */
export function lineageWorkerSource(): string {
  // Every function of the kernel modules, so a new helper there cannot be forgotten here.
  const fns = [halfToFloat, dequantize, dequantQ4K, dequantQ6K, createArena, ...functionsOf(js), ...functionsOf(job)].map((f) => f.toString());
  return `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
// Transpilers may wrap functions in name-keeping helpers; make them no-ops here.
const __name = (f) => f;
const CHUNK_BYTES = ${job.CHUNK_BYTES};
const GAP_BYTES = ${job.GAP_BYTES};
const QUANT_LIMIT = ${job.QUANT_LIMIT};
${fns.join('\n')}
const arena = createArena(workerData.wasm, { jsWidenBf16, jsWidenF16, jsMoments, jsProjectIn, jsQuantRows, jsProjectInQ, jsPairRows, jsProjectOutQ });
const fds = new Map();
parentPort.on('message', (msg) => {
  if (msg.close) { for (const fd of fds.values()) closeSync(fd); fds.clear(); return; }
  try {
    let fd = fds.get(msg.job.path);
    if (fd === undefined) { fd = openSync(msg.job.path, 'r'); fds.set(msg.job.path, fd); }
    const res = runTensorJob(msg.job, (buf, pos) => readSync(fd, buf, 0, buf.length, pos), dequantize, arena);
    const transfer = [res.samples.buffer];
    if (res.projection) transfer.push(res.projection.buffer);
    parentPort.postMessage({ id: msg.id, result: res }, transfer);
  } catch (e) {
    parentPort.postMessage({ id: msg.id, error: String(e && e.message || e) });
  }
});
`;
}
