// The behavioural contract of Store, run unchanged against SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseResult } from '../eval/types.js';
import { PAGE_SIZE } from './result-pages.js';
import { makeResult, makeResults, makeRun } from './test-support/fixtures.js';
import { dialectCases } from './test-support/harness.js';
import type { StoreHarness } from './test-support/harness.js';
import type { RunSummaryRecord, Store } from './types.js';

const cases = await dialectCases();

async function collect(iterable: AsyncIterable<CaseResult>): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

const byKey = (a: CaseResult, b: CaseResult): number =>
  a.caseIndex - b.caseIndex || (a.promptId < b.promptId ? -1 : a.promptId > b.promptId ? 1 : 0) ||
  (a.model < b.model ? -1 : a.model > b.model ? 1 : 0) || a.repeat - b.repeat;

const summary: RunSummaryRecord = {
  models: [
    {
      model: 'candidate', cases: 10, passRate: { value: 0.8, low: 0.5, high: 0.95 }, meanScore: { value: 0.7, low: 0.6, high: 0.8 },
      errors: 1, costUsd: { total: 0.01, perCase: 0.001 }, latencyMs: { p50: 120, p95: 180 }, tokens: { prompt: 200, completion: 400, estimated: false },
    },
  ],
  comparisons: [],
};

describe.each(cases)('%s store', (dialect, makeHarness, skip) => {
  describe.skipIf(skip !== undefined)('behaviour', () => {
    let h: StoreHarness;
    let store: Store;
    let clock = 0;
    const now = (): Date => new Date(Date.UTC(2025, 5, 1) + 1000 * clock++);

    beforeEach(async () => {
      h = await makeHarness();
      store = await h.open({ now });
    });
    afterEach(async () => {
      await store.close();
      await h.cleanup();
    });

    it('creates a run and reads it back with zero counts', async () => {
      await store.createRun(makeRun(1));
      const run = await store.getRun('run-1');
      expect(run).toEqual({ ...makeRun(1), status: 'running', counts: { results: 0, passed: 0, errors: 0 } });
      expect(run).not.toHaveProperty('finishedAt');
      expect(await store.getRun('missing')).toBeUndefined();
      await expect(store.createRun(makeRun(1))).rejects.toMatchObject({ code: 'MG_EXISTS' });
    });

    it('appends in batches and keeps the counts in step', async () => {
      await store.createRun(makeRun(1));
      const all = makeResults('run-1', 1_000);
      for (let i = 0; i < all.length; i += 300) await store.appendResults(all.slice(i, i + 300));
      await store.appendResults([]);
      const expected = { results: 1_000, passed: all.filter((r) => r.pass).length, errors: all.filter((r) => r.error).length };
      expect((await store.getRun('run-1'))?.counts).toEqual(expected);
      // A batch re-sent after an ambiguous failure is harmless: stored rows are kept and not counted twice.
      await store.appendResults(all.slice(0, 50));
      expect((await store.getRun('run-1'))?.counts).toEqual(expected);
    });

    it('rejects results for an unknown run and writes nothing from that batch', async () => {
      await store.createRun(makeRun(1));
      const batch = [...makeResults('run-1', 5), makeResult('run-9', 0)];
      await expect(store.appendResults(batch)).rejects.toMatchObject({ code: 'MG_INPUT_NOT_FOUND' });
      expect((await store.getRun('run-1'))?.counts.results).toBe(0);
      expect(await collect(store.iterateResults('run-1'))).toEqual([]);
    });

    it('finishes a run with its summary; listings leave the summary out', async () => {
      await store.createRun(makeRun(1));
      await store.finishRun('run-1', 'completed', summary);
      const run = await store.getRun('run-1');
      expect(run).toMatchObject({ status: 'completed', summary, finishedAt: expect.stringMatching(/^2025-06-01T/) });
      expect((await store.listRuns())[0]).not.toHaveProperty('summary');
      // Finishing again without a summary keeps the stored one.
      await store.finishRun('run-1', 'interrupted');
      expect(await store.getRun('run-1')).toMatchObject({ status: 'interrupted', summary });
      await expect(store.finishRun('nope', 'failed')).rejects.toMatchObject({ code: 'MG_INPUT_NOT_FOUND' });
    });

    it('lists runs newest first, with limit and kind filters', async () => {
      await store.createRun(makeRun(2));
      await store.createRun(makeRun(5, { kind: 'redteam' }));
      await store.createRun(makeRun(3));
      // An offset timestamp sorts by instant, not by text.
      await store.createRun(makeRun(4, { startedAt: '2025-01-01T01:01:00+02:00' }));
      expect((await store.listRuns()).map((r) => r.id)).toEqual(['run-5', 'run-3', 'run-2', 'run-4']);
      expect((await store.listRuns({ limit: 2 })).map((r) => r.id)).toEqual(['run-5', 'run-3']);
      expect((await store.listRuns({ kind: 'eval' })).map((r) => r.id)).toEqual(['run-3', 'run-2', 'run-4']);
      expect((await store.listRuns({ kind: 'redteam', limit: 5 })).map((r) => r.id)).toEqual(['run-5']);
    });

    it('iterates in (case, prompt, model, repeat) order across pages, with filters', async () => {
      await store.createRun(makeRun(1));
      const all = makeResults('run-1', 2 * PAGE_SIZE + 123);
      all.push({ ...makeResult('run-1', 0), promptId: 'P-upper', repeat: 1 }, { ...makeResult('run-1', 1), repeat: 2 });
      const shuffled = [...all].sort((a, b) => ((a.vars['n'] as number) * 7919) % 97 - ((b.vars['n'] as number) * 7919) % 97);
      for (let i = 0; i < shuffled.length; i += 400) await store.appendResults(shuffled.slice(i, i + 400));
      const sorted = [...all].sort(byKey);
      expect(await collect(store.iterateResults('run-1'))).toEqual(sorted);
      expect(await collect(store.iterateResults('run-1', { model: 'baseline' }))).toEqual(sorted.filter((r) => r.model === 'baseline'));
      expect(await collect(store.iterateResults('run-1', { failedOnly: true }))).toEqual(sorted.filter((r) => !r.pass || r.error));
      expect(await collect(store.iterateResults('run-1', { caseIndex: 7, model: 'candidate' }))).toEqual(
        sorted.filter((r) => r.caseIndex === 7 && r.model === 'candidate'),
      );
      expect(await collect(store.iterateResults('other-run'))).toEqual([]);
    });

    it('round-trips every field, optional ones included or absent', async () => {
      await store.createRun(makeRun(1));
      const [full, bare, errored] = [makeResult('run-1', 3), makeResult('run-1', 4), makeResult('run-1', 10)];
      expect(full).toHaveProperty('ttftMs');
      expect(errored.output).toBeNull();
      await store.appendResults([full, bare, errored] as CaseResult[]);
      const back = await collect(store.iterateResults('run-1'));
      expect(back).toEqual([full, bare, errored].sort(byKey));
      expect(back.find((r) => r.caseIndex === 2 && r.model === 'candidate')).not.toHaveProperty('ttftMs');
    });

    it('stores a NUL character in model output (PostgreSQL as U+FFFD, since its text type cannot hold it)', async () => {
      await store.createRun(makeRun(1));
      const r = { ...makeResult('run-1', 1), output: 'a\u0000b', vars: { raw: 'x\u0000y' } };
      await store.appendResults([r]);
      const [back] = await collect(store.iterateResults('run-1'));
      expect(back?.output).toBe(dialect === 'sqlite' ? 'a\u0000b' : 'a\uFFFDb');
      expect(back?.vars).toEqual({ raw: 'x\u0000y' });
    });

    it('can write while a results iteration is in progress', async () => {
      await store.createRun(makeRun(1));
      await store.createRun(makeRun(2));
      await store.appendResults(makeResults('run-1', PAGE_SIZE + 10));
      let copied = 0;
      for await (const r of store.iterateResults('run-1', { failedOnly: true })) {
        await store.appendResults([{ ...r, runId: 'run-2' }]);
        copied += 1;
      }
      expect((await store.getRun('run-2'))?.counts.results).toBe(copied);
    });

    it('gets, sets and overwrites cached responses', async () => {
      expect(await store.cacheGet('k1')).toBeUndefined();
      await store.cacheSet('k1', { choices: [{ text: 'hi' }], usage: { prompt_tokens: 3 } });
      const first = await store.cacheGet('k1');
      expect(first?.value).toEqual({ choices: [{ text: 'hi' }], usage: { prompt_tokens: 3 } });
      await store.cacheSet('k1', 'second');
      const second = await store.cacheGet('k1');
      expect(second?.value).toBe('second');
      expect(second!.createdAt > first!.createdAt).toBe(true);
      await store.cacheSet('k2', null);
      expect(await store.cacheGet('k2')).toMatchObject({ value: null });
      await expect(store.cacheSet('k3', undefined)).rejects.toThrow(/no JSON form/);
    });

    it('reopens and reads back what was written', async () => {
      await store.createRun(makeRun(1));
      const rows = makeResults('run-1', 250);
      await store.appendResults(rows);
      await store.finishRun('run-1', 'completed', summary);
      await store.cacheSet('k', { a: 1 });
      await store.close();
      store = await h.open();
      expect(await store.getRun('run-1')).toMatchObject({ status: 'completed', summary, counts: { results: 250 } });
      expect(await collect(store.iterateResults('run-1'))).toEqual([...rows].sort(byKey));
      expect((await store.cacheGet('k'))?.value).toEqual({ a: 1 });
    });
  });
});
