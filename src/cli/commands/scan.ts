import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { SEVERITIES, isSeverity, meetsSeverity, type Severity } from '../../core/findings.js';
import { UsageError } from '../../core/errors.js';
import type { CliCommand } from '../command.js';
import { out } from '../output.js';
import { createProgress } from '../progress.js';
import { getVersion } from '../version.js';

interface ScanOpts {
  format: 'text' | 'json' | 'sarif';
  failOn: string;
  allow?: string[];
  output?: string;
  config: string;
}

/** `modelgate scan <path...>`: static scan of model files. */
export const scanCommand: CliCommand = {
  register(program, run) {
    program
      .command('scan <paths...>')
      .description('scan model files statically (pickle/PyTorch, safetensors, GGUF, archives, remote code); nothing is loaded or run')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
      .option('--fail-on <severity>', `exit 1 when a finding is at least this severe (${SEVERITIES.join('|')})`, 'high')
      .option('--allow <globals...>', 'extra module.name callables pickles may import')
      .option('-o, --output <file>', 'write the report to a file instead of stdout')
      .option('-c, --config <file>', 'take `scan:` defaults from this config when it exists', 'modelgate.yaml')
      .action(
        run(async (paths: string[], opts: ScanOpts, cmd: Command) => {
          const settings = await scanSettings(opts.config);
          const failOnRaw = cmd.getOptionValueSource('failOn') === 'default' && settings ? settings.fail_on : opts.failOn;
          if (!isSeverity(failOnRaw)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
          const failOn: Severity = failOnRaw;
          const allowGlobals = [...(settings?.allow_globals ?? []), ...(opts.allow ?? [])];
          const { scanPaths, scanRules } = await import('../../artifacts/index.js');
          const { renderFindingsText, renderFindingsJson, renderFindingsSarif } = await import('../../report/index.js');
          const bar = createProgress('scanning', 'items');
          const report = await scanPaths(paths, { allowGlobals, onFile: (_p, d, t) => bar.update(d, t) });
          bar.done();
          const text =
            opts.format === 'json'
              ? renderFindingsJson(report.findings, report.files.length, getVersion())
              : opts.format === 'sarif'
                ? renderFindingsSarif(report.findings, scanRules(), getVersion())
                : renderFindingsText(report.findings, report.files.length);
          if (opts.output) {
            const { writeFile } = await import('node:fs/promises');
            await writeFile(opts.output, text.endsWith('\n') ? text : `${text}\n`);
          } else out(text);
          return report.findings.some((f) => meetsSeverity(f.severity, failOn)) ? 1 : 0;
        }),
      );
  },
};

// The config is optional for scan: use its `scan:` section only when the file exists.
async function scanSettings(configPath: string) {
  if (!existsSync(configPath)) return undefined;
  const { loadConfig } = await import('../../core/index.js');
  return (await loadConfig(configPath)).scan;
}
