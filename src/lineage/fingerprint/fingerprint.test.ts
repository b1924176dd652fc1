import { mkdtemp, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openModel } from '../read/open-model.js';
import { familyWeights, writeHfModel, writeQuantizedGguf } from '../generate/calibration-models.js';
import { fingerprintModel } from './fingerprint.js';
import { layerChoice } from './plan.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('fingerprintModel', () => {
  it.each(['safetensors', 'gguf'])('gives the same fingerprint inline and on workers (%s)', async (format) => {
    const dir = await mkdtemp(join(tmpdir(), 'mg-fp-'));
    dirs.push(dir);
    const w = await familyWeights(5);
    const path = format === 'gguf' ? await writeQuantizedGguf(join(dir, 'm.gguf'), w, 'Q8_0') : await writeHfModel(join(dir, 'm'), w, { name: 'm' });
    const m = await openModel(path);
    const inline = await fingerprintModel(m, { threads: 0 });
    const pooled = await fingerprintModel(m, { threads: 3 });
    expect(pooled).toEqual(inline);
    expect(inline.invariants.length).toBeGreaterThan(0);
    expect(inline.units.length).toBeGreaterThan(0);
  });

  it('fails with the reader\'s message, not a hang, when a file is cut short under it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mg-fp-'));
    dirs.push(dir);
    const path = await writeHfModel(join(dir, 'm'), await familyWeights(6), { name: 'm' });
    const m = await openModel(path);
    const file = join(path, 'model.safetensors');
    await truncate(file, Math.floor((await stat(file)).size / 2));
    await expect(fingerprintModel(m, { threads: 3 })).rejects.toThrow(/unexpected end of file/);
  });

  it('takes the invariant layers from among the unit layers, so gate and up rows are read once', () => {
    expect(layerChoice(17, { grid: 64, probeTokens: 16, invariantLayers: 4, unitLayers: 8, unitColumns: 64, momentRows: 256 })).toEqual({ invariant: new Set([3, 7, 11, 15]), units: new Set([1, 3, 5, 7, 9, 11, 13, 15]) });
    expect(layerChoice(17, { grid: 64, probeTokens: 16, invariantLayers: 4, unitLayers: 2, unitColumns: 64, momentRows: 256 }).invariant).toEqual(new Set([2, 6, 10, 14]));
  });
});
