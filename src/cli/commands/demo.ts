import type { CliCommand } from '../command.js';

/** `modelgate demo`: a guided, offline run of the whole pipeline, ending with the gateway and dashboard serving it. */
export const demoCommand: CliCommand = {
  register(program, run) {
    program
      .command('demo')
      .description('create a demo workspace with generated models, run the pipeline on it offline, then serve it (gateway + dashboard) until Ctrl-C')
      .option('-d, --dir <dir>', 'workspace folder', 'modelgate-demo')
      .option('-p, --port <port>', 'port for the gateway and dashboard at the end', '4000')
      .option('--no-serve', 'stop after the stages instead of serving the workspace')
      .action(
        run(async (opts: { dir: string; port: string; serve: boolean }) => {
          const { runDemo } = await import('../demo/run-demo.js');
          const code = await runDemo(opts.dir);
          if (code !== 0 || !opts.serve) return code;
          const { serveDemo } = await import('../demo/serve-demo.js');
          const stop = new AbortController();
          const onSignal = () => stop.abort();
          process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
          try {
            return await serveDemo(opts.dir, Number(opts.port), stop.signal, (l = '') => process.stdout.write(`${l}\n`));
          } finally {
            process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
          }
        }),
      );
  },
};
