import { SEVERITIES, isSeverity, meetsSeverity } from '../../core/findings.js';
import { UsageError } from '../../core/errors.js';
import type { CliCommand } from '../command.js';
import { out } from '../output.js';

interface LicenseOpts {
  json?: boolean;
  online?: boolean;
  accept?: boolean;
  failOn: string;
  config: string;
}

/** `modelgate license <model-or-path>`: identify a license from all the evidence, with its base-model chain. */
export const licenseCommand: CliCommand = {
  register(program, run) {
    program
      .command('license <target>')
      .description('identify the license of a manifest model, folder, file (README.md, LICENSE, GGUF) or hub id: evidence, obligations, base-model chain, findings')
      .option('--json', 'print the full report as JSON')
      .option('--online', 'fetch base models missing from the manifest and the local cache from the hub')
      .option('--accept', 'accept the changed license on file for this manifest model (after reviewing it)')
      .option('--fail-on <severity>', `exit 1 when a finding is at least this severe (${SEVERITIES.join('|')})`, 'high')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .action(
        run(async (target: string, opts: LicenseOpts) => {
          if (!isSeverity(opts.failOn)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
          const failOn = opts.failOn;
          const license = await import('../../license/index.js');
          if (opts.accept) {
            const record = await license.acceptLicenseChange(target, { configPath: opts.config });
            out(`accepted ${record.license.id ?? 'the unidentified license'} for ${target} at ${record.revision}`);
            return 0;
          }
          const { hubFromEnv, cacheDirFromEnv } = await import('../../artifacts/index.js');
          const hub = hubFromEnv(process.env);
          const report = await license.inspectLicense(target, {
            configPath: opts.config,
            blobPath: hub.blobPath,
            cacheDir: cacheDirFromEnv(process.env),
            onlineHub: opts.online ? hub : undefined,
          });
          out(opts.json ? JSON.stringify(report, null, 2) : license.renderLicenseReport(report));
          return report.findings.some((f) => meetsSeverity(f.severity, failOn)) ? 1 : 0;
        }),
      );
  },
};
