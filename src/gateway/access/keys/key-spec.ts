/** Checking what `keys create` asks for before a key is minted. */
import { UsageError } from '../../../core/errors.js';
import type { ApiKeyRecord, ApiKeySpec } from '../../access-types.js';

/** The fields of a record that come from the spec. */
export type CheckedSpec = Omit<ApiKeyRecord, 'id' | 'prefix' | 'createdAt' | 'revokedAt'>;

/** Route names: what the gateway config uses as route ids, or `*` for all. */
const ROUTE = /^(\*|[A-Za-z0-9][A-Za-z0-9._:/-]{0,127})$/;

/**
 * Validate a spec and fill defaults (a budget without a period is `total`).
 * Every problem is collected into one UsageError, so the user fixes them in one go.
 */
export function checkKeySpec(spec: ApiKeySpec, nowMs: number): CheckedSpec {
  const problems: string[] = [];
  const routes = [...new Set(spec.routes.map((r) => r.trim()).filter((r) => r.length > 0))];
  if (routes.length === 0) problems.push('give at least one route (or "*" for all)');
  for (const r of routes) if (!ROUTE.test(r)) problems.push(`route "${r}" is not a valid route name`);
  const positiveInt = (name: string, v: number | undefined) => {
    if (v !== undefined && (!Number.isInteger(v) || v <= 0)) problems.push(`${name} must be a positive whole number (got ${v})`);
  };
  positiveInt('rpm', spec.rpm);
  positiveInt('tpm', spec.tpm);
  if (spec.budgetUsd !== undefined && !(Number.isFinite(spec.budgetUsd) && spec.budgetUsd >= 0)) {
    problems.push(`budget must be a number of USD, 0 or more (got ${spec.budgetUsd})`);
  }
  if (spec.budgetPeriod !== undefined && spec.budgetUsd === undefined) problems.push('a budget period needs a budget');
  let expiresAt: string | undefined;
  if (spec.expiresAt !== undefined) {
    const t = Date.parse(spec.expiresAt);
    if (Number.isNaN(t)) problems.push(`expiry "${spec.expiresAt}" is not a date`);
    else if (t <= nowMs) problems.push(`expiry ${spec.expiresAt} is in the past`);
    else expiresAt = new Date(t).toISOString();
  }
  if (problems.length > 0) throw new UsageError(`cannot create the key: ${problems.join('; ')}`);
  const out: CheckedSpec = { routes, admin: spec.admin === true };
  if (spec.name !== undefined && spec.name.trim() !== '') out.name = spec.name.trim();
  if (spec.budgetUsd !== undefined) {
    out.budgetUsd = spec.budgetUsd;
    out.budgetPeriod = spec.budgetPeriod ?? 'total';
  }
  if (spec.rpm !== undefined) out.rpm = spec.rpm;
  if (spec.tpm !== undefined) out.tpm = spec.tpm;
  if (expiresAt !== undefined) out.expiresAt = expiresAt;
  return out;
}

/**
 * Whether a key may use a route: listed by name, or `*`. The gateway answers
 * 403 when this is false (401 is for a missing or invalid key).
 *
 * @example
 * mayUseRoute({ routes: ['chat'] }, 'chat') // true
 */
export function mayUseRoute(key: Pick<ApiKeyRecord, 'routes'>, route: string): boolean {
  return key.routes.includes('*') || key.routes.includes(route);
}
