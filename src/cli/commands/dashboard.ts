import { UsageError } from '../../core/errors.js';
import type { StartDashboardOptions } from '../../web/index.js';
import type { CliCommand } from '../command.js';
import { err, out } from '../output.js';

/** Flags as commander hands them over. */
interface DashboardOpts extends Pick<StartDashboardOptions, 'host'> {
  config: string;
  port: string;
  store?: string;
}

/** `modelgate dashboard`: the web dashboard over the project, without the gateway; stops on SIGTERM/SIGINT. */
export const dashboardCommand: CliCommand = {
  register(program, run) {
    program
      .command('dashboard')
      .description('serve the web dashboard (models, runs, traffic, keys) without the gateway; needs the admin key')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .option('--port <port>', 'port', '4100')
      .option('--host <host>', 'address to bind', '127.0.0.1')
      .option('--store <url>', 'store (default: SQLite in .modelgate/)')
      .action(
        run(async (opts: DashboardOpts) => {
          const port = Number(opts.port);
          if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, not "${opts.port}"`);
          const { startDashboard } = await import('../../web/index.js');
          const d = await startDashboard({ configPath: opts.config, port, host: opts.host, storeUrl: opts.store });
          out(`modelgate dashboard on ${d.url}`);
          if (d.generatedAdminKey) out(`admin key (for this process only; set MODELGATE_ADMIN_KEY to choose one): ${d.generatedAdminKey}`);
          const signal = await new Promise<string>((resolve) => {
            process.once('SIGTERM', () => resolve('SIGTERM'));
            process.once('SIGINT', () => resolve('SIGINT'));
          });
          err(`${signal}: stopping the dashboard`);
          await d.close();
          return 0;
        }),
      );
  },
};
