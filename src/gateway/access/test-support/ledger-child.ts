/**
 * A gateway's ledger under load, for the crash test (a script run by vite-node, not a module).
 * Usage: `ledger-child.ts <storeUrl> <schema|-> <load|again> [count]`.
 *   load:  record rows req-0, req-1, … with 64 in flight, forever, printing `ok <n>` as each record() resolves.
 *   again: record rows 0..count-1 once more (a replay after a restart), print `done`, exit.
 */
import { openAccess } from '../open-access.js';
import { makeLedgerRow } from './ledger-fixtures.js';

const [url, schema, mode, count] = process.argv.slice(2);
const access = await openAccess({ store: url, ...(schema && schema !== '-' ? { schema } : {}), env: {} });
if (mode === 'load') {
  let next = 0;
  const worker = async (): Promise<never> => {
    for (;;) {
      const n = next++;
      await access.ledger.record(makeLedgerRow(n));
      process.stdout.write(`ok ${n}\n`);
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
} else if (mode === 'again') {
  await Promise.all(Array.from({ length: Number(count) }, (_, n) => access.ledger.record(makeLedgerRow(n))));
  await access.close();
  process.stdout.write('done\n');
} else {
  process.stderr.write(`unknown mode ${String(mode)}\n`);
  process.exitCode = 2;
}
