/**
 * The end of every API request, whatever happened: exactly one ledger row,
 * the limits settled with what was really used, metrics and the log line.
 * The returned promise settles once the ledger row is durable: the boundary
 * holds the response's last bytes until then, so a response the client saw
 * complete always has its row, even if the process is killed right after.
 */
import { performance } from 'node:perf_hooks';
import type { LedgerRow } from '../access-types.js';
import type { GatewayCore, RequestFacts } from '../core.js';
import { logRequest } from '../observability/request-log.js';

/** Outcome for a status when the handler did not decide one. */
function outcomeOf(status: number, facts: RequestFacts): LedgerRow['outcome'] {
  if (facts.outcome) return facts.outcome;
  if (status < 400) return facts.fellBack ? 'fallback' : 'ok';
  if (status >= 500 || status === 499) return 'error';
  return 'rejected';
}

/** Record the request. Called once per request by the server's boundary; resolves when the row is durable. */
export function finishRequest(core: GatewayCore, facts: RequestFacts, status: number): Promise<void> {
  const latencyMs = Math.round(performance.now() - facts.startedAt);
  const row: LedgerRow = {
    requestId: facts.requestId,
    ts: new Date(core.clock.now()).toISOString(),
    keyId: facts.key?.id,
    route: facts.route,
    deployment: facts.deployment,
    model: facts.model,
    promptTokens: facts.promptTokens,
    completionTokens: facts.completionTokens,
    costUsd: facts.costUsd,
    latencyMs,
    status,
    outcome: outcomeOf(status, facts),
    fallbackPath: facts.fallbackPath,
    stream: facts.stream,
  };
  if (facts.shadow !== undefined) row.shadow = facts.shadow;
  const write = core.access.ledger.record(row).catch((err: unknown) => {
    core.metrics.count('ledger_errors');
    core.logger.error('ledger write failed', { requestId: row.requestId, error: (err as Error).message });
  });
  if (facts.admission) {
    void facts.admission.settle({ tokens: row.promptTokens + row.completionTokens, costUsd: row.costUsd }).catch((err: unknown) => core.logger.warn('limit settle failed', { requestId: row.requestId, error: (err as Error).message }));
  }
  const label = facts.route || '(none)';
  core.metrics.request(label, status, row.outcome, latencyMs / 1000);
  if (row.promptTokens + row.completionTokens > 0) core.metrics.tokensUsed(label, row.promptTokens, row.completionTokens);
  const route = core.routes.get(facts.route);
  logRequest(core.logger, route?.logging ?? 'metadata', row, { detectors: facts.detectors, body: facts.logBody, answer: facts.logAnswer });
  return write;
}
