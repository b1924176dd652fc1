import { describe, expect, it } from 'vitest';
import type { AssertionContext } from './types.js';
import { ASSERTION_TYPES, assertions } from './index.js';
import { compileAssertion, type AssertionSpec } from './compile.js';
import { evaluateAssertions, runAssertion } from './evaluate.js';
import { registerCodeScanner } from './code-safe.js';

function ctx(output: string, extra: Partial<AssertionContext> = {}): AssertionContext {
  return {
    output,
    vars: {},
    prompt: 'p',
    latencyMs: 120,
    costUsd: 0.002,
    costKnown: true,
    tokens: { prompt: 10, completion: 5 },
    cached: false,
    model: 'm',
    graders: { complete: async () => ({ ok: false, message: 'no judge in this test' }) },
    ...extra,
  };
}

async function check(spec: AssertionSpec, output: string, extra: Partial<AssertionContext> = {}) {
  const c = compileAssertion(spec);
  if (!c.ok) throw new Error(c.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return runAssertion(c.assertion, ctx(output, extra));
}

describe('assertion table', () => {
  it('has one descriptor per type, keyed by its own type', () => {
    expect(Object.keys(assertions).sort()).toEqual([...ASSERTION_TYPES].sort());
    for (const [k, d] of Object.entries(assertions)) expect(d.type).toBe(k);
  });
});

describe('text assertions', () => {
  it('equals, contains and friends', async () => {
    expect((await check({ type: 'equals', value: 'Paris' }, 'Paris')).pass).toBe(true);
    expect((await check({ type: 'equals', value: 'Paris' }, 'paris')).pass).toBe(false);
    expect((await check({ type: 'equals', value: { a: 1, b: [2] } }, '{"b":[2],"a":1}')).pass).toBe(true);
    expect((await check({ type: 'contains', value: 'is' }, 'This is it')).pass).toBe(true);
    expect((await check({ type: 'icontains', value: 'PARIS' }, 'paris!')).pass).toBe(true);
    expect((await check({ type: 'contains-any', value: 'x, y, Paris' }, 'Paris')).pass).toBe(true);
    const all = await check({ type: 'contains-all', value: ['a', 'b', 'c', 'd'] }, 'a b c');
    expect(all).toMatchObject({ pass: false, score: 0.75 });
    expect((await check({ type: 'icontains-all', value: ['A', 'B'] }, 'a b')).pass).toBe(true);
    expect((await check({ type: 'starts-with', value: 'Yes' }, 'Yes, sure')).pass).toBe(true);
    expect((await check({ type: 'regex', value: '^\\d{3}$' }, '123')).pass).toBe(true);
    expect((await check({ type: 'regex', value: 'abc', config: { flags: 'i' } }, 'ABC')).pass).toBe(true);
  });

  it('negates with not- and flips the score', async () => {
    const r = await check({ type: 'not-contains', value: 'sorry' }, 'Sure thing');
    expect(r).toMatchObject({ pass: true, score: 1, reason: expect.stringMatching(/^not: /) });
    expect((await check({ type: 'not-is-refusal' }, "I'm sorry, but I can't help with that.")).pass).toBe(false);
  });

  it('levenshtein and similar thresholds', async () => {
    expect((await check({ type: 'levenshtein', value: 'kitten', threshold: 3 }, 'sitting')).pass).toBe(true);
    expect((await check({ type: 'levenshtein', value: 'kitten', threshold: 2 }, 'sitting')).pass).toBe(false);
    expect((await check({ type: 'levenshtein', value: 'a'.repeat(50) }, 'b'.repeat(5000))).pass).toBe(false);
    const sim = await check({ type: 'similar', value: 'The capital of France is Paris', threshold: 0.6 }, 'Paris is the capital of France');
    expect(sim.pass).toBe(true);
    expect(sim.reason).toContain('lexical');
    expect((await check({ type: 'similar', value: 'completely different words', threshold: 0.8 }, 'zebra')).pass).toBe(false);
  });
});

describe('structured and metered assertions', () => {
  it('is-json with and without a schema; contains-json finds fenced JSON', async () => {
    expect((await check({ type: 'is-json' }, '{"a":1}')).pass).toBe(true);
    expect((await check({ type: 'is-json' }, 'nope')).pass).toBe(false);
    const schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };
    expect((await check({ type: 'is-json', value: schema }, '{"n":3}')).pass).toBe(true);
    const bad = await check({ type: 'is-json', value: schema }, '{"n":"x"}');
    expect(bad.pass).toBe(false);
    expect(bad.reason).toContain('n:');
    expect((await check({ type: 'contains-json', value: schema }, 'Here:\n```json\n{"n": 1}\n```')).pass).toBe(true);
  });

  it('javascript returns booleans, scores or verdicts; a throw is unevaluated', async () => {
    expect((await check({ type: 'javascript', value: "output.includes('ok')" }, 'ok')).pass).toBe(true);
    expect(await check({ type: 'javascript', value: 'output.length / 10', threshold: 0.5 }, 'abcdef')).toMatchObject({ pass: true, score: 0.6 });
    expect((await check({ type: 'javascript', value: 'return { pass: false, score: 0.2, reason: "meh" };\n' }, 'x')).reason).toBe('meh');
    expect(await check({ type: 'javascript', value: 'context.vars.n === 2' }, 'x', { vars: { n: 2 } })).toMatchObject({ pass: true });
    expect(await check({ type: 'javascript', value: 'nope.nope' }, 'x')).toMatchObject({ pass: false, error: true });
  });

  it('latency and cost limits; unknown cost cannot be evaluated', async () => {
    expect((await check({ type: 'latency', threshold: 100 }, 'x')).pass).toBe(false);
    expect((await check({ type: 'latency', threshold: 500 }, 'x')).pass).toBe(true);
    expect((await check({ type: 'cost', threshold: 0.01 }, 'x')).pass).toBe(true);
    expect(await check({ type: 'cost', threshold: 0.01 }, 'x', { costKnown: false })).toMatchObject({ error: true });
  });

  it('code-safe reports "no code scanner installed" until one is registered', async () => {
    expect(await check({ type: 'code-safe' }, 'rm -rf /')).toMatchObject({ pass: false, error: true, reason: 'no code scanner installed' });
    const prev = registerCodeScanner((code) => ({ pass: !code.includes('rm -rf'), score: 1, reason: 'scanned' }));
    try {
      expect((await check({ type: 'code-safe' }, 'rm -rf /')).pass).toBe(false);
      expect((await check({ type: 'code-safe' }, 'print(1)')).pass).toBe(true);
    } finally {
      registerCodeScanner(prev);
    }
  });
});

describe('llm-rubric', () => {
  const judge = (text: string, costUsd = 0.001): AssertionContext['graders'] => ({ complete: async () => ({ ok: true, value: { text, costUsd } }) });
  it('reads the judge verdict and reports its cost apart', async () => {
    const r = await check({ type: 'llm-rubric', value: 'is polite' }, 'hello', { graders: judge('{"reason":"polite","pass":true,"score":0.9}') });
    expect(r).toMatchObject({ pass: true, score: 0.9, judgeCostUsd: 0.001 });
    const t = await check({ type: 'llm-rubric', value: 'is polite', threshold: 0.95 }, 'hello', { graders: judge('```json\n{"pass":true,"score":0.9}\n```') });
    expect(t.pass).toBe(false);
  });
  it('is unevaluated when the judge is missing or answers nonsense', async () => {
    expect(await check({ type: 'llm-rubric', value: 'x' }, 'y')).toMatchObject({ error: true });
    expect(await check({ type: 'llm-rubric', value: 'x' }, 'y', { graders: judge('I think it is fine') })).toMatchObject({ error: true });
  });
});

describe('compile and evaluate', () => {
  it('rejects unknown types with a suggestion, and bad options with paths', () => {
    expect(compileAssertion({ type: 'containz', value: 'x' })).toMatchObject({ ok: false, issues: [{ path: ['type'], message: 'unknown assertion "containz" (did you mean "contains"?)' }] });
    expect(compileAssertion({ type: 'latency' })).toMatchObject({ ok: false, issues: [{ path: ['threshold'] }] });
  });

  it('gives the test judge to llm-rubric only (similar with a provider means embeddings)', () => {
    const rubric = compileAssertion({ type: 'llm-rubric', value: 'x' }, { provider: 'judge:m' });
    const sim = compileAssertion({ type: 'similar', value: 'x' }, { provider: 'judge:m' });
    expect(rubric.ok && rubric.assertion.options).toMatchObject({ provider: 'judge:m' });
    expect(sim.ok && (sim.assertion.options as { provider?: string }).provider).toBeUndefined();
  });

  it('renders templated values per case', async () => {
    const c = compileAssertion({ type: 'contains', value: '{{ expected }}' });
    if (!c.ok) throw new Error('compile');
    expect((await runAssertion(c.assertion, ctx('Paris', { vars: { expected: 'Paris' } }))).pass).toBe(true);
    expect((await runAssertion(c.assertion, ctx('Paris', { vars: { expected: 'Rome' } }))).pass).toBe(false);
  });

  it('combines weights, thresholds and errors into the case verdict', async () => {
    const list = (specs: AssertionSpec[]) => specs.map((s) => {
      const c = compileAssertion(s);
      if (!c.ok) throw new Error('compile');
      return c.assertion;
    });
    const a = list([{ type: 'contains', value: 'a', weight: 3 }, { type: 'contains', value: 'z' }, { type: 'contains', value: 'q', weight: 0 }]);
    expect(await evaluateAssertions(a, ctx('abc'))).toMatchObject({ pass: false, score: 0.75 });
    expect(await evaluateAssertions(a, ctx('abc'), 0.7)).toMatchObject({ pass: true, score: 0.75 });
    const e = await evaluateAssertions(list([{ type: 'contains', value: 'a' }, { type: 'code-safe' }]), ctx('abc'));
    expect(e).toMatchObject({ pass: false, score: 0, error: 'code-safe: no code scanner installed' });
    expect(await evaluateAssertions([], ctx('x'))).toMatchObject({ pass: true, score: 1 });
  });
});
