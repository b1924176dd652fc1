/**
 * Checks on where safetensors data lives: each tensor's byte range matches
 * its shape and dtype, lies inside the file, and the ranges tile the data
 * section exactly (the reference loader refuses holes and overlaps).
 */
import { safetensorsByteSize, isSafetensorsDtype } from './dtypes.js';
import type { SafetensorsProblem, SafetensorsTensor } from './types.js';

/** Result of the layout pass. */
export interface SafetensorsLayout {
  dataEnd: number;
  problems: SafetensorsProblem[];
}

/** Check sizes, bounds, overlaps and gaps of tensors in a file of `fileSize` bytes. */
export function checkSafetensorsLayout(tensors: readonly SafetensorsTensor[], dataStart: number, fileSize: number): SafetensorsLayout {
  const problems: SafetensorsProblem[] = [];
  const inBounds: SafetensorsTensor[] = [];
  for (const t of tensors) {
    const where = { offset: t.start, tensor: t.name };
    if (isSafetensorsDtype(t.dtype)) {
      const want = safetensorsByteSize(t.dtype, t.shape);
      const have = BigInt(t.end - t.start);
      if (want !== have) {
        const expected = want === undefined ? 'a whole number of bytes' : `${want} bytes`;
        problems.push({
          code: 'size-mismatch',
          severity: 'high',
          ...where,
          message: `tensor '${t.name}' ${t.dtype} [${t.shape.join(', ')}] needs ${expected} but its range holds ${have}`,
        });
      }
    }
    if (t.end > fileSize) {
      problems.push({ code: 'out-of-bounds', severity: 'high', ...where, message: `tensor '${t.name}' ends at byte ${t.end}, past the end of the ${fileSize}-byte file` });
    } else inBounds.push(t);
  }
  const sorted = [...inBounds].sort((a, b) => a.start - b.start || a.end - b.end);
  let cursor = dataStart;
  let last: SafetensorsTensor | undefined;
  for (const t of sorted) {
    if (t.start < cursor && last && t.end > t.start) {
      problems.push({ code: 'overlap', severity: 'high', offset: t.start, tensor: t.name, message: `tensor '${t.name}' (bytes ${t.start}..${t.end}) overlaps '${last.name}' (bytes ${last.start}..${last.end})` });
    } else if (t.start > cursor) {
      problems.push({ code: 'gap', severity: 'medium', offset: cursor, tensor: t.name, message: `${t.start - cursor} unreferenced bytes before tensor '${t.name}'` });
    }
    if (t.end > cursor) {
      cursor = t.end;
      last = t;
    }
  }
  if (cursor < fileSize) {
    problems.push({ code: 'gap', severity: 'medium', offset: cursor, message: `${fileSize - cursor} bytes follow the last tensor; the reference loader refuses such files` });
  }
  return { dataEnd: cursor, problems };
}
