import type { CliCommand } from '../command.js';
import { out } from '../output.js';

/** `modelgate policy`: evaluate the license policy for every model in the manifest. */
export const policyCommand: CliCommand = {
  register(program, run) {
    program
      .command('policy [models...]')
      .description('evaluate `policy:` in modelgate.yaml for every model (with inherited obligations and lineage findings); exit 1 on a deny or an open review')
      .option('--json', 'print the full result as JSON')
      .option('--online', 'fetch base models missing from the manifest and the local cache from the hub')
      .option('--lineage', 'run the `gate.lineage` comparisons now (default: use the gate attestation of the locked revision while it is current)')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .action(
        run(async (models: string[], opts: { json?: boolean; online?: boolean; lineage?: boolean; config: string }) => {
          const { evaluatePolicy, renderPolicyResult } = await import('../../license/index.js');
          const { policyLineage } = await import('../../gate/index.js');
          const { hubFromEnv, cacheDirFromEnv } = await import('../../artifacts/index.js');
          const hub = hubFromEnv(process.env);
          const only = models.length > 0 ? models : undefined;
          const lineage = await policyLineage({ configPath: opts.config, only, run: opts.lineage, blobPath: hub.blobPath });
          const result = await evaluatePolicy({
            configPath: opts.config,
            only,
            blobPath: hub.blobPath,
            cacheDir: cacheDirFromEnv(process.env),
            onlineHub: opts.online ? hub : undefined,
            lineage,
          });
          out(opts.json ? JSON.stringify(result, null, 2) : renderPolicyResult(result));
          return result.ok ? 0 : 1;
        }),
      );
  },
};
