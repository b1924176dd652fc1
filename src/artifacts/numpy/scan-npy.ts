/**
 * The .npy scan: validate the header, check shape × itemsize against the
 * data, and route what could hide code: object arrays (a pickle) always, the
 * array data and any trailing bytes only when they are in a known format.
 */
import type { Finding } from '../../core/findings.js';
import { sliceSource, type ByteSource } from '../io/byte-source.js';
import type { ScanContext } from '../scanner.js';
import { routeMember } from '../zip/nested.js';
import { report } from '../zip/report.js';
import { NUMPY_MAX_HEADER, readNpyHeader } from './header.js';
import { NUMPY_MALFORMED, NUMPY_OBJECT_ARRAY, NUMPY_SIZE_MISMATCH } from './rules.js';

/** Scan one .npy file (or .npz member). */
export async function scanNpy(src: ByteSource, ctx: ScanContext): Promise<Finding[]> {
  const parsed = await readNpyHeader(src);
  if (!parsed.ok) return [report(NUMPY_MALFORMED, src.name, `np.load refuses this file: ${parsed.error}`, { offset: parsed.offset })];
  const { header } = parsed;
  const findings: Finding[] = [];
  if (header.headerLength > NUMPY_MAX_HEADER) {
    const message = `header of ${header.headerLength} bytes exceeds numpy's default max_header_size (${NUMPY_MAX_HEADER})`;
    findings.push(report(NUMPY_MALFORMED, src.name, message, { severity: 'low', offset: 8 }));
  }
  const dataLength = src.size - header.dataOffset;
  if (header.dtype.hasObject) {
    findings.push(report(NUMPY_OBJECT_ARRAY, src.name, 'object dtype: the array data is a pickle, loaded only with allow_pickle=True', { offset: header.dataOffset }));
    const pickle = sliceSource(src, header.dataOffset, dataLength, `${src.name}!object-data.pkl`);
    findings.push(...(await routeMember(ctx, pickle, false)).findings);
    return findings;
  }
  const expected = header.count * header.dtype.itemsize;
  const actual = BigInt(dataLength);
  if (expected !== actual) {
    const message = expected > actual ? `data is ${actual} bytes, shape × itemsize needs ${expected}: np.load fails` : `${actual - expected} bytes follow the array data; np.load ignores them`;
    findings.push(report(NUMPY_SIZE_MISMATCH, src.name, message, { offset: header.dataOffset }));
  }
  const arrayLength = expected < actual ? Number(expected) : dataLength;
  const data = sliceSource(src, header.dataOffset, arrayLength, `${src.name}!array-data`);
  if (data.size > 0) findings.push(...(await routeMember(ctx, data, true)).findings);
  if (expected < actual) {
    const tail = sliceSource(src, header.dataOffset + arrayLength, dataLength - arrayLength, `${src.name}!trailing-data`);
    findings.push(...(await routeMember(ctx, tail, true)).findings);
  }
  return findings;
}
