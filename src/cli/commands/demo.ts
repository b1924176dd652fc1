import type { CliCommand } from '../command.js';

/** `modelgate demo`: a guided, offline run of the whole pipeline. */
export const demoCommand: CliCommand = {
  register(program, run) {
    program
      .command('demo')
      .description('create a demo workspace with generated models and run the pipeline on it, offline')
      .option('-d, --dir <dir>', 'workspace folder', 'modelgate-demo')
      .action(
        run(async (opts: { dir: string }) => {
          const { runDemo } = await import('../demo/run-demo.js');
          return runDemo(opts.dir);
        }),
      );
  },
};
