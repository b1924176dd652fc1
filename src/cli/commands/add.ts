import type { CliCommand } from '../command.js';
import type { Finding } from '../../core/findings.js';
import { out, paint } from '../output.js';
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
          const { addModel } = await import('../../artifacts/index.js');
          const { hubFromEnv, cacheDirFromEnv } = await import('../../artifacts/index.js');
          const { lockWithEvidence } = await import('../../license/index.js');
          const bar = createProgress('hashing');
          let findings: Finding[] = [];
          const res = await addModel(source, {
            name: opts.name,
            include: opts.include,
            configPath: opts.config,
            hub: hubFromEnv(process.env, bar),
            onProgress: (_m, d, t) => bar.update(d, t),
            // Keep the model card and license text on file from the first lock on.
            lock: async (o) => {
              const r = await lockWithEvidence({ ...o, cacheDir: cacheDirFromEnv(process.env) });
              findings = r.findings;
              return r;
            },
          });
          bar.done();
          const locked = res.lock.models[res.name];
          const files = locked?.kind === 'artifact' ? `${locked.files.length} files at ${locked.revision}` : 'hosted';
          out(`added ${res.name} (${files})`);
          out(renderLockChanges(res.changes.filter((c) => c.model === res.name && c.kind !== 'added')));
          for (const f of findings) out(paint.yellow(`  ${f.severity}: ${f.message}`));
          return 0;
        }),
      );
  },
};
