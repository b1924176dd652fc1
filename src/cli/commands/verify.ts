import type { CliCommand } from '../command.js';
import { out, paint } from '../output.js';
import { createProgress } from '../progress.js';
import { renderVerifyReport } from '../render/verify-report.js';

/** `modelgate verify`: re-hash everything against modelgate.lock and check the license evidence on file. */
export const verifyCommand: CliCommand = {
  register(program, run) {
    program
      .command('verify [models...]')
      .description('re-hash every locked file and check the license evidence; exit 1 naming each missing, extra or changed file and each unapproved license change')
      .option('--json', 'print the report as JSON')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .action(
        run(async (models: string[], opts: { json?: boolean; config: string }) => {
          const { hubFromEnv, cacheDirFromEnv, verifyProject } = await import('../../artifacts/index.js');
          const bar = createProgress('verifying');
          const options = {
            configPath: opts.config,
            hub: hubFromEnv(process.env),
            cacheDir: cacheDirFromEnv(process.env),
            only: models.length > 0 ? models : undefined,
            onProgress: (d: number, t: number) => bar.update(d, t),
          };
          // Start hashing (worker threads) before loading the license layer, so the two overlap.
          const report = verifyProject(options);
          report.catch(() => undefined);
          const { verifyWithEvidence } = await import('../../license/index.js');
          const res = await verifyWithEvidence({ ...options, report });
          bar.done();
          if (opts.json) {
            out(JSON.stringify({ ...res.report, ok: res.ok, licenseFindings: res.findings }, null, 2));
          } else {
            out(renderVerifyReport(res.report));
            for (const f of res.findings) out(`${f.severity === 'high' || f.severity === 'critical' ? paint.red('FAIL') : paint.yellow('warn')} ${f.ruleId}: ${f.message}`);
          }
          return res.ok ? 0 : 1;
        }),
      );
  },
};
