import type { RunGateOptions } from '../../gate/index.js';
import type { CliCommand } from '../command.js';
import { err, out, paint } from '../output.js';

/** Flags as commander hands them over. */
interface GateOpts extends Pick<RunGateOptions, 'force'> {
  json?: boolean;
  config: string;
}

const STATUS = { passed: paint.green('pass'), failed: paint.red('FAIL'), skipped: paint.dim('skip') } as const;

/** `modelgate gate [models...]`: run every configured check per model, write attestations, exit 1 when any model fails. */
export const gateCommand: CliCommand = {
  register(program, run) {
    program
      .command('gate [models...]')
      .description('verify, scan, license policy, lineage, evals and red team per model against modelgate.yaml; writes .modelgate/attestations/; exit 1 when any model fails')
      .option('--force', 're-run every check instead of reusing unchanged results')
      .option('--json', 'print the results as JSON')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .action(
        run(async (models: string[], opts: GateOpts) => {
          const { runGate } = await import('../../gate/index.js');
          const report = await runGate({
            configPath: opts.config,
            ...(models.length > 0 ? { only: models } : {}),
            ...(opts.force ? { force: true } : {}),
            onProgress: opts.json ? undefined : (e) => e.phase === 'start' && err(paint.dim(`${e.model}: ${e.check}…`)),
          });
          if (opts.json) out(JSON.stringify(report, null, 2));
          else {
            for (const m of report.models) {
              out(`${paint.bold(m.model)} ${m.revision ?? '(not locked)'}: ${m.passed ? paint.green('PASSED') : paint.red('FAILED')}`);
              for (const c of m.checks) out(`  ${STATUS[c.status]}  ${c.id.padEnd(8)} ${c.reused ? paint.dim('(reused) ') : ''}${c.summary}`);
              if (m.attestation) out(paint.dim(`  attestation: ${m.attestation}`));
            }
          }
          const failed = report.models.filter((m) => !m.passed);
          for (const m of failed) err(`modelgate: gate failed for ${m.model}: ${m.reasons.join('; ')}`);
          return failed.length > 0 ? 1 : 0;
        }),
      );
  },
};
