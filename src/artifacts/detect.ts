/**
 * Format detection by content. The file name is a hint only: a pickle named
 * `.txt` or `.safetensors` is still a pickle (a known scanner bypass).
 */
import type { ByteSource } from './io/byte-source.js';
import type { ArtifactFormat } from './scanner.js';
import { sniffCompressedStream } from './gzip/zfile.js';
import { sniffPickle } from './pickle/sniff.js';

const HEAD = 4096;
const EOCD_WINDOW = 65_557; // max zip comment (65535) + EOCD record (22)

/** Formats a file name suggests, used to notice disagreements with the content. */
export function formatFromName(name: string): ArtifactFormat[] {
  const base = name.slice(name.lastIndexOf('!') + 1).toLowerCase();
  const ext = base.slice(base.lastIndexOf('.') + 1);
  switch (ext) {
    case 'safetensors':
      return ['safetensors'];
    case 'gguf':
      return ['gguf'];
    case 'pkl':
    case 'pickle':
    case 'joblib':
      return ['pickle', 'gzip'];
    case 'pt':
    case 'pth':
    case 'bin':
    case 'ckpt':
      return ['pickle', 'zip', 'tar'];
    case 'npy':
      return ['numpy'];
    case 'npz':
      return ['zip'];
    case 'zip':
      return ['zip'];
    case 'tar':
      return ['tar'];
    case 'gz':
    case 'tgz':
      return ['gzip'];
    case 'py':
      return ['python'];
    case 'json':
      return ['json'];
    case 'txt':
    case 'md':
    case 'jinja':
    case 'model':
      return ['text'];
    default:
      return [];
  }
}

/** Detect a source's format from its bytes, using the name only where content cannot tell. */
export async function detectFormat(src: ByteSource): Promise<ArtifactFormat> {
  if (src.size === 0) return 'unknown';
  const head = await src.read(0, HEAD);
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 4) === 'GGUF') return 'gguf';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) return 'zip';
  if (head[0] === 0x93 && ascii(1, 6) === 'NUMPY') return 'numpy';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (looksLikeTar(head)) return 'tar';
  // joblib's ZF container has a distinctive header; a bare zlib stream only two bytes, so it needs the binary check below.
  const compressed = sniffCompressedStream(head);
  if (compressed === 'joblib-zfile') return 'gzip';
  if (looksLikeSafetensors(head, src.size)) return 'safetensors';
  if (sniffPickle(head)) return 'pickle';
  // A zip with bytes prepended still opens in Python's zipfile (and torch.load).
  if (await hasZipEndRecord(src)) return 'zip';
  const name = src.name.toLowerCase();
  if (name.endsWith('.py')) return 'python';
  if (compressed === 'zlib' && !isProbablyText(head)) return 'gzip';
  if (isProbablyText(head)) return /^\s*[[{]/.test(ascii(0, Math.min(head.length, 64))) && name.endsWith('.json') ? 'json' : 'text';
  return 'unknown';
}

function looksLikeSafetensors(head: Uint8Array, size: number): boolean {
  if (head.length < 9) return false;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const n = view.getBigUint64(0, true);
  return n > 1n && n <= BigInt(size - 8) && head[8] === 0x7b; // '{'
}

function looksLikeTar(head: Uint8Array): boolean {
  if (head.length < 512) return false;
  const magic = String.fromCharCode(...head.subarray(257, 262));
  if (magic === 'ustar') return true;
  // v7 tar has no magic: trust a valid header checksum on a non-empty name.
  if (head[0] === 0) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : (head[i] ?? 0);
  const stored = parseInt(String.fromCharCode(...head.subarray(148, 156)).replace(/[\0 ]+/g, ' ').trim(), 8);
  return Number.isFinite(stored) && stored === sum;
}

async function hasZipEndRecord(src: ByteSource): Promise<boolean> {
  const start = Math.max(0, src.size - EOCD_WINDOW);
  const tail = await src.read(start, src.size - start);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 5 && tail[i + 3] === 6) return true;
  }
  return false;
}

function isProbablyText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.length === HEAD ? trimPartialUtf8(head) : head);
    return true;
  } catch {
    return false;
  }
}

// A 4 KiB window may cut a multi-byte character; drop the partial tail.
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  const end = b.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const c = b[end - k] ?? 0;
    if ((c & 0xc0) === 0xc0) return b.subarray(0, end - k);
    if ((c & 0x80) === 0) break;
  }
  return b;
}
