/**
 * Compressed-stream sniffing beyond gzip: joblib's legacy `ZF` files (ASCII
 * `ZF`, the inflated length in hex padded to 19 characters, then zlib data)
 * and bare zlib streams (modern joblib `compress=('zlib', n)`).
 */
import { latin1 } from '../zip/bytes.js';

/** Compressed wrapper detected at the start of a file. */
export type CompressedStream = 'gzip' | 'joblib-zfile' | 'zlib';

const ZF_LENGTH_FIELD = 19; // len(hex(2**64)) in joblib's writer

/**
 * Detect a compressed wrapper from the first bytes. Exported for the
 * dispatcher: route all three to the `gzip` scanner. A zlib header is only two
 * bytes ("x^" is one), so check it after text detection or with a name hint.
 */
export function sniffCompressedStream(head: Uint8Array): CompressedStream | undefined {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (parseZfileHeader(head)) return 'joblib-zfile';
  const cmf = head[0] ?? 0;
  const flg = head[1] ?? 0;
  if ((cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0 && !(flg & 0x20)) return 'zlib';
  return undefined;
}

/** Where the zlib data of a joblib `ZF` file starts and the length it declares. */
export function parseZfileHeader(head: Uint8Array): { dataStart: number; declared: number } | undefined {
  if (head[0] !== 0x5a || head[1] !== 0x46 || head.length < 2 + ZF_LENGTH_FIELD) return undefined;
  const field = latin1(head.subarray(2, 2 + ZF_LENGTH_FIELD));
  const match = /^0x([0-9a-f]+)L? *$/i.exec(field);
  if (!match?.[1]) return undefined;
  const declared = parseInt(match[1], 16);
  if (!Number.isSafeInteger(declared)) return undefined;
  // Old Python 2 writers padded one character wider; zlib data never starts with a space.
  const dataStart = 2 + ZF_LENGTH_FIELD + (head[2 + ZF_LENGTH_FIELD] === 0x20 ? 1 : 0);
  return { dataStart, declared };
}
