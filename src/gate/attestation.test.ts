import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTESTATION_SCHEMA, attestationPath, readAttestation, revisionFileName, writeAttestation, type Attestation } from './attestation.js';
import { GATE_CHECKS } from './checks/index.js';
import { digestOf } from './digest.js';
import { GATE_CHECK_IDS } from './types.js';

const sample: Attestation = {
  schema: ATTESTATION_SCHEMA,
  model: 'm',
  revision: 'sha256:abc',
  createdAt: '2025-01-01T00:00:00.000Z',
  modelgate: { version: '1.0.0' },
  inputs: { lock: 'sha256:1' },
  checks: [{ id: 'scan', title: 't', status: 'passed', passed: true, summary: 'ok', thresholds: { fail_on: 'high' }, results: null, ranAt: '2025-01-01T00:00:00.000Z', reused: false, digest: 'sha256:2', inputs: { lock: 'sha256:1' } }],
  passed: true,
  reasons: [],
};

describe('attestations', () => {
  it('names revision files portably', () => {
    expect(revisionFileName('sha256:abc')).toBe('sha256-abc');
    expect(revisionFileName('2025-01-01')).toBe('2025-01-01');
    expect(attestationPath('/s', 'm', 'sha256:abc')).toBe(join('/s', 'attestations', 'm', 'sha256-abc.json'));
  });

  it('writes sorted JSON to the revision file and latest.json, and reads it back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mg-att-'));
    const file = await writeAttestation(dir, sample);
    const text = await readFile(file, 'utf8');
    expect(await readFile(join(dir, 'attestations', 'm', 'latest.json'), 'utf8')).toBe(text);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([...Object.keys(sample)].sort());
    expect(await readAttestation(file)).toEqual(sample);
  });

  it('treats a malformed or foreign file as no attestation (nothing is reused)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mg-att-'));
    await writeFile(join(dir, 'a.json'), '{"passed":true}');
    await writeFile(join(dir, 'b.json'), 'not json');
    expect(await readAttestation(join(dir, 'a.json'))).toBeUndefined();
    expect(await readAttestation(join(dir, 'b.json'))).toBeUndefined();
    expect(await readAttestation(join(dir, 'missing.json'))).toBeUndefined();
  });
});

describe('check table and digests', () => {
  it('has one descriptor per id, keyed by its own id', () => {
    expect(Object.keys(GATE_CHECKS).sort()).toEqual([...GATE_CHECK_IDS].sort());
    for (const [id, c] of Object.entries(GATE_CHECKS)) expect(c.id).toBe(id);
  });

  it('digests canonical JSON, so key order does not matter', () => {
    expect(digestOf({ a: 1, b: [1, 2] })).toBe(digestOf({ b: [1, 2], a: 1 }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(digestOf(undefined)).toBe(digestOf(null));
  });
});
