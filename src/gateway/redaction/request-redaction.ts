/**
 * A route's redaction policy applied to a parsed request: `redact` swaps
 * secrets and personal data for placeholders before anything leaves the
 * gateway, `block` refuses the request naming the detectors, `allow` passes
 * it through. The placeholders map travels with the request so the answer
 * can be restored.
 */
import { redactJson } from '../../guard/index.js';
import { ApiError } from '../errors.js';
import type { RedactionPolicy } from '../routing/route-state.js';

/** The request after redaction. */
export interface RedactedRequest {
  body: Record<string, unknown>;
  /** Placeholder → original; empty when nothing was replaced. */
  replacements: ReadonlyMap<string, string>;
  /** Detector ids that fired (for the ledger-free log line and metrics). */
  detectors: string[];
}

const NOTHING: ReadonlyMap<string, string> = new Map();

/**
 * Apply the policy; throws a 400 naming the detectors in `block` mode.
 * @example const { body, replacements } = applyRedaction(route.redaction, parsed);
 */
export function applyRedaction(policy: RedactionPolicy, body: Record<string, unknown>): RedactedRequest {
  if (policy.mode === 'allow') return { body, replacements: NOTHING, detectors: [] };
  const r = redactJson(body, policy.detectors ? { detectors: policy.detectors } : {});
  if (r.findings.length === 0) return { body, replacements: NOTHING, detectors: [] };
  const detectors = [...new Set(r.findings.map((f) => f.ruleId))];
  if (policy.mode === 'block') {
    const where = [...new Set(r.findings.map((f) => f.location?.key).filter((k): k is string => typeof k === 'string'))].slice(0, 5);
    throw new ApiError(400, 'invalid_request_error', 'content_blocked', `Request blocked by the gateway's redaction policy: it contains ${detectors.join(', ')}${where.length > 0 ? ` (in ${where.join(', ')})` : ''}.`, where[0] ?? null);
  }
  return { body: r.value, replacements: r.replacements, detectors };
}

/** A copy of a body with secrets and personal data replaced, for log lines of routes that do not redact requests. */
export function redactForLog(body: unknown): unknown {
  return redactJson(body).value;
}
