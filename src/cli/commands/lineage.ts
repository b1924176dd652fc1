import { writeFile } from 'node:fs/promises';
import { UsageError } from '../../core/errors.js';
import type { CliCommand } from '../command.js';
import { out } from '../output.js';

interface LineageOpts {
  json?: boolean;
  html?: string;
  threads?: string;
  config: string;
}

/** `modelgate lineage A B [C ...]`: is any of these models derived from another? */
export const lineageCommand: CliCommand = {
  register(program, run) {
    program
      .command('lineage <models...>')
      .description('compare model folders, GGUF files or manifest models for lineage: identical, derived (fine-tune, quantization, merge, continued training), same architecture, or independent')
      .option('--json', 'print every figure as JSON')
      .option('--html <file>', 'write an HTML report (similarity matrix and per-layer curves)')
      .option('--threads <n>', 'compute threads, this one included (default: every core)')
      .option('-c, --config <file>', 'config file (for manifest model names)', 'modelgate.yaml')
      .action(
        run(async (models: string[], opts: LineageOpts) => {
          if (models.length < 2) throw new UsageError('lineage needs at least two models');
          const threads = opts.threads === undefined ? undefined : Number(opts.threads);
          if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) throw new UsageError('--threads must be a non-negative integer');
          const { compareModels } = await import('../../lineage/index.js');
          const report = await compareModels(models, { configPath: opts.config, ...(threads !== undefined ? { threads } : {}) });
          if (opts.html) {
            const { renderLineageHtml } = await import('../../report/lineage-html.js');
            await writeFile(opts.html, renderLineageHtml(report));
          }
          if (opts.json) out(JSON.stringify(report, null, 2));
          else {
            const { renderLineageText } = await import('../../report/lineage-text.js');
            out(renderLineageText(report));
          }
          return report.findings.some((f) => f.severity === 'high' || f.severity === 'critical') ? 1 : 0;
        }),
      );
  },
};
