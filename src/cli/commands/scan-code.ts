import { Option } from 'commander';
import { SEVERITIES, isSeverity, meetsSeverity } from '../../core/findings.js';
import { InputError, UsageError } from '../../core/errors.js';
import type { CliCommand } from '../command.js';
import { out } from '../output.js';
import { getVersion } from '../version.js';

interface ScanCodeCliOpts {
  language?: string;
  format: 'text' | 'json' | 'sarif';
  failOn: string;
}

async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  }
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'MG_INPUT_NOT_FOUND' : 'MG_INPUT_UNREADABLE';
    throw new InputError(code, file, code === 'MG_INPUT_NOT_FOUND' ? 'no such file' : 'cannot read the file', e);
  }
}

/** `modelgate scan-code <file|->`: security rules over source code or a Markdown model answer. */
export const scanCodeCommand: CliCommand = {
  register(program, run) {
    program
      .command('scan-code <file>')
      .description('scan source code (or each code block of a Markdown answer) for injection, weak crypto, secrets, disabled TLS, XSS and obfuscation; "-" reads stdin')
      .option('-l, --language <language>', 'python|javascript|typescript|java|c|go|php|sql|shell (default: from the extension, else guessed)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
      .option('--fail-on <severity>', `exit 1 when a finding is at least this severe (${SEVERITIES.join('|')})`, 'high')
      .action(
        run(async (file: string, opts: ScanCodeCliOpts) => {
          const failOn = opts.failOn;
          if (!isSeverity(failOn)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
          const { scanCode, scanMarkdownAnswer, normalizeLanguage, codeRules } = await import('../../guard/code/index.js');
          if (opts.language !== undefined && !normalizeLanguage(opts.language)) throw new UsageError(`unknown --language ${opts.language}`);
          const text = await readInput(file);
          const name = file === '-' ? '<stdin>' : file;
          const markdown = opts.language === undefined && /\.(?:md|markdown)$/i.test(file);
          const findings = markdown ? await scanMarkdownAnswer(text, { file: name }) : await scanCode(text, { language: opts.language, file: name });
          const { renderFindingsText, renderFindingsJson, renderFindingsSarif } = await import('../../report/index.js');
          out(
            opts.format === 'json'
              ? renderFindingsJson(findings, 1, getVersion())
              : opts.format === 'sarif'
                ? renderFindingsSarif(findings, codeRules, getVersion())
                : renderFindingsText(findings, 1),
          );
          return findings.some((f) => meetsSeverity(f.severity, failOn)) ? 1 : 0;
        }),
      );
  },
};
