import type { CliCommand } from '../command.js';
import { out } from '../output.js';

/** `modelgate policy`: evaluate the license policy for every model in the manifest. */
export const policyCommand: CliCommand = {
  register(program, run) {
    program
      .command('policy [models...]')
      .description('evaluate `policy:` in modelgate.yaml for every model (with inherited obligations); exit 1 on a deny or an open review')
      .option('--json', 'print the full result as JSON')
      .option('--online', 'fetch base models missing from the manifest and the local cache from the hub')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .action(
        run(async (models: string[], opts: { json?: boolean; online?: boolean; config: string }) => {
          const { evaluatePolicy, renderPolicyResult } = await import('../../license/index.js');
          const { hubFromEnv, cacheDirFromEnv } = await import('../../artifacts/index.js');
          const hub = hubFromEnv(process.env);
          const result = await evaluatePolicy({
            configPath: opts.config,
            only: models.length > 0 ? models : undefined,
            blobPath: hub.blobPath,
            cacheDir: cacheDirFromEnv(process.env),
            onlineHub: opts.online ? hub : undefined,
          });
          out(opts.json ? JSON.stringify(result, null, 2) : renderPolicyResult(result));
          return result.ok ? 0 : 1;
        }),
      );
  },
};
