/**
 * A store client in its own process, for the crash-safety and concurrent
 * migration tests (run with vite-node; this file is a script, not a module
 * anything imports). Usage: `store-child.ts <migrate|write> <url> [schema]`.
 *   migrate: open (which migrates) and print `migrated`.
 *   write:   create run `crash`, then append batches of BATCH rows forever,
 *            printing `committed <total>` after each commit, until killed.
 */
import { openStore } from '../open-store.js';
import { CHILD_BATCH as BATCH, makeResults, makeRun } from './fixtures.js';

const [mode, url, schema] = process.argv.slice(2);
const store = await openStore(url, schema ? { schema } : {});
if (mode === 'migrate') {
  process.stdout.write('migrated\n');
  await store.close();
} else if (mode === 'write') {
  await store.createRun(makeRun(0, { id: 'crash' }));
  for (let total = 0; ; ) {
    await store.appendResults(makeResults('crash', BATCH, total));
    total += BATCH;
    process.stdout.write(`committed ${total}\n`);
  }
} else {
  process.stderr.write(`unknown mode ${String(mode)}\n`);
  process.exitCode = 2;
}
