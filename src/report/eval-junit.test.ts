import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { row, syntheticRun } from '../eval/stats/test-support/synthetic-run.js';
import type { CaseResult } from '../eval/types.js';
import { junitTestcase, renderEvalJunit, writeEvalJunit } from './eval-junit.js';
import { xmlAttr, xmlText } from './eval-xml.js';
import { findAll, parseXml } from './test-support/xml-check.js';

const hostile = 'bell\u0007 nul\u0000 esc\u001b <tag attr="x"> & \'q\' ]]> lone\ud800 pair😀 \ufffe tab\tnl\n';

const rows: CaseResult[] = [
  row('big', 0, 1, { description: 'capital of "France" & <Spain>' }),
  row('small', 0, 0, {
    pass: false,
    output: hostile,
    assertions: [
      { type: 'contains', pass: false, score: 0, weight: 1, reason: `expected "Paris" in ${hostile}` },
      { type: 'is-json', pass: true, score: 1, weight: 1, reason: 'ok' },
    ],
  }),
  row('big', 1, 1),
  row('small', 1, 0, { output: null, error: { kind: 'timeout', message: 'no answer\u0001 within 30s' } }),
];

describe('XML escaping', () => {
  it('keeps forbidden characters visible and escapes markup', () => {
    expect(xmlText('a\u0007<b>&')).toBe('a\\u0007&lt;b&gt;&amp;');
    expect(xmlAttr('"x"\n\'y\'')).toBe('&quot;x&quot;&#10;&apos;y&apos;');
    expect(xmlText('\ud800x')).toBe('\\ud800x');
    expect(xmlText('😀')).toBe('😀');
  });
});

describe('renderEvalJunit', () => {
  it('writes one testsuite per model and one testcase per row, well-formed', async () => {
    const xml = await renderEvalJunit(rows, { name: 'run <1>' });
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ name: 'run <1>', tests: '4', failures: '1', errors: '1' });
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures, s.attrs.errors])).toEqual([
      ['big', '2', '0', '0'],
      ['small', '2', '1', '1'],
    ]);
    expect(findAll(root, 'testcase')).toHaveLength(4);
    expect(findAll(root, 'testcase')[0]!.attrs.name).toBe('case 0 (prompt p, repeat 0): capital of "France" & <Spain>');
  });

  it('reports assertion reasons as failures and errors as errors', async () => {
    const root = parseXml(await renderEvalJunit(rows));
    const [failure] = findAll(root, 'failure');
    expect(failure!.attrs.message).toBe('1 of 2 assertions failed (score 0.000)');
    expect(failure!.text).toContain('contains: expected "Paris" in bell\\u0007 nul\\u0000');
    expect(failure!.text).toContain('<tag attr="x"> & \'q\' ]]>');
    const [error] = findAll(root, 'error');
    expect(error!.attrs).toEqual({ message: 'no answer\\u0001 within 30s', type: 'timeout' });
    const out = findAll(root, 'system-out').map((e) => e.text);
    expect(out).toContain(hostile.replace('\u0007', '\\u0007').replace('\u0000', '\\u0000').replace('\u001b', '\\u001b').replace('\ud800', '\\ud800').replace('\ufffe', '\\ufffe'));
  });

  it('truncates long outputs', () => {
    const tc = junitTestcase(row('m', 0, 1, { output: 'x'.repeat(5000) }), 100);
    expect(tc).toContain('… [4900 more characters]');
  });

  it('streams a larger run to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mg-junit-'));
    try {
      const all = [...syntheticRun({ cases: 300, repeats: 2, models: [{ name: 'a', passRate: 0.8, costUsd: 0, latencyMs: 200, errorRate: 0.05 }, { name: 'b', passRate: 0.5, costUsd: 0, latencyMs: 50 }] })];
      const file = join(dir, 'junit.xml');
      await writeEvalJunit(file, { models: ['a', 'b'], rowsFor: (m) => all.filter((r) => r.model === m), name: 'synthetic' });
      const root = parseXml(readFileSync(file, 'utf8'));
      expect(findAll(root, 'testcase')).toHaveLength(1200);
      const a = findAll(root, 'testsuite')[0]!;
      const failed = all.filter((r) => r.model === 'a' && !r.pass && !r.error).length;
      expect(Number(a.attrs.failures)).toBe(failed);
      expect(findAll(a, 'failure')).toHaveLength(failed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the XML checker itself', () => {
  it.each([
    ['<a>&#7;</a>', /not allowed/],
    ['<a>\u0007</a>', /not allowed/],
    ['<a><b></a></b>', /mismatched/],
    ['<a x="1" x="2"/>', /duplicate/],
    ['<a x="<"/>', /raw </],
    ['<a>&nbsp;</a>', /unknown entity/],
    ['<a/><b/>', /after the root/],
    ['<a>', /unclosed/],
  ])('rejects %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });
});
