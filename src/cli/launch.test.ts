import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { respawn, SERVE_NODE_FLAGS, wantsRespawn } from './launch.js';

const linux = { env: {}, execArgv: [], platform: 'linux' as const };

describe('wantsRespawn', () => {
  it('respawns serve only, and only when nothing chose the young generation already', () => {
    expect(wantsRespawn(['node', 'modelgate', 'serve', '--port', '4000'], linux)).toBe(true);
    expect(wantsRespawn(['node', 'modelgate', 'scan', 'x'], linux)).toBe(false);
    expect(wantsRespawn(['node', 'modelgate', 'serve', '--help'], linux)).toBe(false);
    expect(wantsRespawn(['node', 'modelgate', 'serve'], { ...linux, env: { MODELGATE_RESPAWNED: '1' } })).toBe(false);
    expect(wantsRespawn(['node', 'modelgate', 'serve'], { ...linux, env: { MODELGATE_NO_RESPAWN: '1' } })).toBe(false);
    expect(wantsRespawn(['node', 'modelgate', 'serve'], { ...linux, execArgv: ['--max-semi-space-size=32'] })).toBe(false);
    expect(wantsRespawn(['node', 'modelgate', 'serve'], { ...linux, env: { NODE_OPTIONS: '--max-semi-space-size=8' } })).toBe(false);
    expect(wantsRespawn(['node', 'modelgate', 'serve'], { ...linux, platform: 'win32' })).toBe(false);
  });
});

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A stand-in for the CLI (`launcher`: the built launch.js, to behave as a respawned child): records its V8 flags, arguments and mark in a file, then exits 5 (or 3 on SIGTERM when told to wait). */
function fakeCli(wait: boolean, launcher?: string): { cli: string; seen: string } {
  dir = mkdtempSync(join(tmpdir(), 'mg-launch-'));
  const cli = join(dir, 'cli.mjs');
  const seen = join(dir, 'seen.json');
  // With the built launcher, the stand-in does what the real entry does in a child: exit with its parent.
  const child = launcher ? `import { exitWithParent } from ${JSON.stringify(launcher)};\nexitWithParent();\n` : '';
  writeFileSync(cli, `${child}import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ execArgv: process.execArgv, argv: process.argv.slice(2), mark: process.env.MODELGATE_RESPAWNED }));
${wait ? "process.on('SIGTERM', () => process.exit(3));\nsetInterval(() => {}, 1000);" : 'process.exitCode = 5;'}
`);
  return { cli, seen };
}

async function until(file: string): Promise<{ execArgv: string[]; argv: string[]; mark: string }> {
  const deadline = Date.now() + 10_000;
  while (!existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return JSON.parse(readFileSync(file, 'utf8')) as { execArgv: string[]; argv: string[]; mark: string };
}

describe('respawn', () => {
  it('runs the command again with the serve flags and the mark, and returns the child\'s exit code', async () => {
    const { cli, seen } = fakeCli(false);
    expect(await respawn(['node', cli, 'serve', '--port', '0'])).toBe(5);
    const s = await until(seen);
    expect(s.execArgv).toEqual(expect.arrayContaining([...SERVE_NODE_FLAGS]));
    expect(s.argv).toEqual(['serve', '--port', '0']);
    expect(s.mark).toBe('1');
  });
});

const distLaunch = fileURLToPath(new URL('../../dist/cli/launch.js', import.meta.url));

/** A parent process that respawns the fake CLI through the built launcher. */
function startParent(cli: string) {
  const parentSrc = join(dir as string, 'parent.mjs');
  writeFileSync(parentSrc, `import { respawn } from ${JSON.stringify(distLaunch)};
respawn(['node', ${JSON.stringify(cli)}, 'serve']).then((c) => { process.exitCode = c; });
`);
  return spawn(process.execPath, [parentSrc], { stdio: ['ignore', 'pipe', 'inherit'] });
}

describe.skipIf(!existsSync(distLaunch))('a respawned serve as separate processes (needs dist/: npm run build)', () => {
  it('forwards SIGTERM to the child and exits with its code', async () => {
    const { cli, seen } = fakeCli(true);
    const parent = startParent(cli);
    await until(seen);
    const exited = new Promise<number | null>((resolve) => parent.once('exit', (code) => resolve(code)));
    parent.kill('SIGTERM');
    expect(await exited).toBe(3);
  }, 20_000);

  it('the child exits when the parent is killed with SIGKILL', async () => {
    const { cli, seen } = fakeCli(true, distLaunch);
    const parent = startParent(cli);
    await until(seen);
    // The child holds the inherited stdout pipe while it lives: the pipe's end shows it is gone.
    const closed = new Promise<void>((resolve) => parent.stdout.on('end', () => resolve()).resume());
    parent.kill('SIGKILL');
    await closed;
  }, 20_000);
});
