import { describe, expect, it } from 'vitest';
import { csvRowToTest, expectedCell, objectRowToTest } from './rows.js';
import { looksLikePromptfoo, normalizePromptfoo } from './promptfoo.js';

describe('CSV __expected cells', () => {
  it('reads promptfoo assertion prefixes, thresholds, negation and aliases', () => {
    expect(expectedCell('contains: Paris')).toEqual({ type: 'contains', value: 'Paris' });
    expect(expectedCell('not-icontains:sorry')).toEqual({ type: 'not-icontains', value: 'sorry' });
    expect(expectedCell('similar(0.8): a cat')).toEqual({ type: 'similar', threshold: 0.8, value: 'a cat' });
    expect(expectedCell('grade: is polite')).toEqual({ type: 'llm-rubric', value: 'is polite' });
    expect(expectedCell('fn: output.length < 9')).toEqual({ type: 'javascript', value: 'output.length < 9' });
    expect(expectedCell('is-json')).toEqual({ type: 'is-json' });
  });
  it('treats anything else as an exact answer', () => {
    expect(expectedCell('Paris: the capital')).toEqual({ type: 'equals', value: 'Paris: the capital' });
    expect(expectedCell('42')).toEqual({ type: 'equals', value: '42' });
  });
  it('splits a CSV row into vars, assertions, description, threshold and metadata', () => {
    expect(csvRowToTest({ q: 'x', __expected: 'contains: y', __expected2: '', __description: 'd', __threshold: '0.5', '__metadata:topic': 'geo' })).toEqual({
      vars: { q: 'x' },
      assert: [{ type: 'contains', value: 'y' }],
      description: 'd',
      threshold: 0.5,
      metadata: { topic: 'geo' },
    });
    expect(objectRowToTest({ q: 1 })).toEqual({ vars: { q: 1 } });
    expect(objectRowToTest({ vars: { q: 1 }, assert: [] })).toEqual({ vars: { q: 1 }, assert: [] });
  });
});

describe('promptfoo normalising', () => {
  it('detects promptfoo configs by name or keys', () => {
    expect(looksLikePromptfoo('promptfooconfig.yaml', {})).toBe(true);
    expect(looksLikePromptfoo('suite.yaml', { providers: [] })).toBe(true);
    expect(looksLikePromptfoo('suite.yaml', { providers: [], models: [] })).toBe(false);
  });
  it('expands shorthands and keeps only what changes results', () => {
    const n = normalizePromptfoo({
      prompts: 'hi {{x}}',
      providers: { 'openai:gpt-4o': { config: { temperature: 0 }, delay: 10 } },
      tests: ['file://a.csv', { vars: { x: [1, 2] }, assert: [{ type: 'equals', value: 'x', provider: { id: 'openai:gpt-4o' } }], options: { provider: { id: 'openai:gpt-4o-mini' }, transform: 'x' } }],
      sharing: false,
    });
    expect(n.value).toMatchObject({
      prompts: ['hi {{x}}'],
      providers: [{ id: 'openai:gpt-4o', config: { temperature: 0 } }],
      tests: [{ file: 'a.csv' }, { assert: [{ type: 'equals', value: 'x', provider: 'openai:gpt-4o' }], options: { provider: 'openai:gpt-4o-mini' } }],
    });
    expect(n.issues).toEqual([{ path: ['tests', 1, 'options', 'transform'], message: 'options.transform is not supported' }]);
    const w = n.warnings.join('\n');
    for (const part of ['sharing: ignored', 'providers[0].delay: ignored', 'tests[1].vars.x: promptfoo expands array vars']) expect(w).toContain(part);
  });
});
