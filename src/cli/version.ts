/** The package version, read lazily from package.json beside dist/ or src/. */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** modelgate's version string. */
export function getVersion(): string {
  if (cached !== undefined) return cached;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    cached = pkg.version ?? '0.0.0';
  } catch {
    cached = '0.0.0';
  }
  return cached;
}
