// The SQLite ledger's WAL is checkpointed in the background, not inside the commits responses wait on.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../store/index.js';
import { openAccess, type AccessServices } from '../open-access.js';
import { makeLedgerRow } from '../test-support/ledger-fixtures.js';

let dir: string | undefined;
let store: Store | undefined;
let access: AccessServices | undefined;
afterEach(async () => {
  await access?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('SQLite ledger checkpoints', () => {
  it('copies committed rows into the database file within about a second, far below the automatic threshold', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mg-ckpt-'));
    const file = join(dir, 'state.db');
    store = await openStore(`sqlite:${file}`);
    access = await openAccess({ store, env: {} });
    const before = statSync(file).size;
    // About 1 MB of WAL: a sixty-fourth of the automatic checkpoint's threshold, so only the checkpointer moves it.
    await Promise.all(Array.from({ length: 3_000 }, (_, i) => access!.ledger.record(makeLedgerRow(i, { requestId: `ckpt-${String(i).padStart(6, '0')}` }))));
    const wal = statSync(`${file}-wal`).size;
    expect(wal).toBeGreaterThan(200_000);
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < before + 200_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(statSync(file).size).toBeGreaterThan(before + 200_000);
  });
});
