import type { CliCommand } from '../command.js';
import { out } from '../output.js';
import { createProgress } from '../progress.js';
import { renderLockChanges } from '../render/lock-changes.js';

/** `modelgate lock`: pin every model in modelgate.lock. */
export const lockCommand: CliCommand = {
  register(program, run) {
    program
      .command('lock')
      .description('write modelgate.lock: source, resolved revision and per-file sha256 of every model')
      .option('-u, --update [models...]', 're-resolve hub revisions (all, or the named models) instead of keeping the pinned commits')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .action(
        run(async (opts: { update?: true | string[]; config: string }) => {
          const { lockProject } = await import('../../artifacts/project/lock-project.js');
          const { hubFromEnv } = await import('../../artifacts/project/hub-from-env.js');
          const bar = createProgress('hashing');
          const res = await lockProject({
            configPath: opts.config,
            update: opts.update,
            hub: hubFromEnv(process.env, bar),
            onProgress: (m, d, t) => bar.update(d, t, m),
          });
          bar.done();
          const n = Object.keys(res.lock.models).length;
          out(`locked ${n} model${n === 1 ? '' : 's'} in modelgate.lock`);
          out(renderLockChanges(res.changes));
          return 0;
        }),
      );
  },
};
