import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isModelgateError } from '../../core/errors.js';
import { tempProject } from '../../../test/support/temp-project.js';
import { iterateCases } from './cases.js';
import { loadSuite } from './load.js';
import type { SuiteCase } from './types.js';

async function cases(path: string): Promise<SuiteCase[]> {
  const out: SuiteCase[] = [];
  for await (const c of iterateCases(await loadSuite(path))) out.push(c);
  return out;
}

async function loadError(files: Record<string, string>, name = 'suite.yaml'): Promise<string> {
  const dir = await tempProject(files);
  try {
    await loadSuite(join(dir, name));
  } catch (e) {
    if (isModelgateError(e)) return e.toLine();
    throw e;
  }
  throw new Error('expected the suite to be rejected');
}

describe('modelgate suites', () => {
  it('merges defaults, reads inline tests and data files lazily in order', async () => {
    const dir = await tempProject({
      'suite.yaml': [
        'prompts: ["Q: {{ q }}", { label: chat, messages: [{ role: system, content: "Be brief" }, { role: user, content: "{{ q }}" }] }]',
        'models: [vllm:m]',
        'defaultTest: { vars: { lang: en }, assert: [{ type: latency, threshold: 1000 }] }',
        'tests:',
        '  - vars: { q: one }',
        '    assert: [{ type: contains, value: "1" }]',
        '  - file: rows.csv',
        '    assert: [{ type: is-json }]',
        '  - file: rows.jsonl',
      ].join('\n'),
      'rows.csv': 'q,__expected,__description\ntwo,contains: 2,second\nthree,,\n',
      'rows.jsonl': '{"q":"four"}\n\n{"vars":{"q":"five"},"assert":[{"type":"icontains","value":"V"}],"description":"fifth"}\n',
    });
    const suite = await loadSuite(join(dir, 'suite.yaml'));
    expect(suite.caseCount).toBe(5);
    expect(suite.format).toBe('modelgate');
    expect(suite.prompts.map((p) => p.kind)).toEqual(['text', 'chat']);
    expect(suite.prompts[1]?.render({ q: 'x' })).toEqual([{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'x' }]);
    const all = await cases(join(dir, 'suite.yaml'));
    expect(all.map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
    expect(all.map((c) => c.vars.q)).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(all[1]?.vars.lang).toBe('en');
    expect(all.map((c) => c.assert.map((a) => a.type))).toEqual([
      ['latency', 'contains'],
      ['latency', 'is-json', 'contains'],
      ['latency', 'is-json'],
      ['latency'],
      ['latency', 'icontains'],
    ]);
    expect([all[1]?.description, all[4]?.description]).toEqual(['second', 'fifth']);
    expect(suite.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file, the test index and the field of every problem', async () => {
    const msg = await loadError({
      'suite.yaml': 'prompts: ["{{ q }}"]\ntests:\n  - vars: { q: a }\n  - vars: { q: b }\n  - vars: { q: c }\n  - vars: { q: d }\n    assert:\n      - type: containz\n        value: x\n',
    });
    expect(msg).toMatch(/suite\.yaml: tests\[3\]\.assert\[0\]\.type: unknown assertion "containz".*\(line 8\)/);
    const many = await loadError({ 'suite.yaml': 'prompts: ["{% if x %}"]\ntests:\n  - vars: 3\n  - assert: [{ type: latency }]\nbogus: 1\n' });
    expect(many).toContain('vars');
    expect(many).toContain('bogus');
    const rows = await loadError({ 'suite.yaml': 'prompts: ["{{ q }}"]\ntests: file://rows.jsonl\n', 'rows.jsonl': '{"q":1}\n{"vars":{"q":2},"assert":[{"type":"regexx","value":"x"}]}\nnot json\n' });
    expect(rows).toContain('tests[0] (rows.jsonl row 2): assert[0].type: unknown assertion "regexx"');
    expect(rows).toContain('line 3: not valid JSON');
    expect(await loadError({ 'suite.yaml': 'prompts: ["x"]\ntests: [{ file: missing.csv }]\n' })).toContain('tests[0].file: missing.csv not found');
  });
});

describe('promptfoo configs', () => {
  it('reads promptfooconfig.yaml: providers, defaultTest, file:// tests with __expected, file:// prompts', async () => {
    const dir = await tempProject({
      'promptfooconfig.yaml': [
        'description: pf',
        'prompts: [file://prompts.txt]',
        'providers:',
        '  - id: openai:chat:gpt-4o-mini',
        '    label: mini',
        '    config: { temperature: 0, apiBaseUrl: "http://127.0.0.1:9/v1" }',
        '  - anthropic:messages:claude-3-5-haiku-latest',
        'defaultTest:',
        '  options: { provider: openai:gpt-4o }',
        '  assert: [{ type: llm-rubric, value: "is concise" }]',
        'tests: file://cases.csv',
        'evaluateOptions: { maxConcurrency: 3, showProgressBar: false }',
        'outputPath: out.json',
      ].join('\n'),
      'prompts.txt': 'Translate {{ text }}\n---\nSay {{ text }} in French',
      'cases.csv': 'text,__expected1,__expected2\nhello,icontains: bonjour,grade: is French\nbye,not-contains(2): x,similar(0.5): au revoir\n',
    });
    const suite = await loadSuite(join(dir, 'promptfooconfig.yaml'));
    expect(suite.format).toBe('promptfoo');
    expect(suite.prompts.map((p) => p.label)).toEqual(['prompts.txt#1', 'prompts.txt#2']);
    expect(suite.models.map((m) => [m.ref, m.label])).toEqual([['openai:chat:gpt-4o-mini', 'mini'], ['anthropic:messages:claude-3-5-haiku-latest', undefined]]);
    expect(suite.judge).toBe('openai:gpt-4o');
    expect(suite.concurrency).toBe(3);
    expect(suite.warnings.join('\n')).toContain('outputPath');
    const all = await cases(join(dir, 'promptfooconfig.yaml'));
    expect(all.map((c) => c.assert.map((a) => a.type))).toEqual([
      ['llm-rubric', 'icontains', 'llm-rubric'],
      ['llm-rubric', 'not-contains', 'similar'],
    ]);
  });

  it('reports transforms and scenarios as unsupported', async () => {
    const msg = await loadError(
      { 'promptfooconfig.yaml': 'prompts: [x]\nproviders: [openai:gpt-4o]\nscenarios: []\ntests:\n  - assert: [{ type: equals, value: x, transform: "output.trim()" }]\n' },
      'promptfooconfig.yaml',
    );
    expect(msg).toContain('scenarios: scenarios are not supported');
    expect(msg).toContain('tests[0].assert[0].transform: assertion transform is not supported');
  });
});
