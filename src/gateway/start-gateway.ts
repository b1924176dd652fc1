/**
 * startGateway: what `modelgate serve` calls. Load the config, admit the
 * routed models (refusing to start, with every reason, unless
 * `allowUngated`), open the access services, build the gateway and listen.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectPaths } from '../artifacts/index.js';
import { loadConfig } from '../core/config/load.js';
import { ConfigError, GateFailedError } from '../core/errors.js';
import { admitRoutes, describeAdmission } from './admission/admit.js';
import type { AdmissionReport } from './admission/types.js';
import { openAccessServices } from './open-access.js';
import { createGateway, type Gateway } from './create-gateway.js';
import { fileShadowSink } from './observability/shadow-file.js';
import type { GatewayAccess, GatewayLogger, GatewayOptions } from './types.js';
import { jsonLogger } from './types.js';

/** Options of startGateway (the CLI's flags extend these). */
export interface StartGatewayOptions {
  configPath?: string;
  port?: number;
  host?: string;
  storeUrl?: string;
  redisUrl?: string;
  /** Serve models that fail admission (development only; warns loudly). */
  allowUngated?: boolean;
  logger?: GatewayLogger;
  env?: Readonly<Record<string, string | undefined>>;
  blobPath?: (sha256: string) => string;
  /** Mount a handler for non-`/v1` paths (the dashboard), built once the access services are open. */
  mount?: (ctx: { access: GatewayAccess; projectDir: string; adminKey: string | undefined }) => Promise<GatewayOptions['fallback']>;
}

/** A started gateway. */
export interface StartedGateway {
  gateway: Gateway;
  address: AddressInfo;
  admission: AdmissionReport;
  /** Lines to print about admission (failures, and the ungated warning). */
  warnings: string[];
  /** Drain, flush and close everything. */
  close(): Promise<void>;
}

/**
 * Start serving.
 * @example const g = await startGateway({ configPath: 'modelgate.yaml', port: 4000 });
 */
export async function startGateway(o: StartGatewayOptions = {}): Promise<StartedGateway> {
  const paths = projectPaths(o.configPath);
  const config = await loadConfig(paths.configPath);
  if (!config.gateway || Object.keys(config.gateway.routes).length === 0) throw new ConfigError('MG_CONFIG_INVALID', paths.configPath, 'no gateway.routes: add a gateway section with at least one route');
  const admission = await admitRoutes(config, { configPath: paths.configPath, ...(o.blobPath ? { blobPath: o.blobPath } : {}) });
  const problems = describeAdmission(admission);
  if (!admission.admitted && !o.allowUngated) throw new GateFailedError(`refusing to serve models that are not admitted:\n${problems.join('\n')}\n(--allow-ungated serves them anyway, for development only)`, paths.configPath);
  const warnings = admission.admitted ? [] : ['WARNING: --allow-ungated: serving models that did NOT pass admission. Do not use this in production.', ...problems];
  const logger = o.logger ?? jsonLogger();
  const env = o.env ?? process.env;
  const adminEnv = config.gateway.server.admin_key_env;
  const access = await openAccessServices({ storeUrl: o.storeUrl, redisUrl: o.redisUrl, stateDir: paths.stateDir, adminKey: adminEnv ? env[adminEnv] : undefined });
  const shadowSink = fileShadowSink(join(paths.stateDir, 'shadow.jsonl'));
  const fallback = o.mount ? await o.mount({ access, projectDir: paths.baseDir, adminKey: adminEnv ? env[adminEnv] : undefined }) : undefined;
  const gateway = await createGateway({ config, access, logger, env, projectDir: paths.baseDir, configFile: paths.configPath, shadowSink, ...(o.blobPath ? { blobPath: o.blobPath } : {}), ...(fallback ? { fallback } : {}) });
  const address = await gateway.listen(o.port ?? config.gateway.server.port, o.host ?? config.gateway.server.host);
  return {
    gateway,
    address,
    admission,
    warnings,
    close: async () => {
      await gateway.close();
      await shadowSink.close();
      await access.close();
    },
  };
}
