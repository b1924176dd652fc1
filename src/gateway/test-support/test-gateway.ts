/**
 * Build a gateway for tests: a config from a `gateway:` routes object whose
 * targets name the `fake` provider (pointed at fake upstreams on 127.0.0.1),
 * in-memory access with an admin key, listening on an ephemeral loopback port.
 */
import { WrittenConfigSchema, type Config } from '../../core/config/config.schema.js';
import { createGateway, type Gateway } from '../create-gateway.js';
import type { GatewayLogger, GatewayOptions } from '../types.js';
import { memoryAccess } from '../access/memory-access.js';
import { memoryShadowSink } from './memory-shadow.js';

/** The admin key tests send. */
export const ADMIN_KEY = 'mg-test-admin-key';

/** A running test gateway. */
export interface TestGateway {
  gw: Gateway;
  url: string;
  access: ReturnType<typeof memoryAccess>;
  shadow: ReturnType<typeof memoryShadowSink>;
  logs: { level: string; event: string; fields: Record<string, unknown> | undefined }[];
  close(): Promise<void>;
}

/** Providers `up0`, `up1`, … for each upstream URL (OpenAI-compatible, key from FAKE_KEY). */
export function fakeProviders(urls: readonly string[]): Config['providers'] {
  return Object.fromEntries(urls.map((u, i) => [`up${i}`, { type: 'openai-compatible' as const, base_url: `${u}/v1`, api_key_env: 'FAKE_KEY', retries: 0 }]));
}

/** Start a gateway over `routes` (the written `gateway.routes`) and `upstreams`. */
export async function startTestGateway(routes: Record<string, unknown>, upstreams: readonly string[], o: Partial<GatewayOptions> & { server?: Record<string, unknown>; models?: Record<string, unknown> } = {}): Promise<TestGateway> {
  const config = WrittenConfigSchema.parse({
    version: 1,
    models: o.models ?? {},
    providers: fakeProviders(upstreams),
    gateway: { server: { admin_key_env: 'MG_ADMIN', ...o.server }, routes },
  });
  const access = memoryAccess();
  const shadow = memoryShadowSink();
  const logs: TestGateway['logs'] = [];
  const logger: GatewayLogger = {
    info: (event, fields) => void logs.push({ level: 'info', event, fields }),
    warn: (event, fields) => void logs.push({ level: 'warn', event, fields }),
    error: (event, fields) => void logs.push({ level: 'error', event, fields }),
  };
  const gw = await createGateway({ config, access, logger, shadowSink: shadow, env: { MG_ADMIN: ADMIN_KEY, FAKE_KEY: 'sk-upstream-secret' }, maxBackoffMs: 20, ...o });
  const addr = await gw.listen(0, '127.0.0.1');
  return { gw, url: `http://127.0.0.1:${addr.port}`, access, shadow, logs, close: () => gw.close(2_000) };
}
