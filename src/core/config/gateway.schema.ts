/**
 * The `gateway:` section of modelgate.yaml: the server's limits and the
 * routes clients name as `model`, each mapped to weighted deployments,
 * ordered fallbacks, an optional shadow candidate, and per-route redaction,
 * logging and circuit-breaker settings.
 */
import { z } from 'zod';
import { PROVIDER_TYPES } from './provider.schema.js';

/** Why a request moves on to the next deployment. */
export const FALLBACK_REASONS = ['error', 'timeout', 'rate_limited', 'empty', 'refusal'] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** What a route does with secrets and personal data found in a request. */
export const REDACTION_MODES = ['redact', 'block', 'allow'] as const;
export type RedactionMode = (typeof REDACTION_MODES)[number];

/** How much of a request a route's log lines carry. */
export const LOGGING_MODES = ['none', 'metadata', 'redacted'] as const;
export type LoggingMode = (typeof LOGGING_MODES)[number];

/** Route names are what clients send as `model`, and appear in metrics labels. */
export const ROUTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

/** One upstream a route may call. */
export const DeploymentSchema = z.strictObject({
  /** A manifest model name (`models:`) or a provider ref (`PROVIDER_OR_ID:MODEL`). */
  model: z.string().min(1),
  /** Share of first attempts among a route's deployments (canary); default 1. */
  weight: z.number().nonnegative().max(1_000_000).optional(),
  timeout_ms: z.number().int().positive().max(3_600_000).optional(),
  /** Retries on this deployment (with backoff) before moving on; default 0. */
  retries: z.number().int().min(0).max(5).optional(),
  /** For a provider ref: the manifest model it serves, which admission checks. */
  serves: z.string().min(1).optional(),
});
export type Deployment = z.infer<typeof DeploymentSchema>;

/** A route: deployments, fallbacks, shadow, and policies. */
export const RouteSchema = z.strictObject({
  deployments: z.array(DeploymentSchema).min(1),
  fallbacks: z.array(DeploymentSchema).default([]),
  /** A copy of a share of requests goes to `model`; its answer is stored for comparison, never returned. */
  shadow: z.strictObject({ model: z.string().min(1), percent: z.number().min(0).max(100), serves: z.string().min(1).optional() }).optional(),
  redaction: z
    .strictObject({
      mode: z.enum(REDACTION_MODES).default('redact'),
      /** Guard detector ids (`pii/email`, `secret/openai-key`); default: every default detector. */
      detectors: z.array(z.string().min(1)).optional(),
    })
    .default({ mode: 'redact' }),
  logging: z.enum(LOGGING_MODES).default('metadata'),
  circuit_breaker: z
    .strictObject({ failures: z.number().int().positive().max(1000).default(5), cooldown_ms: z.number().int().positive().max(3_600_000).default(30_000) })
    .default({ failures: 5, cooldown_ms: 30_000 }),
  fallback_on: z.array(z.enum(FALLBACK_REASONS)).default(['error', 'timeout', 'rate_limited', 'empty']),
});
export type Route = z.infer<typeof RouteSchema>;

/** Server limits and timeouts. */
export const GatewayServerSchema = z.strictObject({
  port: z.number().int().min(0).max(65535).default(4000),
  host: z.string().min(1).default('127.0.0.1'),
  body_limit_bytes: z.number().int().positive().max(1 << 30).default(4 * 1024 * 1024),
  /** Environment variable holding the admin key (full access, and the only key before any are created). */
  admin_key_env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name').optional(),
  /** Longest a client may take to send its whole request (headers and body). */
  request_timeout_ms: z.number().int().positive().max(3_600_000).default(30_000),
  /** Open connections beyond this are refused. */
  max_connections: z.number().int().positive().max(1_000_000).default(4096),
});
export type GatewayServer = z.infer<typeof GatewayServerSchema>;

/** The whole `gateway:` section. */
export const GatewaySectionSchema = z.strictObject({
  server: GatewayServerSchema.default({ port: 4000, host: '127.0.0.1', body_limit_bytes: 4 * 1024 * 1024, request_timeout_ms: 30_000, max_connections: 4096 }),
  routes: z.record(z.string().regex(ROUTE_NAME, 'route names use letters, digits and . _ : / -'), RouteSchema).default({}),
});
export type GatewaySection = z.infer<typeof GatewaySectionSchema>;

/** The parts of a config the gateway rule reads (structural, so this file needs nothing from config.schema.ts). */
interface GatewayRuleInput {
  models: Readonly<Record<string, unknown>>;
  providers: Readonly<Record<string, unknown>>;
  gateway?: GatewaySection;
}

/**
 * Config rule: every deployment, fallback and shadow target is a model under
 * `models:` or a provider ref whose provider is declared or a built-in type,
 * and every `serves:` names a model under `models:`.
 */
export function gatewayTargetsDeclared(config: GatewayRuleInput, issues: { path: (string | number)[]; message: string }[]): void {
  const types: readonly string[] = PROVIDER_TYPES;
  for (const [name, route] of Object.entries(config.gateway?.routes ?? {})) {
    const check = (target: { model: string; serves?: string | undefined }, path: (string | number)[]) => {
      const at = target.model.indexOf(':');
      if (at <= 0 && !(target.model in config.models)) {
        issues.push({ path: [...path, 'model'], message: `"${target.model}" is not declared under models: (or write PROVIDER:MODEL)` });
      }
      const provider = at > 0 ? target.model.slice(0, at) : undefined;
      if (provider !== undefined && !(provider in config.providers) && !types.includes(provider)) {
        issues.push({ path: [...path, 'model'], message: `provider "${provider}" is neither declared under providers: nor a provider type` });
      }
      if (target.serves !== undefined && !(target.serves in config.models)) {
        issues.push({ path: [...path, 'serves'], message: `"${target.serves}" is not declared under models:` });
      }
    };
    route.deployments.forEach((d, i) => check(d, ['gateway', 'routes', name, 'deployments', i]));
    route.fallbacks.forEach((d, i) => check(d, ['gateway', 'routes', name, 'fallbacks', i]));
    if (route.shadow) check(route.shadow, ['gateway', 'routes', name, 'shadow']);
    if (route.deployments.every((d) => d.weight === 0)) issues.push({ path: ['gateway', 'routes', name, 'deployments'], message: 'at least one deployment needs a weight above 0' });
  }
}
