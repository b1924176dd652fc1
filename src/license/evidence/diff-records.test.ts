import { describe, expect, it } from 'vitest';
import { TEST_LICENSES } from '../../../test/support/license-fixtures.js';
import type { Obligations } from '../types.js';
import { diffObligations, diffRecords } from './diff-records.js';
import type { EvidenceRecord } from './record.js';

function record(over: Partial<EvidenceRecord>): EvidenceRecord {
  const o = TEST_LICENSES['test-permissive'] as Obligations;
  return {
    version: 1,
    model: 'm',
    source: './m',
    revision: 'sha256:1',
    documents: [{ role: 'license', path: 'LICENSE', sha256: 'a'.repeat(64) }],
    license: { id: 'test-permissive', name: 'P', kind: 'catalog', confidence: 0.9 },
    evidence: [],
    obligations: o,
    effective: o,
    ancestors: [],
    status: 'accepted',
    ...over,
  };
}

describe('diffRecords', () => {
  it('is empty when license, obligations and texts are the same (a new revision alone is no change)', () => {
    expect(diffRecords(record({}), record({ revision: 'sha256:2' }))).toEqual([]);
  });

  it('names the license, each own obligation, each inherited one and the text', () => {
    const community = TEST_LICENSES['test-community'] as Obligations;
    const research = TEST_LICENSES['test-research'] as Obligations;
    const after = record({
      license: { id: 'test-community', name: 'C', kind: 'catalog', confidence: 0.9 },
      obligations: community,
      effective: { ...community, commercialUse: research.commercialUse },
      documents: [{ role: 'license', path: 'LICENSE', sha256: 'b'.repeat(64) }],
    });
    const changes = diffRecords(record({}), after);
    expect(changes[0]).toBe('license: test-permissive -> test-community');
    expect(changes).toContain('commercial use: allowed -> conditional (below the user threshold)');
    expect(changes).toContain('user threshold: none -> 1000000 MAU');
    expect(changes).toContain('inherited commercial use: allowed -> not-allowed (research only)');
    expect(changes).not.toContain('inherited user threshold: none -> 1000000 MAU');
    expect(changes.at(-1)).toBe(`license text changed (LICENSE ${'a'.repeat(12)} -> LICENSE ${'b'.repeat(12)})`);
  });

  it('reports obligations appearing or disappearing', () => {
    expect(diffObligations(null, TEST_LICENSES['test-research'] as Obligations)).toEqual(['obligations: unknown -> known']);
    expect(diffObligations(null, null)).toEqual([]);
  });
});
