/**
 * The built single-page app (`dist/web/index.html` and `dist/web/assets/*`), read once and kept
 * in memory. Only those files are served: the server's own compiled modules sit beside them.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The app's files by URL path (`/`, `/assets/index-abc.js`). */
export interface StaticFiles {
  get(path: string): { body: Buffer; type: string; immutable: boolean } | undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Where the built app is: `webRoot` if given, else the folder above this module when it is
 * the compiled `dist/web/server/`, else the package's `dist/web/` (when running from `src/`).
 */
export function defaultWebRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = resolve(here, '..');
  if (existsSync(join(beside, 'index.html'))) return beside;
  return resolve(here, '..', '..', '..', 'dist', 'web');
}

/** Load the app; pages say how to build it when it is missing. */
export async function loadStatic(webRoot = defaultWebRoot()): Promise<StaticFiles> {
  const files = new Map<string, { body: Buffer; type: string; immutable: boolean }>();
  try {
    files.set('/', { body: await readFile(join(webRoot, 'index.html')), type: TYPES['.html'] as string, immutable: false });
  } catch {
    const msg = `<!doctype html><title>modelgate dashboard</title><p>The dashboard app is not built: run <code>npm run build</code> (looked in ${escapeHtml(webRoot)}).</p>`;
    files.set('/', { body: Buffer.from(msg), type: TYPES['.html'] as string, immutable: false });
  }
  let assets: string[] = [];
  try {
    assets = await readdir(join(webRoot, 'assets'));
  } catch {
    // no assets folder: the fallback page above says why
  }
  for (const name of assets) {
    const type = TYPES[extname(name)];
    if (type) files.set(`/assets/${name}`, { body: await readFile(join(webRoot, 'assets', name)), type, immutable: true });
  }
  return { get: (path) => files.get(path) };
}

/** Escape text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
