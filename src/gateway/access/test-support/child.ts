/** Run a test-support script in its own Node process through vite-node (no build step needed). */
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const VITE_NODE = fileURLToPath(new URL('../../../../node_modules/vite-node/vite-node.mjs', import.meta.url));

/** A child process whose stdout and stderr we read. */
export type Child = ChildProcessByStdio<Writable, Readable, Readable>;

/** Spawn `script` (a file in this folder) with `args`. */
export function spawnScript(script: 'budget-child.ts' | 'ledger-child.ts', args: readonly string[]): Child {
  const file = fileURLToPath(new URL(`./${script}`, import.meta.url));
  return spawn(process.execPath, [VITE_NODE, file, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Wait for the child to exit (the store's helper serves both). */
export { childExit } from '../../../store/test-support/spawn-child.js';
