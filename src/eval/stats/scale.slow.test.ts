import { describe, expect, it } from 'vitest';
import { renderEvalHtml } from '../../report/eval-html.js';
import { summarizeRun } from './summarize.js';
import { syntheticRunAsync, type SyntheticRunOptions } from './test-support/synthetic-run.js';

const run: SyntheticRunOptions = {
  cases: 100_000,
  models: [
    { name: 'big', passRate: 0.9, costUsd: 0.01, latencyMs: 800 },
    { name: 'small', passRate: 0.85, costUsd: 0.001, latencyMs: 200, errorRate: 0.01 },
    { name: 'local', passRate: 0.7, costUsd: 0, latencyMs: 60 },
  ],
  output: (i) => `a reasonably long answer for case ${i} `.repeat(8),
};

/** Peak of heap plus typed-array memory above the level when sampling starts. */
function memoryProbe(): { sample: () => void; peakMb: () => number } {
  const used = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  global.gc?.();
  const start = used();
  let peak = 0;
  return { sample: () => void (peak = Math.max(peak, used() - start)), peakMb: () => peak / 2 ** 20 };
}

async function* probed<T>(rows: AsyncIterable<T>, sample: () => void): AsyncGenerator<T> {
  let n = 0;
  for await (const r of rows) {
    if (++n % 5000 === 0) sample();
    yield r;
  }
  sample();
}

describe('a 100,000-case run', () => {
  it('summarises 300,000 rows in one pass within 300 MB', { timeout: 240_000 }, async () => {
    const probe = memoryProbe();
    const summary = await summarizeRun(probed(syntheticRunAsync(run), probe.sample), { baseline: 'big' });
    probe.sample();
    expect(summary.models.map((m) => m.cases)).toEqual([100_000, 100_000, 100_000]);
    expect(summary.models[1]!.passRate.value).toBeGreaterThan(0.83);
    expect(summary.models[1]!.passRate.high - summary.models[1]!.passRate.low).toBeLessThan(0.01);
    expect(summary.comparisons[0]!.disagreements.length).toBe(1000);
    expect(summary.comparisons[0]!.disagreementCount).toBeGreaterThan(10_000);
    expect(probe.peakMb()).toBeLessThan(300);
    if (process.env.MG_SCALE_VERBOSE) process.stderr.write(`summary peak ${probe.peakMb().toFixed(1)} MB\n`);

    const html = await renderEvalHtml({ ...summary, rows: probed(syntheticRunAsync(run), probe.sample) });
    expect(html.length).toBeLessThan(5 * 2 ** 20);
    expect(html).toContain('Showing the 2,000 most informative of 300,000 rows');
    expect(probe.peakMb()).toBeLessThan(300);
    if (process.env.MG_SCALE_VERBOSE) process.stderr.write(`with html peak ${probe.peakMb().toFixed(1)} MB, html ${(html.length / 2 ** 20).toFixed(2)} MB\n`);
  });
});
