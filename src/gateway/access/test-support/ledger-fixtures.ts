/** Generated ledger rows for tests, the crash child and the throughput measurement. */
import type { LedgerRow } from '../../access-types.js';

const ROUTES = ['chat', 'embed', 'summarize'];
const MODELS = ['qwen2.5-7b', 'llama-3.1-8b'];

/** Row number `i`: routes and models rotate, every 10th is a 502 after a fallback, every 4th streams. */
export function makeLedgerRow(i: number, overrides: Partial<LedgerRow> = {}): LedgerRow {
  const failed = i % 10 === 9;
  return {
    requestId: `req-${i}`,
    ts: new Date(Date.UTC(2025, 2, 1, 12, 0, 0, i)).toISOString(),
    keyId: `key_${i % 3}`,
    route: ROUTES[i % ROUTES.length] as string,
    deployment: failed ? 'backup' : 'primary',
    model: MODELS[i % MODELS.length] as string,
    promptTokens: 100 + (i % 7),
    completionTokens: failed ? 0 : 50,
    costUsd: failed ? 0 : 0.0002,
    latencyMs: 120 + (i % 40),
    status: failed ? 502 : 200,
    outcome: failed ? 'error' : i % 5 === 0 ? 'fallback' : 'ok',
    fallbackPath: failed ? 'primary:timeout>backup:upstream_5xx' : i % 5 === 0 ? 'primary:timeout>backup:ok' : 'primary:ok',
    stream: i % 4 === 0,
    ...overrides,
  };
}
