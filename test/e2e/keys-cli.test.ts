// `modelgate keys` and `modelgate spend` end to end: the CLI against a project's SQLite store, and PostgreSQL via --store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openAccess } from '../../src/gateway/access/index.js';
import { makeLedgerRow } from '../../src/gateway/access/test-support/ledger-fixtures.js';
import { dropSchema, pgQuery, probePostgres, uniqueSchema } from '../../src/store/test-support/postgres.js';
import { runCli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const pg = await probePostgres();
if (pg.skip) console.warn(`[modelgate keys e2e] PostgreSQL case skipped: ${pg.skip}`);

describe('modelgate keys / spend (e2e, SQLite)', () => {
  let dir: string;
  let key: string;
  let keyId: string;
  beforeAll(async () => {
    dir = await tempProject({ 'modelgate.yaml': 'version: 1\n' });
  });

  it('creates a key, prints it once with a warning, and never lists the secret', async () => {
    const made = await runCli(['keys', 'create', '--routes', 'chat,embed', '--name', 'ci-bot', '--budget', '5', '--period', 'day', '--rpm', '60', '--tpm', '10000', '--expires', '30d'], dir);
    expect(made.code).toBe(0);
    key = /\b(mg_[0-9A-Za-z]{40})\b/.exec(made.stdout)?.[1] ?? '';
    keyId = /Created (key_\w+)/.exec(made.stdout)?.[1] ?? '';
    expect(key).not.toBe('');
    expect(made.stderr).toMatch(/shown only once/);

    const json = await runCli(['keys', 'create', '--routes', '*', '--admin', '--json'], dir);
    const parsed = JSON.parse(json.stdout) as { key: string; record: { admin: boolean; routes: string[] } };
    expect(parsed.record).toMatchObject({ admin: true, routes: ['*'] });

    const list = await runCli(['keys', 'list'], dir);
    expect(list.stdout).toMatch(/ID\s+PREFIX\s+NAME\s+ROUTES\s+BUDGET/);
    expect(list.stdout).toMatch(new RegExp(`${keyId}\\s+${key.slice(0, 11)}…\\s+ci-bot\\s+chat,embed\\s+\\$5/day\\s+60\\s+10000`));
    const listJson = await runCli(['keys', 'list', '--json'], dir);
    for (const out of [list.stdout, listJson.stdout]) {
      expect(out).not.toContain(key.slice(11));
      expect(out).not.toContain(parsed.key.slice(11));
    }
    expect(JSON.parse(listJson.stdout)).toHaveLength(2);
  });

  it('refuses bad options with exit 2', async () => {
    expect((await runCli(['keys', 'create'], dir)).code).toBe(2); // --routes is required
    expect((await runCli(['keys', 'create', '--routes', 'chat', '--period', 'week'], dir)).code).toBe(2);
    const bad = await runCli(['keys', 'create', '--routes', 'chat', '--rpm', 'lots', '--expires', 'someday'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--expires "someday"/);
  });

  it('reports spend by key, route and model with totals, as text and JSON', async () => {
    const access = await openAccess({ stateDir: join(dir, '.modelgate'), env: {} });
    const ts = new Date().toISOString();
    await Promise.all(Array.from({ length: 20 }, (_, i) => access.ledger.record(makeLedgerRow(i, { keyId: i < 15 ? keyId : undefined, ts }))));
    await access.close();

    const byKey = await runCli(['spend'], dir);
    expect(byKey.code).toBe(0);
    expect(byKey.stdout).toMatch(new RegExp(`${keyId} \\(${key.slice(0, 11)}… ci-bot\\)\\s+15\\s+1\\s`));
    expect(byKey.stdout).toMatch(/\(none\)\s+5\s+1\s/);
    expect(byKey.stdout).toMatch(/TOTAL\s+20\s+2\s+\d+\s+900\s+\$0\.0036/);

    const byModel = await runCli(['spend', '--by', 'model', '--since', '1h', '--json'], dir);
    const report = JSON.parse(byModel.stdout) as { by: string; since: string; rows: { group: string; requests: number }[]; total: { requests: number } };
    expect(report.by).toBe('model');
    expect(report.rows.map((r) => r.group).sort()).toEqual(['llama-3.1-8b', 'qwen2.5-7b']);
    expect(report.total.requests).toBe(20);
    expect((await runCli(['spend', '--since', '2999-01-01'], dir)).stdout).toMatch(/No requests/);
    expect((await runCli(['spend', '--since', 'last tuesday'], dir)).code).toBe(2);
  });

  it('revokes by prefix; an unknown key exits 1', async () => {
    const r = await runCli(['keys', 'revoke', key.slice(0, 11)], dir);
    expect(r.code).toBe(0);
    expect((await runCli(['keys', 'list'], dir)).stdout).toMatch(new RegExp(`${keyId}.*revoked`));
    const none = await runCli(['keys', 'revoke', 'mg_nothing'], dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No key matches "mg_nothing"/);
  });
});

describe.skipIf(pg.skip !== undefined)('modelgate keys / spend (e2e, --store postgres://)', () => {
  const schema = uniqueSchema('keys');
  const url = `${pg.url ?? ''}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  let dir: string;
  beforeAll(async () => {
    dir = await tempProject({});
    await pgQuery(pg.url ?? '', `CREATE SCHEMA ${schema}`);
  });
  afterAll(() => dropSchema(pg.url ?? '', schema));

  it('keeps keys and ledger in PostgreSQL', async () => {
    const made = await runCli(['keys', 'create', '--routes', 'chat', '--store', url, '--json'], dir);
    expect(made.code).toBe(0);
    const { record } = JSON.parse(made.stdout) as { record: { id: string } };
    const rows = await pgQuery(pg.url ?? '', 'SELECT id FROM api_keys', [], schema);
    expect(rows).toEqual([{ id: record.id }]);
    expect((await runCli(['keys', 'list', '--store', url], dir)).stdout).toContain(record.id);
    expect((await runCli(['spend', '--store', url], dir)).stdout).toMatch(/No requests/);
    expect((await runCli(['keys', 'revoke', record.id, '--store', url], dir)).code).toBe(0);
  });
});
