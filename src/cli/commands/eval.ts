import { UsageError } from '../../core/errors.js';
import type { RunEvalOptions } from '../../eval/index.js';
import type { EvalReportFiles } from '../render/eval-run.js';
import type { CliCommand } from '../command.js';
import { err, out } from '../output.js';
import { createProgress } from '../progress.js';

/** Flags as commander hands them over: the library's options, with counts and lists still strings. */
interface EvalOpts extends Pick<RunEvalOptions, 'baseline' | 'gate'>, EvalReportFiles {
  models?: string;
  repeat?: string;
  concurrency?: string;
  cache: boolean;
  config?: string;
  store?: string;
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number, not "${value}"`);
  return n;
}

/** `modelgate eval <suite>`: run a suite against models, store the results, print the report, apply the gate. */
export const evalCommand: CliCommand = {
  register(program, run) {
    program
      .command('eval <suite>')
      .description('run an eval suite (modelgate or promptfoo format) against models; exit 1 when the gate fails, 130 when interrupted')
      .option('--models <list>', 'comma-separated manifest model names or provider refs (vllm:qwen2.5-7b, local:./m.gguf); overrides the suite')
      .option('--baseline <model>', 'model the others are compared with')
      .option('--repeat <n>', 'samples per case and model')
      .option('-j, --concurrency <n>', 'calls in flight at once (default 4)')
      .option('--gate <expr>', "thresholds, e.g. 'score >= 0.95*baseline, cost <= 0.5*baseline' (replaces the suite's gate)")
      .option('--json <file>', 'write the summary as JSON')
      .option('--junit <file>', 'write JUnit XML (one testcase per result)')
      .option('--html <file>', 'write an HTML report')
      .option('--no-cache', 'call every model again instead of replaying recorded responses')
      .option('-c, --config <file>', 'modelgate.yaml with models and providers (optional)')
      .option('--store <url>', 'store URL (default: SQLite in .modelgate/)')
      .action(
        run(async (suite: string, opts: EvalOpts) => {
          const models = opts.models?.split(',').map((m) => m.trim()).filter((m) => m.length > 0);
          const { runEval } = await import('../../eval/index.js');
          const { hubFromEnv } = await import('../../artifacts/index.js');
          const { answerCodeScanner } = await import('../../redteam/index.js');
          const view = await import('../render/eval-run.js');
          const interrupt = view.abortOnSigint();
          const bar = createProgress('eval', 'items');
          try {
            const r = await runEval({
              suite,
              models,
              baseline: opts.baseline,
              repeat: count(opts.repeat, '--repeat'),
              concurrency: count(opts.concurrency, '-j'),
              gate: opts.gate,
              configPath: opts.config,
              storeUrl: opts.store,
              blobPath: hubFromEnv(process.env).blobPath, // locked hf: GGUF models run from the download cache
              cache: opts.cache,
              codeScanner: answerCodeScanner, // `code-safe` runs the guard's code scanner on every code block
              signal: interrupt.signal,
              onProgress: (p) => bar.update(p.done, p.total, view.evalProgressLabel(p)),
              afterRun: async (done) => void (await view.writeEvalReports(done, opts)),
            });
            bar.done(); // before printing, so the table does not share a line with the bar
            for (const w of r.suite.warnings) err(`warning: ${w}`);
            out(view.renderEvalResult(r));
            if (r.status === 'interrupted') return 130;
            const short = r.gate?.results.filter((g) => !g.passed) ?? [];
            if (short.length > 0) err(`modelgate: gate failed for ${short.map((g) => g.model).join(', ')} (see the checks above)`);
            return short.length > 0 ? 1 : 0;
          } finally {
            bar.done();
            interrupt.dispose();
          }
        }),
      );
  },
};
