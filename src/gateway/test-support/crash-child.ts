/**
 * A gateway in its own process for the crash test: real SQLite ledger (the
 * worker-thread writer) through `openAccess`, one route to the given
 * upstream. Prints `port N` once listening; the test SIGKILLs it under load.
 * Usage: vite-node crash-child.ts UPSTREAM_URL DB_PATH
 */
import { WrittenConfigSchema } from '../../core/config/config.schema.js';
import { openAccess } from '../access/index.js';
import { createGateway } from '../create-gateway.js';
import { fakeProviders, ADMIN_KEY } from './test-gateway.js';

const [upstream = '', dbPath = ''] = process.argv.slice(2);
const config = WrittenConfigSchema.parse({
  version: 1,
  models: {},
  providers: fakeProviders([upstream]),
  gateway: { server: { admin_key_env: 'MG_ADMIN' }, routes: { chat: { deployments: [{ model: 'up0:m' }] } } },
});
const access = await openAccess({ store: `sqlite:${dbPath}`, adminKey: ADMIN_KEY });
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const gw = await createGateway({ config, access, logger: quiet, env: { MG_ADMIN: ADMIN_KEY, FAKE_KEY: 'sk-upstream' } });
const addr = await gw.listen(0, '127.0.0.1');
process.stdout.write(`port ${addr.port}\n`);
