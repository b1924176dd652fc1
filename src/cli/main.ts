/**
 * The CLI's entry and its one error boundary: a ModelgateError becomes a
 * one-line message and exit 1 or 2; anything else is a bug, printed with its
 * stack and a request to report it.
 */
import { Command, CommanderError } from 'commander';
import { isModelgateError } from '../core/errors.js';
import type { CliCommand, Runner } from './command.js';
import { addCommand } from './commands/add.js';
import { bomCommand } from './commands/bom.js';
import { compareCommand } from './commands/compare.js';
import { demoCommand } from './commands/demo.js';
import { evalCommand } from './commands/eval.js';
import { gateCommand } from './commands/gate.js';
import { initCommand } from './commands/init.js';
import { keysCommand } from './commands/keys.js';
import { licenseCommand } from './commands/license.js';
import { lineageCommand } from './commands/lineage.js';
import { lockCommand } from './commands/lock.js';
import { policyCommand } from './commands/policy.js';
import { redteamCommand } from './commands/redteam.js';
import { runsCommand } from './commands/runs.js';
import { scanCommand } from './commands/scan.js';
import { serveCommand } from './commands/serve.js';
import { dashboardCommand } from './commands/dashboard.js';
import { spendCommand } from './commands/spend.js';
import { scanTextCommand } from './commands/scan-text.js';
import { scanCodeCommand } from './commands/scan-code.js';
import { verifyCommand } from './commands/verify.js';
import { err } from './output.js';
import { getVersion } from './version.js';

const COMMANDS: readonly CliCommand[] = [initCommand, addCommand, lockCommand, gateCommand, verifyCommand, scanCommand, scanTextCommand, scanCodeCommand, licenseCommand, lineageCommand, policyCommand, bomCommand, evalCommand, redteamCommand, runsCommand, compareCommand, keysCommand, spendCommand, serveCommand, dashboardCommand, demoCommand];

/** Run the CLI with `argv` (as in process.argv); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const run: Runner =
    (action) =>
    async (...args) => {
      exitCode = await action(...args);
    };
  const program = new Command('modelgate')
    .description('Adopt open-weight LLMs with engineering discipline: pin, scan, license-check, evaluate and serve them behind a gate.')
    .version(getVersion(), '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const c of COMMANDS) c.register(program, run);
  for (const sub of program.commands) sub.exitOverride();
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (e) {
    return exitCodeFor(e);
  }
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // Help and version are successful exits; everything else commander rejects is usage.
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
  }
  if (isModelgateError(e)) {
    err(`modelgate: ${e.toLine()}`);
    return e.exitCode;
  }
  err(`modelgate: internal error (this is a bug; please report it with the command you ran)`);
  err(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return 70;
}
