/**
 * Fingerprint throughput against raw reads: `npx vite-node bench/lineage.ts [GB]`.
 * Writes a BF16 llama-shaped safetensors model of about GB gigabytes in two
 * shards (with model.safetensors.index.json), syncs, warms the page cache,
 * then times `cat FILES > /dev/null` and the fingerprint pass (all signals'
 * inputs, on every core) in alternation, best of three each. The target is
 * fingerprint speed ≥ 0.7 × cat speed.
 */
import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprintModel, openModel } from '../src/lineage/index.js';

const gb = Number(process.argv[2] ?? 2);
const hidden = 2048;
const ff = 5632;
const vocab = 32000;
const perLayer = 4 * hidden * hidden + 3 * hidden * ff;
const layers = Math.max(2, Math.round((gb * 1e9) / 2 / perLayer - (2 * vocab * hidden) / perLayer));
const dir = mkdtempSync(join(tmpdir(), 'mg-lineage-bench-'));

function tensorList(): [string, number[]][] {
  const out: [string, number[]][] = [['model.embed_tokens.weight', [vocab, hidden]]];
  for (let l = 0; l < layers; l++) {
    const p = `model.layers.${l}.`;
    out.push([`${p}self_attn.q_proj.weight`, [hidden, hidden]], [`${p}self_attn.k_proj.weight`, [hidden, hidden]], [`${p}self_attn.v_proj.weight`, [hidden, hidden]], [`${p}self_attn.o_proj.weight`, [hidden, hidden]]);
    out.push([`${p}mlp.gate_proj.weight`, [ff, hidden]], [`${p}mlp.up_proj.weight`, [ff, hidden]], [`${p}mlp.down_proj.weight`, [hidden, ff]], [`${p}input_layernorm.weight`, [hidden]]);
  }
  out.push(['model.norm.weight', [hidden]], ['lm_head.weight', [vocab, hidden]]);
  return out;
}

function writeShard(file: string, tensors: [string, number[]][]): void {
  const header: Record<string, unknown> = {};
  let off = 0;
  for (const [name, shape] of tensors) {
    const bytes = shape.reduce((a, b) => a * b, 1) * 2;
    header[name] = { dtype: 'BF16', shape, data_offsets: [off, off + bytes] };
    off += bytes;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const fd = openSync(file, 'w');
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  writeSync(fd, len);
  writeSync(fd, json);
  const chunk = Buffer.alloc(16 << 20);
  const u16 = new Uint16Array(chunk.buffer, chunk.byteOffset, chunk.length / 2);
  randomFillSync(u16);
  // Keep values finite and small: sign, exponent near 2^-7, random mantissa.
  for (let i = 0; i < u16.length; i++) u16[i] = ((u16[i] as number) & 0x807f) | 0x3c00;
  for (let left = off; left > 0; left -= chunk.length) writeSync(fd, chunk, 0, Math.min(left, chunk.length));
  closeSync(fd);
}

const all = tensorList();
const half = Math.ceil(all.length / 2);
const shards = { 'model-00001-of-00002.safetensors': all.slice(0, half), 'model-00002-of-00002.safetensors': all.slice(half) };
for (const [f, ts] of Object.entries(shards)) writeShard(join(dir, f), ts);
writeFileSync(join(dir, 'model.safetensors.index.json'), JSON.stringify({ weight_map: Object.fromEntries(Object.entries(shards).flatMap(([f, ts]) => ts.map(([n]) => [n, f]))) }));
writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'llama', hidden_size: hidden, num_hidden_layers: layers, num_attention_heads: 16, num_key_value_heads: 16, intermediate_size: ff, vocab_size: vocab }));
const files = Object.keys(shards).map((f) => join(dir, f));

const time = (f: () => void) => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e9;
};
const catAll = () => execFileSync('sh', ['-c', `cat ${files.join(' ')} > /dev/null`]);
try {
  // Let the kernel write the new files back first, so neither measurement shares the machine with writeback.
  execFileSync('sync');
  const m = await openModel(dir);
  const bytes = m.tensors.reduce((a, t) => a + t.shape[0] * t.rowBytes, 0);
  time(catAll);
  // LINEAGE_BENCH_CHEAP drops the invariant and unit layers; LINEAGE_BENCH_EXACT takes moments over every row (reads every byte).
  const budget = { ...(process.env.LINEAGE_BENCH_CHEAP ? { invariantLayers: 0, unitLayers: 0 } : {}), ...(process.env.LINEAGE_BENCH_EXACT ? { momentRows: 0 } : {}) };
  // Alternate the two, best of three each, so both see the same machine (other work on it comes and goes).
  const cats: number[] = [];
  const runs: number[] = [];
  let read = 0;
  for (let i = 0; i < 3; i++) {
    cats.push(time(catAll));
    const t = process.hrtime.bigint();
    read = (await fingerprintModel(m, { budget })).bytesRead;
    runs.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  const cat = Math.min(...cats);
  const fp = Math.min(...runs);
  const mbs = (s: number) => (bytes / s / 1e6).toFixed(0);
  console.log(`model: ${layers} layers, ${(bytes / 1e9).toFixed(2)} GB BF16 in 2 shards`);
  console.log(`cat:         ${cat.toFixed(2)} s  ${mbs(cat)} MB/s`);
  console.log(`fingerprint: ${fp.toFixed(2)} s  ${mbs(fp)} MB/s  (${(cat / fp).toFixed(2)}x of cat; target ≥ 0.70x)`);
  console.log(`bytes read:  ${(read / 1e9).toFixed(2)} GB of ${(bytes / 1e9).toFixed(2)} GB (${((100 * read) / bytes).toFixed(0)}%)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
