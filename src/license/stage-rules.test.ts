import { describe, expect, it } from 'vitest';
import { licenseRules } from './rules.js';
import { licenseStageRules } from './stage-rules.js';

describe('license stage rules', () => {
  it('have unique ids that do not collide with the identification rules', () => {
    const ids = [...licenseStageRules(), ...licenseRules()].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(licenseStageRules().map((r) => r.id)).toContain('license/unresolved-ancestor');
  });
});
