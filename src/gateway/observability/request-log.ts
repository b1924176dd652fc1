/**
 * One log line per request, shaped by the route's logging policy: `none`,
 * `metadata` (the default: who, which route and deployment, status, timing,
 * tokens, the fallback path) or `redacted` (metadata plus the request and
 * answer with secrets and personal data replaced). Raw text never gets here:
 * bodies are the redacted ones, and routes that `allow` are redacted for the log.
 */
import type { LoggingMode } from '../../core/config/gateway.schema.js';
import type { LedgerRow } from '../access-types.js';
import type { GatewayLogger } from '../types.js';

const MAX_LOGGED_CHARS = 8 * 1024;

function clip(text: string): string {
  return text.length <= MAX_LOGGED_CHARS ? text : `${text.slice(0, MAX_LOGGED_CHARS)}…(${text.length - MAX_LOGGED_CHARS} more)`;
}

/** Write the request's log line per `mode`. */
export function logRequest(logger: GatewayLogger, mode: LoggingMode, row: LedgerRow, extra: { detectors: string[]; body?: unknown; answer?: string | undefined }): void {
  if (mode === 'none') return;
  const fields: Record<string, unknown> = {
    requestId: row.requestId,
    route: row.route,
    key: row.keyId,
    deployment: row.deployment,
    status: row.status,
    outcome: row.outcome,
    latencyMs: row.latencyMs,
    promptTokens: row.promptTokens,
    completionTokens: row.completionTokens,
    stream: row.stream,
  };
  if (row.fallbackPath) fields.fallbackPath = row.fallbackPath;
  if (extra.detectors.length > 0) fields.redacted = extra.detectors;
  if (mode === 'redacted') {
    if (extra.body !== undefined) fields.request = clip(JSON.stringify(extra.body));
    if (extra.answer !== undefined) fields.answer = clip(extra.answer);
  }
  if (row.status >= 500) logger.warn('request', fields);
  else logger.info('request', fields);
}
