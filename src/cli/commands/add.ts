import type { CliCommand } from '../command.js';
import { out } from '../output.js';
import { createProgress } from '../progress.js';
import { renderLockChanges } from '../render/lock-changes.js';

/** `modelgate add <source>`: add a model to the manifest and lock it. */
export const addCommand: CliCommand = {
  register(program, run) {
    program
      .command('add <source>')
      .description('add a model (./path, /abs/path or hf:ORG/REPO[@REVISION]) to modelgate.yaml and lock it')
      .option('-n, --name <name>', 'name in the manifest (default: from the source)')
      .option('-i, --include <globs...>', 'only these files from the source')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .action(
        run(async (source: string, opts: { name?: string; include?: string[]; config: string }) => {
          const { addModel } = await import('../../artifacts/project/add-model.js');
          const { hubFromEnv } = await import('../../artifacts/project/hub-from-env.js');
          const bar = createProgress('hashing');
          const res = await addModel(source, {
            name: opts.name,
            include: opts.include,
            configPath: opts.config,
            hub: hubFromEnv(process.env, bar),
            onProgress: (_m, d, t) => bar.update(d, t),
          });
          bar.done();
          const locked = res.lock.models[res.name];
          const files = locked?.kind === 'artifact' ? `${locked.files.length} files at ${locked.revision}` : 'hosted';
          out(`added ${res.name} (${files})`);
          out(renderLockChanges(res.changes.filter((c) => c.model === res.name && c.kind !== 'added')));
          return 0;
        }),
      );
  },
};
