import type { CliCommand } from '../command.js';
import { out } from '../output.js';

interface RunsOpts {
  limit: string;
  json?: boolean;
  config?: string;
  store?: string;
}

/** `modelgate runs`: recent eval runs from the store, newest first. */
export const runsCommand: CliCommand = {
  register(program, run) {
    program
      .command('runs')
      .description('list recent eval runs in the store (id, status, suite, models, results)')
      .option('-n, --limit <n>', 'how many runs to list', '20')
      .option('--json', 'print the runs as JSON')
      .option('-c, --config <file>', 'modelgate.yaml (its .modelgate/ folder holds the store)')
      .option('--store <url>', 'store URL (default: SQLite in .modelgate/)')
      .action(
        run(async (opts: RunsOpts) => {
          const { listRuns } = await import('../../eval/index.js');
          const { renderRunList } = await import('../render/eval-runs.js');
          const runs = await listRuns({ limit: Math.max(1, Number(opts.limit) || 20), configPath: opts.config, storeUrl: opts.store });
          out(opts.json ? JSON.stringify(runs, null, 2) : renderRunList(runs));
          return 0;
        }),
      );
  },
};
