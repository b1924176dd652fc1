/**
 * A progress bar on stderr for long work (hashing GBs, scanning many files).
 * Draws only on a terminal, at most ten times a second; silent in CI logs.
 */
import type { WriteStream } from 'node:tty';

export interface Progress {
  update(done: number, total: number, label?: string): void;
  done(): void;
}

/** Human-readable byte count (`1.5 GB`). */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

/** Create a progress bar; `unit: 'bytes'` formats counts as sizes. */
export function createProgress(title: string, unit: 'bytes' | 'items' = 'bytes', stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let last = 0;
  let drawn = false;
  const started = Date.now();
  return {
    update(done, total, label) {
      const now = Date.now();
      if (!tty || (now - last < 100 && done < total)) return;
      last = now;
      const width = 28;
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      const secs = Math.max(0.001, (now - started) / 1000);
      const fmt = unit === 'bytes' ? formatBytes : String;
      const rate = unit === 'bytes' ? ` ${formatBytes(done / secs)}/s` : '';
      const text = `${title} ${bar} ${(frac * 100).toFixed(0).padStart(3)}% ${fmt(done)}/${fmt(total)}${rate}${label ? ` ${label}` : ''}`;
      const cols = (stream as WriteStream).columns ?? 100;
      stream.write(`\r${text.slice(0, cols - 1).padEnd(Math.min(cols - 1, text.length + 2))}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
