/**
 * startDashboard: what `modelgate dashboard` calls — open the project's store and access
 * services, build the dashboard handler and listen, without the gateway.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../../core/config/load.js';
import { openAccess } from '../../gateway/access/index.js';
import { openStore } from '../../store/index.js';
import { createDashboard, type DashboardOptions } from './create-dashboard.js';

/** Options of startDashboard (the CLI's flags extend these). */
export interface StartDashboardOptions {
  configPath?: string;
  storeUrl?: string;
  port?: number;
  host?: string;
  /** The admin key; default `MODELGATE_ADMIN_KEY`, else the gateway's `admin_key_env`, else a new random one. */
  adminKey?: string;
  env?: Readonly<Record<string, string | undefined>>;
  webRoot?: string;
}

/** A listening dashboard. */
export interface StartedDashboard {
  url: string;
  address: AddressInfo;
  /** Set when no admin key was configured and one was made up for this process. */
  generatedAdminKey: string | undefined;
  server: Server;
  close(): Promise<void>;
}

async function configuredAdminKey(configPath: string, env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  if (env['MODELGATE_ADMIN_KEY']) return env['MODELGATE_ADMIN_KEY'];
  try {
    const variable = (await loadConfig(configPath)).gateway?.server.admin_key_env;
    return variable ? env[variable] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Start the dashboard.
 * @example const d = await startDashboard({ configPath: 'modelgate.yaml', port: 4100 });
 */
export async function startDashboard(o: StartDashboardOptions = {}): Promise<StartedDashboard> {
  const configPath = resolve(o.configPath ?? 'modelgate.yaml');
  const projectDir = dirname(configPath);
  const stateDir = join(projectDir, '.modelgate');
  const env = o.env ?? process.env;
  const configured = o.adminKey ?? (await configuredAdminKey(configPath, env));
  const generatedAdminKey = configured ? undefined : `mg_admin_${randomBytes(18).toString('base64url')}`;
  const store = await openStore(o.storeUrl, { stateDir });
  const access = await openAccess({ store, stateDir, env: {} });
  const handle = await createDashboard({ projectDir, store, access, adminKey: configured ?? generatedAdminKey, ...(o.webRoot ? { webRoot: o.webRoot } : {}) });
  const server = createServer((req, res) => void handle(req, res));
  const host = o.host ?? '127.0.0.1';
  const address = await new Promise<AddressInfo>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port ?? 4100, host, () => ok(server.address() as AddressInfo));
  });
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    address,
    generatedAdminKey,
    server,
    close: async () => {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await access.close();
      await store.close();
    },
  };
}

/** A dashboard mounted in another server (the gateway), with the store it opened. */
export interface MountedDashboard {
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  close(): Promise<void>;
}

/**
 * The dashboard for `modelgate serve`: it shares the gateway's keys and ledger and opens
 * the project's store for runs and traffic.
 */
export async function mountDashboard(o: { access: DashboardOptions['access']; projectDir: string; adminKey: string | undefined; storeUrl?: string | undefined; onError?: (e: unknown) => void }): Promise<MountedDashboard> {
  const store = await openStore(o.storeUrl, { stateDir: join(o.projectDir, '.modelgate') });
  const handle = await createDashboard({ projectDir: o.projectDir, store, access: o.access, adminKey: o.adminKey, ...(o.onError ? { onError: o.onError } : {}) });
  return { listener: (req, res) => void handle(req, res), close: () => store.close() };
}
