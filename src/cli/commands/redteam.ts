import { UsageError } from '../../core/errors.js';
import type { RedteamFiles, RunRedteamOptions } from '../../redteam/index.js';
import type { CliCommand } from '../command.js';
import { err, out } from '../output.js';
import { createProgress } from '../progress.js';

/** Flags as commander hands them over: the library's options, lists and counts still strings. */
interface RedteamOpts extends Pick<RunRedteamOptions, 'model' | 'baseline' | 'judge'>, RedteamFiles {
  packs?: string;
  lang?: string;
  concurrency?: string;
  limit?: string;
  thresholds?: string;
  cache: boolean;
  config?: string;
  store?: string;
}

const list = (s: string | undefined): string[] | undefined => s?.split(',').map((x) => x.trim()).filter((x) => x !== '');
const count = (v: string | undefined, flag: string): number | undefined => {
  if (v !== undefined && !(Number.isInteger(Number(v)) && Number(v) >= 1)) throw new UsageError(`${flag} must be a positive whole number, not "${v}"`);
  return v === undefined ? undefined : Number(v);
};

/** `modelgate redteam --model M`: run probe packs, print attack success per category, apply thresholds. */
export const redteamCommand: CliCommand = {
  register(program, run) {
    program
      .command('redteam')
      .description('red-team a model with probe packs (injection, jailbreak, leakage, tool misuse, sensitive topics, insecure code); exit 1 when a threshold fails')
      .requiredOption('--model <model>', 'manifest model name or provider ref to attack')
      .option('--baseline <model>', 'model to compare with, side by side')
      .option('--packs <list>', 'built-in pack ids or pack files (default: all built-in packs)')
      .option('--lang <list>', 'only probes in these languages (en,zh)')
      .option('-j, --concurrency <n>', 'calls in flight at once (default 4)')
      .option('--limit <n>', 'at most n probes per pack (a short run)')
      .option('--judge <model>', 'judge model for the refusal and sensitive-topic detectors')
      .option('--thresholds <file>', 'yaml with a redteam: section (default: the config file\'s)')
      .option('--json <file>', 'write the report as JSON')
      .option('--html <file>', 'write an HTML report of the underlying run')
      .option('--no-cache', 'call every model again instead of replaying recorded responses')
      .option('-c, --config <file>', 'modelgate.yaml with models, providers and redteam: (optional)')
      .option('--store <url>', 'store URL (default: SQLite in .modelgate/)')
      .action(
        run(async (opts: RedteamOpts) => {
          const { runRedteam, loadRedteamConfig, renderRedteamReport, writeRedteamFiles } = await import('../../redteam/index.js');
          const view = await import('../render/eval-run.js');
          const { getVersion } = await import('../version.js');
          const config = await loadRedteamConfig(opts.thresholds ?? opts.config ?? 'modelgate.yaml', opts.thresholds === undefined);
          const langs = list(opts.lang);
          if (langs?.some((l) => l !== 'en' && l !== 'zh')) throw new UsageError(`--lang takes en and zh, not "${opts.lang}"`);
          const interrupt = view.abortOnSigint();
          const bar = createProgress('redteam', 'items');
          try {
            const r = await runRedteam({
              model: opts.model,
              baseline: opts.baseline,
              packs: list(opts.packs) ?? config.packs,
              langs: langs as ('en' | 'zh')[] | undefined,
              limit: count(opts.limit, '--limit'),
              concurrency: count(opts.concurrency, '-j'),
              judge: opts.judge,
              thresholds: config.thresholds,
              configPath: opts.config,
              storeUrl: opts.store,
              cache: opts.cache,
              signal: interrupt.signal,
              onProgress: (p) => bar.update(p.done, p.total, view.evalProgressLabel(p)),
              afterRun: (done, report) => writeRedteamFiles(done, report, opts, getVersion()),
            });
            bar.done(); // before printing, so the table does not share a line with the bar
            out(renderRedteamReport(r));
            if (r.status === 'interrupted') return 130;
            const failed = r.gate?.checks.filter((c) => !c.passed).map((c) => c.category) ?? [];
            if (failed.length > 0) err(`modelgate: red-team gate failed for ${failed.join(', ')}`);
            return failed.length > 0 ? 1 : 0;
          } finally {
            bar.done();
            interrupt.dispose();
          }
        }),
      );
  },
};
