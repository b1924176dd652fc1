import { Option } from 'commander';
import { SEVERITIES, isSeverity, meetsSeverity } from '../../core/findings.js';
import { UsageError } from '../../core/errors.js';
import type { CliCommand } from '../command.js';
import { out } from '../output.js';
import { getVersion } from '../version.js';

interface ScanTextOpts {
  format: 'text' | 'json';
  failOn: string;
  kinds?: string[];
  detectors?: string[];
  redact?: boolean;
}

/** `modelgate scan-text <file|->`: secrets and personal data in a text file or stdin. */
export const scanTextCommand: CliCommand = {
  register(program, run) {
    program
      .command('scan-text <file>')
      .description('find secrets (API keys, tokens, private keys) and personal data (emails, cards, IDs…) in a text file, or stdin with "-"')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
      .option('--fail-on <severity>', `exit 1 when a finding is at least this severe (${SEVERITIES.join('|')})`, 'medium')
      .addOption(new Option('--kinds <kinds...>', 'only these kinds').choices(['secret', 'pii']))
      .option('--detectors <ids...>', 'only these detector ids (names opt-in ones such as pii/person-name)')
      .option('--redact', 'print the text with findings replaced by placeholders instead of a report')
      .action(
        run(async (file: string, opts: ScanTextOpts) => {
          if (!isSeverity(opts.failOn)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
          const failOn = opts.failOn;
          const text = await readInput(file);
          const guard = await import('../../guard/index.js');
          const scan = { kinds: opts.kinds as ('secret' | 'pii')[] | undefined, detectors: opts.detectors, file: file === '-' ? '<stdin>' : file };
          const known = new Set(Object.keys(guard.detectors));
          for (const id of opts.detectors ?? []) if (!known.has(id)) throw new UsageError(`unknown detector ${id}; known: ${[...known].join(', ')}`);
          let findings;
          if (opts.redact) {
            const redacted = guard.redact(text, scan);
            findings = redacted.findings;
            out(redacted.text);
          } else {
            findings = guard.scanText(text, scan);
            const report = await import('../../report/index.js');
            out(opts.format === 'json' ? report.renderFindingsJson(findings, 1, getVersion()) : report.renderFindingsText(findings, 1));
          }
          return findings.some((f) => meetsSeverity(f.severity, failOn)) ? 1 : 0;
        }),
      );
  },
};

async function readInput(file: string): Promise<string> {
  if (file !== '-') return (await import('node:fs/promises')).readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
