/**
 * Source of the fingerprint worker, run with `new Worker(src, { eval: true })`.
 * It is assembled from the text of the same self-contained kernels the main
 * thread runs, so the code runs from compiled `dist/` and under the test
 * runner alike, with no build-path lookups and no second copy to keep in sync.
 */
import { dequantQ4K, dequantQ6K, dequantize, halfToFloat } from './dequant.js';
import * as job from './tensor-job.js';

/** The worker's JavaScript. */
export function lineageWorkerSource(): string {
  // Every function of the job kernel, so a new helper there cannot be forgotten here.
  const kernel = Object.values(job).filter((v) => typeof v === 'function');
  const fns = [halfToFloat, dequantize, dequantQ4K, dequantQ6K, ...kernel].map((f) => f.toString());
  return `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
// Transpilers may wrap functions in name-keeping helpers; make them no-ops here.
const __name = (f) => f;
const CHUNK_BYTES = ${job.CHUNK_BYTES};
${fns.join('\n')}
const fds = new Map();
parentPort.on('message', (msg) => {
  if (msg.close) { for (const fd of fds.values()) closeSync(fd); fds.clear(); return; }
  try {
    let fd = fds.get(msg.job.path);
    if (fd === undefined) { fd = openSync(msg.job.path, 'r'); fds.set(msg.job.path, fd); }
    const res = runTensorJob(msg.job, (buf, pos) => readSync(fd, buf, 0, buf.length, pos), dequantize);
    const transfer = [res.samples.buffer];
    if (res.projection) transfer.push(res.projection.buffer);
    if (res.units) transfer.push(res.units.buffer);
    parentPort.postMessage({ id: msg.id, result: res }, transfer);
  } catch (e) {
    parentPort.postMessage({ id: msg.id, error: String(e && e.message || e) });
  }
});
`;
}
