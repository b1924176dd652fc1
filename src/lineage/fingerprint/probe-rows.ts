/** The probe tokens' input embeddings: a few rows of the embedding matrix, read on this thread while the workers start. */
import { closeSync, openSync, readSync } from 'node:fs';
import { dequantize } from '../kernels/dequant.js';
import type { OpenedModel } from '../types.js';
import { probeIds } from './plan.js';

/** Embedding rows of the probe tokens (n × hidden) and their ids; undefined when the model has no input embedding. */
export function probeEmbeddings(m: OpenedModel, probeTokens: number): { x: Float32Array; ids: number[] } | undefined {
  const embed = m.tensors.find((t) => t.role === 'embed');
  if (!embed) return undefined;
  const [vocab, hidden] = embed.shape;
  const ids = probeIds(vocab, probeTokens);
  const x = new Float32Array(ids.length * hidden);
  const raw = new Uint8Array(embed.rowBytes);
  const fd = openSync(embed.path, 'r');
  try {
    ids.forEach((id, i) => {
      for (let got = 0; got < raw.length; ) {
        const n = readSync(fd, raw, got, raw.length - got, embed.start + id * embed.rowBytes + got);
        if (n <= 0) throw new Error(`${embed.path}: unexpected end of file in tensor data`);
        got += n;
      }
      dequantize(embed.type, raw, x.subarray(i * hidden, (i + 1) * hidden), hidden);
    });
  } finally {
    closeSync(fd);
  }
  return { x, ids };
}
