/**
 * The executable's start: `modelgate serve` re-runs itself in a child Node
 * process with a larger V8 young generation. The gateway keeps every
 * in-flight request's objects alive for a few milliseconds, so with V8's
 * default 16 MB semi-spaces they survive scavenges, get copied and promoted,
 * and the pauses showed in its p99 (bench/gateway.sh: p99 about 2x the bare
 * proxy's with the default, 1.4x with 64 MB; throughput up 5-10%). V8 sizes
 * the young generation when the process starts, so the only way to choose it
 * for one command is a new process. Everything else runs in this one.
 *
 * The parent forwards SIGINT, SIGTERM and SIGHUP (the child sits in its own
 * process group, so a terminal's Ctrl-C reaches it once, through the parent)
 * and exits with the child's code; the child exits at once if the parent
 * dies without forwarding anything (SIGKILL), so no orphan keeps the port.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** V8 flags `serve` runs with. */
export const SERVE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** Set in the child's environment; also an opt-out (`MODELGATE_NO_RESPAWN=1` runs serve in this process). */
const CHILD_MARK = 'MODELGATE_RESPAWNED';
const OPT_OUT = 'MODELGATE_NO_RESPAWN';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The process facts the decision depends on (injected in tests). */
export interface LaunchEnv {
  env: NodeJS.ProcessEnv;
  execArgv: readonly string[];
  platform: NodeJS.Platform;
}

/** Whether `argv` should run in a child with {@link SERVE_NODE_FLAGS}. */
export function wantsRespawn(argv: readonly string[], p: LaunchEnv): boolean {
  if (argv[2] !== 'serve' || argv.includes('--help') || argv.includes('-h')) return false;
  if (p.env[CHILD_MARK] === '1' || p.env[OPT_OUT] === '1' || p.platform === 'win32') return false;
  // The user chose the young generation's size already.
  return !p.execArgv.some((a) => a.startsWith('--max-semi-space-size')) && !(p.env.NODE_OPTIONS ?? '').includes('--max-semi-space-size');
}

/** Run `argv` (as in process.argv) again in a child with the serve flags; resolves to its exit code. */
export function respawn(argv: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...SERVE_NODE_FLAGS, ...process.execArgv, ...argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    detached: true,
    env: { ...process.env, [CHILD_MARK]: '1' },
  });
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  for (const s of FORWARDED) process.on(s, forward);
  return new Promise((resolve) => {
    const done = (code: number): void => {
      for (const s of FORWARDED) process.off(s, forward);
      resolve(code);
    };
    child.once('error', (e) => {
      process.stderr.write(`modelgate: could not start the gateway process: ${e.message}\n`);
      done(70);
    });
    child.once('exit', (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
}

/** In a respawned child: exit at once when the parent is gone (killed with SIGKILL, nobody left to forward signals). */
export function exitWithParent(): void {
  if (process.env[CHILD_MARK] !== '1' || !process.channel) return;
  process.channel.unref(); // the channel alone must not keep the child running
  process.once('disconnect', () => process.exit(129));
}

/** The executable's entry: respawn for `serve`, otherwise run `main` here. */
export async function launch(argv: readonly string[], main: (argv: readonly string[]) => Promise<number>): Promise<number> {
  if (wantsRespawn(argv, process)) return respawn(argv);
  exitWithParent();
  return main(argv);
}
