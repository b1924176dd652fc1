import { Option } from 'commander';
import type { CliCommand } from '../command.js';
import { err, out } from '../output.js';

interface StoreOpts {
  config?: string;
  store?: string;
  json?: boolean;
}

interface CreateOpts extends StoreOpts {
  name?: string;
  routes: string;
  budget?: string;
  period?: 'total' | 'day' | 'month';
  rpm?: string;
  tpm?: string;
  expires?: string;
  admin?: boolean;
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const where = (o: StoreOpts) => ({ configPath: o.config, storeUrl: o.store });

/** `modelgate keys create|list|revoke`: the gateway's API keys, stored hashed in the project's store. */
export const keysCommand: CliCommand = {
  register(program, run) {
    const keys = program.command('keys').description('create, list and revoke the gateway\'s API keys (stored as SHA-256 hashes)');
    const storeOptions = (c: typeof keys) =>
      c.option('-c, --config <file>', 'modelgate.yaml (its .modelgate/ folder holds the store)').option('--store <url>', 'store URL (default: SQLite in .modelgate/)').option('--json', 'print JSON');
    storeOptions(
      keys
        .command('create')
        .description('create a key; it is printed once and cannot be shown again')
        .requiredOption('--routes <routes>', 'comma-separated routes the key may use, or "*"')
        .option('--name <name>', 'a label for the key')
        .option('--budget <usd>', 'spend limit in USD')
        .addOption(new Option('--period <period>', 'budget period (default total)').choices(['total', 'day', 'month']))
        .option('--rpm <n>', 'requests per minute')
        .option('--tpm <n>', 'tokens per minute')
        .option('--expires <when>', 'expiry: a date (2025-12-31) or a duration (30d, 12h)')
        .option('--admin', 'allow the gateway\'s management endpoints'),
    ).action(
      run(async (o: CreateOpts) => {
        const { createKey, parseExpiry } = await import('../../gateway/access/index.js');
        const spec = { routes: o.routes.split(','), name: o.name, budgetUsd: num(o.budget), budgetPeriod: o.period, rpm: num(o.rpm), tpm: num(o.tpm), admin: o.admin, expiresAt: o.expires === undefined ? undefined : parseExpiry(o.expires, Date.now()) };
        const { key, record } = await createKey({ ...where(o), spec });
        out(o.json ? JSON.stringify({ key, record }, null, 2) : `Created ${record.id} (${record.prefix}…) for routes ${record.routes.join(',')}\n\n  ${key}\n`);
        err('Store this key now: it is shown only once, and only its hash is kept.');
        return 0;
      }),
    );
    storeOptions(keys.command('list').description('list keys (prefixes, limits, status; never secrets)')).action(
      run(async (o: StoreOpts) => {
        const { keysTable, listKeys } = await import('../../gateway/access/index.js');
        const list = await listKeys(where(o));
        out(o.json ? JSON.stringify(list, null, 2) : keysTable(list, Date.now()));
        return 0;
      }),
    );
    storeOptions(keys.command('revoke <idOrPrefix>').description('revoke a key by id or prefix (running gateways stop accepting it within 2 s)')).action(
      run(async (ref: string, o: StoreOpts) => {
        const { revokeKey } = await import('../../gateway/access/index.js');
        const revoked = await revokeKey({ ...where(o), ref });
        if (o.json) out(JSON.stringify({ ref, revoked }));
        else if (revoked) out(`Revoked ${ref}.`);
        else err(`No key matches "${ref}" (see \`modelgate keys list\`).`);
        return revoked ? 0 : 1;
      }),
    );
  },
};
