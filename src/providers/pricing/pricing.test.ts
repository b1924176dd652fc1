import { describe, expect, it } from 'vitest';
import { computeCost, lookupPrice, modelKeys } from './price.js';
import { DEFAULT_PRICES } from './default-table.js';
import { gpuCost, pricePerMillion, selfHostedCost, ThroughputMeter } from './self-hosted.js';

describe('price lookup', () => {
  it('matches exact ids, aliases, router prefixes and dated snapshots', () => {
    expect(lookupPrice('gpt-4o')).toMatchObject({ input: 2.5, output: 10, cached_input: 1.25, basis: 'table', key: 'gpt-4o' });
    expect(lookupPrice('gpt-4o-2024-08-06')?.key).toBe('gpt-4o');
    expect(lookupPrice('gpt-4o-mini-2024-07-18')?.key).toBe('gpt-4o-mini');
    expect(lookupPrice('openai/gpt-4.1-mini')?.key).toBe('gpt-4.1-mini');
    expect(lookupPrice('claude-sonnet-4-5-20250929')?.key).toBe('claude-sonnet-4-5');
    expect(lookupPrice('claude-opus-4-6')?.input).toBe(5);
    expect(lookupPrice('deepseek-reasoner')?.key).toBe('deepseek-chat');
    expect(lookupPrice('Qwen-Turbo-Latest')?.key).toBe('qwen-turbo');
  });

  it('does not guess: unknown variants have no price', () => {
    expect(lookupPrice('o3-pro')).toBeUndefined();
    expect(lookupPrice('kimi-k2.6')).toBeUndefined();
    expect(lookupPrice('my-finetune')).toBeUndefined();
    expect(modelKeys('openai/GPT-4o-2024-05-13')).toEqual(['openai/gpt-4o-2024-05-13', 'gpt-4o-2024-05-13', 'gpt-4o']);
  });

  it('lets config pricing win over the table', () => {
    expect(lookupPrice('gpt-4o', { config: { input: 1, output: 2 } })).toEqual({ input: 1, output: 2, basis: 'config' });
  });

  it('has a dated table where every entry names a source and a date', () => {
    expect(DEFAULT_PRICES.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [id, e] of Object.entries(DEFAULT_PRICES.models)) {
      expect(e.source, id).toMatch(/https:\/\//);
      expect(e.date, id).toMatch(/^\d{4}/);
      expect(e.output, id).toBeGreaterThanOrEqual(e.input * 0.5);
      if (e.cached_input !== undefined) expect(e.cached_input, id).toBeLessThanOrEqual(e.input);
    }
  });
});

describe('cost', () => {
  const usage = { prompt_tokens: 1_000_000, completion_tokens: 500_000, total_tokens: 1_500_000, cached_tokens: 400_000, source: 'api' as const };

  it('bills fresh input, cached input and output at their own prices', () => {
    const c = computeCost(usage, { input: 2.5, output: 10, cached_input: 1.25, basis: 'table' });
    expect(c.input_usd).toBeCloseTo(0.6 * 2.5, 10);
    expect(c.cached_input_usd).toBeCloseTo(0.4 * 1.25, 10);
    expect(c.output_usd).toBeCloseTo(5, 10);
    expect(c.total_usd).toBeCloseTo(1.5 + 0.5 + 5, 10);
  });

  it('bills cached tokens at the input price when there is no cache price', () => {
    expect(computeCost(usage, { input: 2, output: 8, basis: 'config' }).total_usd).toBeCloseTo(2 + 4, 10);
  });

  it('prices self-hosted time: gpu_hour_usd × gpus × seconds / 3600', () => {
    expect(gpuCost({ gpu_hour_usd: 2, gpus: 4 }, 1800)).toBe(4);
    expect(pricePerMillion({ gpu_hour_usd: 3.6, gpus: 1 }, 1000)).toBeCloseTo(1, 10);
    const c = selfHostedCost({ gpu_hour_usd: 3.6, gpus: 1 }, { prompt_tokens: 750, completion_tokens: 250, total_tokens: 1000, source: 'tokenizer' }, 1000);
    expect(c.total_usd).toBeCloseTo(0.001, 12);
    expect(c.input_usd).toBeCloseTo(0.00075, 12);
    expect(c.basis).toBe('self_hosted');
  });

  it('measures throughput over busy time, counting overlapping requests once', () => {
    let now = 0;
    const m = new ThroughputMeter(() => now);
    const a = m.start();
    now = 500;
    const b = m.start();
    now = 1000;
    a(100);
    now = 2000;
    b(300);
    expect(m.tokensPerSecond()).toBeCloseTo(200, 10); // 400 tokens over 2 busy seconds
    now = 10_000; // idle time does not count
    const c = m.start();
    now = 11_000;
    c(200);
    expect(m.tokensPerSecond()).toBeCloseTo(200, 10);
  });
});
