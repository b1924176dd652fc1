import type { CliCommand } from '../command.js';
import { out } from '../output.js';

interface CompareOpts {
  json?: boolean;
  limit: string;
  config?: string;
  store?: string;
}

/** `modelgate compare RUN_A RUN_B`: what changed between two runs, case by case. */
export const compareCommand: CliCommand = {
  register(program, run) {
    program
      .command('compare <runA> <runB>')
      .description('diff two eval runs case by case (ids, unique id prefixes, or latest / previous): regressions, fixes, score changes, paired per model')
      .option('--json', 'print the comparison as JSON')
      .option('-n, --limit <n>', 'case changes listed at most (counts are always complete)', '50')
      .option('-c, --config <file>', 'modelgate.yaml (its .modelgate/ folder holds the store)')
      .option('--store <url>', 'store URL (default: SQLite in .modelgate/)')
      .action(
        run(async (refA: string, refB: string, opts: CompareOpts) => {
          const { findRun, withRunStore } = await import('../../eval/index.js');
          const { compareRuns, renderRunComparison } = await import('../../report/index.js');
          const text = await withRunStore({ configPath: opts.config, storeUrl: opts.store }, async (store) => {
            const [a, b] = [await findRun(store, refA), await findRun(store, refB)];
            const cmp = await compareRuns(store.iterateResults(a.id), store.iterateResults(b.id), { maxChanges: Math.max(1, Number(opts.limit) || 50) });
            if (opts.json) return JSON.stringify({ a: a.id, b: b.id, ...cmp }, null, 2);
            const head = `A = ${a.id} (${a.suitePath}, ${a.startedAt})\nB = ${b.id} (${b.suitePath}, ${b.startedAt})`;
            const note = a.suiteHash !== b.suiteHash ? '\nnote: the runs used different suite contents; cases are matched by index' : '';
            return `${head}${note}\n\n${renderRunComparison(cmp, ['A', 'B'])}`;
          });
          out(text);
          return 0;
        }),
      );
  },
};
