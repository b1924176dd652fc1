import type { CliCommand } from '../command.js';
import { out, paint } from '../output.js';
import { createProgress } from '../progress.js';
import { renderLockChanges } from '../render/lock-changes.js';

/** `modelgate lock`: pin every model in modelgate.lock and keep its license evidence on file. */
export const lockCommand: CliCommand = {
  register(program, run) {
    program
      .command('lock')
      .description('write modelgate.lock (source, resolved revision, per-file sha256) and save each model card and license text under .modelgate/evidence/')
      .option('-u, --update [models...]', 're-resolve hub revisions (all, or the named models) instead of keeping the pinned commits')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .action(
        run(async (opts: { update?: true | string[]; config: string }) => {
          const { lockWithEvidence } = await import('../../license/index.js');
          const { hubFromEnv, cacheDirFromEnv } = await import('../../artifacts/index.js');
          const bar = createProgress('hashing');
          const res = await lockWithEvidence({
            configPath: opts.config,
            update: opts.update,
            hub: hubFromEnv(process.env, bar),
            cacheDir: cacheDirFromEnv(process.env),
            onProgress: (m, d, t) => bar.update(d, t, m),
          });
          bar.done();
          const n = Object.keys(res.lock.models).length;
          out(`locked ${n} model${n === 1 ? '' : 's'} in modelgate.lock`);
          out(renderLockChanges(res.changes));
          // A changed license does not fail the lock: the lock records it, verify holds it until it is accepted.
          for (const f of res.findings) out(paint.yellow(`  ${f.severity}: ${f.message}`));
          return 0;
        }),
      );
  },
};
