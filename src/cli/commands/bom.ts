import type { CliCommand } from '../command.js';
import { err, out } from '../output.js';
import { getVersion } from '../version.js';

interface BomOpts {
  output?: string;
  online?: boolean;
  serial: boolean;
  config: string;
}

/** `modelgate bom`: a CycloneDX 1.6 ML-BOM of every locked model. */
export const bomCommand: CliCommand = {
  register(program, run) {
    program
      .command('bom')
      .description('write a CycloneDX 1.6 ML-BOM (JSON): identity, revision, file hashes, license, base models and card fields of every model')
      .option('-o, --output <file>', 'write the BOM to a file instead of stdout')
      .option('--online', 'fetch base models missing from the manifest and the local cache from the hub')
      .option('--no-serial', 'leave out the content-derived serial number')
      .option('-c, --config <file>', 'config file', 'modelgate.yaml')
      .action(
        run(async (opts: BomOpts) => {
          const { buildBom } = await import('../../license/index.js');
          const { hubFromEnv, cacheDirFromEnv } = await import('../../artifacts/index.js');
          const hub = hubFromEnv(process.env);
          const result = await buildBom({
            configPath: opts.config,
            blobPath: hub.blobPath,
            cacheDir: cacheDirFromEnv(process.env),
            onlineHub: opts.online ? hub : undefined,
            tool: { name: 'modelgate', version: getVersion() },
            serialNumber: opts.serial ? 'content' : false,
          });
          for (const f of result.findings) err(`${f.severity}: ${f.message}`);
          if (opts.output) {
            const { writeFile } = await import('node:fs/promises');
            await writeFile(opts.output, result.text);
            const n = (result.bom.components as unknown[] | undefined)?.length ?? 0;
            out(`wrote ${opts.output}: CycloneDX 1.6 ML-BOM of ${n} model${n === 1 ? '' : 's'}`);
          } else out(result.text);
          return 0;
        }),
      );
  },
};
