import type { CliCommand } from '../command.js';
import { out } from '../output.js';
import { createProgress } from '../progress.js';
import { renderVerifyReport } from '../render/verify-report.js';

/** `modelgate verify`: re-hash everything against modelgate.lock. */
export const verifyCommand: CliCommand = {
  register(program, run) {
    program
      .command('verify [models...]')
      .description('re-hash every locked file; exit 1 naming each missing, extra or changed file')
      .option('--json', 'print the report as JSON')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .action(
        run(async (models: string[], opts: { json?: boolean; config: string }) => {
          const { verifyProject } = await import('../../artifacts/project/verify-project.js');
          const { hubFromEnv } = await import('../../artifacts/project/hub-from-env.js');
          const bar = createProgress('verifying');
          const report = await verifyProject({
            configPath: opts.config,
            hub: hubFromEnv(process.env),
            only: models.length > 0 ? models : undefined,
            onProgress: (d, t) => bar.update(d, t),
          });
          bar.done();
          out(opts.json ? JSON.stringify(report, null, 2) : renderVerifyReport(report));
          return report.ok ? 0 : 1;
        }),
      );
  },
};
