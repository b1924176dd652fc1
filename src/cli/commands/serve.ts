import { UsageError } from '../../core/errors.js';
import type { StartGatewayOptions } from '../../gateway/index.js';
import type { CliCommand } from '../command.js';
import { err, out, paint } from '../output.js';

/** Flags as commander hands them over. */
interface ServeOpts extends Pick<StartGatewayOptions, 'host' | 'allowUngated'> {
  config: string;
  port?: string;
  store?: string;
  redis?: string;
}

/** `modelgate serve`: the OpenAI-compatible gateway; drains and flushes the ledger on SIGTERM/SIGINT. */
export const serveCommand: CliCommand = {
  register(program, run) {
    program
      .command('serve')
      .description('serve admitted models through an OpenAI-compatible gateway (routes in the gateway: section of modelgate.yaml)')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .option('--port <port>', 'port (default: gateway.server.port, 4000)')
      .option('--host <host>', 'address to bind (default: gateway.server.host, 127.0.0.1)')
      .option('--store <url>', 'store for keys and the ledger (default: SQLite in .modelgate/)')
      .option('--redis <url>', 'Redis for limits shared across replicas')
      .option('--allow-ungated', 'DEVELOPMENT ONLY: serve models that fail admission (lock, scan, license, gate)')
      .action(
        run(async (opts: ServeOpts) => {
          const port = opts.port === undefined ? undefined : Number(opts.port);
          if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be 0-65535, not "${opts.port}"`);
          const { startGateway } = await import('../../gateway/index.js');
          const { hubFromEnv } = await import('../../artifacts/index.js');
          // The dashboard at `/` (admin key required), sharing the gateway's keys and ledger.
          const { mountDashboard } = await import('../../web/index.js');
          let dashboard: Awaited<ReturnType<typeof mountDashboard>> | undefined;
          const mount = async (ctx: Parameters<typeof mountDashboard>[0]) => (dashboard = await mountDashboard({ ...ctx, storeUrl: opts.store })).listener;
          const g = await startGateway({ configPath: opts.config, port, host: opts.host, storeUrl: opts.store, redisUrl: opts.redis, allowUngated: opts.allowUngated, blobPath: hubFromEnv(process.env).blobPath, mount });
          for (const w of g.warnings) err(paint.red(w));
          out(`modelgate gateway on http://${g.address.address}:${g.address.port}/v1 (routes: ${[...g.gateway.routes.keys()].join(', ')}); dashboard at /`);
          const signal = await new Promise<string>((resolve) => {
            process.once('SIGTERM', () => resolve('SIGTERM'));
            process.once('SIGINT', () => resolve('SIGINT'));
          });
          err(`${signal}: draining in-flight requests and flushing the ledger`);
          await g.close();
          await dashboard?.close();
          return 0;
        }),
      );
  },
};
