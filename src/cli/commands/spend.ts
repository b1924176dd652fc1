import { Option } from 'commander';
import type { CliCommand } from '../command.js';
import { out } from '../output.js';

interface SpendOpts {
  by: 'key' | 'route' | 'model';
  since?: string;
  json?: boolean;
  config?: string;
  store?: string;
}

/** `modelgate spend`: the gateway's cost ledger, grouped by key, route or model, with totals. */
export const spendCommand: CliCommand = {
  register(program, run) {
    program
      .command('spend')
      .description('what the gateway\'s requests cost, from the ledger, grouped by key, route or model')
      .addOption(new Option('--by <group>', 'group by').choices(['key', 'route', 'model']).default('key'))
      .option('--since <when>', 'from a date (2025-01-31) or a duration back from now (24h, 7d)')
      .option('--json', 'print the report as JSON')
      .option('-c, --config <file>', 'modelgate.yaml (its .modelgate/ folder holds the store)')
      .option('--store <url>', 'store URL (default: SQLite in .modelgate/)')
      .action(
        run(async (o: SpendOpts) => {
          const { spendReport, spendTable } = await import('../../gateway/access/index.js');
          const report = await spendReport({ configPath: o.config, storeUrl: o.store, by: o.by, since: o.since });
          if (o.json) {
            out(JSON.stringify(report, null, 2));
            return 0;
          }
          const label = (g: string) => {
            const k = report.keys?.[g];
            return k ? `${g} (${k.prefix}…${k.name ? ` ${k.name}` : ''})` : g;
          };
          out(`${report.since ? `Since ${report.since}\n` : ''}${spendTable(report.rows, o.by, label)}`);
          return 0;
        }),
      );
  },
};
