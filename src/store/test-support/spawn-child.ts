/** Start `store-child.ts` in a separate Node process through vite-node (no build step needed). */
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const VITE_NODE = fileURLToPath(new URL('../../../node_modules/vite-node/vite-node.mjs', import.meta.url));
const CHILD = fileURLToPath(new URL('./store-child.ts', import.meta.url));

/** A child process whose stdout and stderr we read. */
export type StoreChild = ChildProcessByStdio<null, Readable, Readable>;

/** Spawn the store child in `mode` against `url` (and `schema`). */
export function spawnStoreChild(mode: 'migrate' | 'write', url: string, schema?: string): StoreChild {
  const args = [VITE_NODE, CHILD, mode, url, ...(schema ? [schema] : [])];
  return spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Wait for a child (this one or another test-support script) to exit; resolves with its code and signal and everything it printed. */
export function childExit(child: ChildProcessByStdio<Writable | null, Readable, Readable>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
