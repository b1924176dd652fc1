/**
 * Run the CLI in-process and capture what it prints, for end-to-end tests
 * that need no build. `cwd` is switched for the call (tests run in forks).
 */
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `modelgate ...args` and capture stdout, stderr and the exit code. */
export async function runCli(args: readonly string[], cwd?: string): Promise<CliRun> {
  const out: string[] = [];
  const errs: string[] = [];
  const origOut = process.stdout.write.bind(process.stdout);
  const origErr = process.stderr.write.bind(process.stderr);
  const prevCwd = process.cwd();
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    errs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stderr.write;
  try {
    if (cwd) process.chdir(cwd);
    const code = await main(['node', 'modelgate', ...args]);
    return { code, stdout: out.join(''), stderr: errs.join('') };
  } finally {
    process.chdir(prevCwd);
    process.stdout.write = origOut;
    process.stderr.write = origErr;
  }
}
