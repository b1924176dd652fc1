/** `latency`: the call took at most `threshold` milliseconds (as first recorded, for cached responses). */
import { z } from 'zod';
import { defineAssertion, outcome } from './define.js';

export const latencyAssertion = defineAssertion({
  type: 'latency',
  title: 'Latency limit',
  description: 'The model call took at most `threshold` ms. Cached responses keep the latency measured when they were recorded.',
  options: z.object({ threshold: z.number().positive() }),
  run: ({ latencyMs, cached }, { threshold }) =>
    outcome(latencyMs <= threshold, `latency ${Math.round(latencyMs)} ms ${latencyMs <= threshold ? '≤' : '>'} ${threshold} ms${cached ? ' (recorded, served from cache)' : ''}`),
});
