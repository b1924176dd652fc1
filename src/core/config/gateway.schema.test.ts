import { describe, expect, it } from 'vitest';
import { parseConfig } from './load.js';
import { gatewayTargetsDeclared, GatewaySectionSchema } from './gateway.schema.js';

describe('gateway config', () => {
  it('fills route defaults', () => {
    const g = GatewaySectionSchema.parse({ routes: { r: { deployments: [{ model: 'vllm:q' }] } } });
    expect(g.server).toMatchObject({ port: 4000, host: '127.0.0.1', body_limit_bytes: 4 * 1024 * 1024 });
    expect(g.routes.r).toMatchObject({ fallbacks: [], redaction: { mode: 'redact' }, logging: 'metadata', circuit_breaker: { failures: 5, cooldown_ms: 30_000 }, fallback_on: ['error', 'timeout', 'rate_limited', 'empty'] });
  });

  it('rejects unknown keys and bad enums with their paths', () => {
    const text = 'version: 1\ngateway:\n  routes:\n    r:\n      deployments: [{ model: x:y }]\n      logging: everything\n';
    expect(() => parseConfig(text, 'm.yaml')).toThrow(/gateway\.routes\.r\.logging/);
  });

  it('flags targets that are neither declared models nor provider refs', () => {
    const issues: { path: (string | number)[]; message: string }[] = [];
    const routes = { r: { deployments: [{ model: 'missing' }], fallbacks: [{ model: 'nowhere:m' }, { model: 'vllm:q', serves: 'ghost' }] } };
    gatewayTargetsDeclared({ models: {}, providers: {}, gateway: GatewaySectionSchema.parse({ routes }) }, issues);
    expect(issues.map((i) => i.path.join('.'))).toEqual(['gateway.routes.r.deployments.0.model', 'gateway.routes.r.fallbacks.0.model', 'gateway.routes.r.fallbacks.1.serves']);
  });
});
