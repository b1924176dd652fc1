import type { CliCommand } from '../command.js';
import { out } from '../output.js';

/** `modelgate init`: write a commented starter modelgate.yaml. */
export const initCommand: CliCommand = {
  register(program, run) {
    program
      .command('init')
      .description('write a commented starter modelgate.yaml')
      .option('-c, --config <file>', 'config file to create', 'modelgate.yaml')
      .option('-f, --force', 'overwrite an existing file')
      .action(
        run(async (opts: { config: string; force?: boolean }) => {
          const { initProject } = await import('../../artifacts/index.js');
          await initProject(opts.config, opts.force);
          out(`wrote ${opts.config}; next: modelgate add ./path/to/model  (or hf:ORG/REPO)`);
          return 0;
        }),
      );
  },
};
