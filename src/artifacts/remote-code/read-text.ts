/** Bounded text reading for the text-like scanners (Python, JSON, templates). */
import type { ByteSource } from '../io/byte-source.js';

/** Text of a source, cut at `limit` bytes; `truncated` says whether it was cut. */
export interface SourceText {
  text: string;
  truncated: boolean;
}

const decoder = new TextDecoder('utf-8');

/** Read up to `limit` bytes as UTF-8 (invalid bytes become U+FFFD), dropping a BOM. */
export async function readText(src: ByteSource, limit: number): Promise<SourceText> {
  const n = Math.min(src.size, limit);
  const text = decoder.decode(await src.read(0, n));
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, truncated: src.size > limit };
}

/** The last path component of a display name (`a/b/model.gguf!x/config.json` → `config.json`). */
export function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'), name.lastIndexOf('!')) + 1);
}
