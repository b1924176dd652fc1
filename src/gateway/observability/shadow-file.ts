/** Shadow answers appended as JSON lines to a file (`.modelgate/shadow.jsonl` under `serve`). */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ShadowSink } from '../types.js';

/** A sink appending one JSON object per shadow answer. */
export function fileShadowSink(path: string): ShadowSink {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path, { flags: 'a' });
  return {
    record: (row) => void out.write(`${JSON.stringify(row)}\n`),
    close: () => new Promise<void>((resolve) => out.end(() => resolve())),
  };
}
