/**
 * Checks on where tensor data lives: sizes computable, offsets aligned and
 * inside the file, no two tensors sharing bytes, and no unexplained bytes
 * between or after them (llama.cpp expects tensors packed in header order).
 */
import { alignUp, ggmlType, tensorSize } from './ggml-types.js';
import type { GgufProblem } from './problems.js';
import type { GgufTensorInfo } from './header-types.js';

/** Result of the layout pass. */
export interface TensorLayout {
  dataStart: number;
  dataEnd: number;
  problems: GgufProblem[];
}

interface Placed {
  t: GgufTensorInfo;
  start: bigint;
  end: bigint;
}

/** Check tensor placement; `infoEnd` is the offset just past the last tensor info. */
export function checkTensorLayout(tensors: readonly GgufTensorInfo[], alignment: number, infoEnd: number, fileSize: number): TensorLayout {
  const problems: GgufProblem[] = [];
  const align = BigInt(alignment);
  const dataStart = alignUp(BigInt(infoEnd), align);
  const size = BigInt(fileSize);
  if (tensors.length > 0 && dataStart > size) {
    problems.push({ code: 'out-of-bounds', severity: 'high', offset: infoEnd, message: `tensor data would start at ${dataStart}, past the end of the ${fileSize}-byte file` });
  }
  const placed: Placed[] = [];
  let expected = 0n;
  let dataEnd = dataStart;
  for (const t of tensors) {
    const bytes = sizeOrProblem(t, problems);
    if (t.offset % align !== 0n) {
      problems.push({ code: 'misaligned', severity: 'medium', offset: t.infoOffset, tensor: t.name, message: `tensor ${t.name} data offset ${t.offset} is not a multiple of the alignment ${alignment}` });
    }
    if (bytes === undefined) continue;
    const start = dataStart + t.offset;
    const end = start + bytes;
    if (end > size) {
      problems.push({ code: 'out-of-bounds', severity: 'high', offset: t.infoOffset, tensor: t.name, message: `tensor ${t.name} spans bytes ${start}..${end}, past the end of the ${fileSize}-byte file` });
      continue;
    }
    if (t.offset !== expected) {
      problems.push({ code: 'gap', severity: 'low', offset: t.infoOffset, tensor: t.name, message: `tensor ${t.name} data is at offset ${t.offset}; packed in header order it would be at ${expected}` });
    }
    expected = t.offset + alignUp(bytes, align);
    placed.push({ t, start, end });
    const padded = dataStart + alignUp(t.offset + bytes, align);
    if (padded > dataEnd) dataEnd = padded;
  }
  problems.push(...overlaps(placed));
  if (tensors.length > 0 && dataEnd < size) {
    problems.push({ code: 'trailing-data', severity: 'low', offset: Number(dataEnd), message: `${size - dataEnd} bytes follow the last tensor's data` });
  }
  const clamp = (n: bigint) => Number(n < size ? n : size);
  return { dataStart: clamp(dataStart), dataEnd: clamp(dataEnd), problems };
}

function sizeOrProblem(t: GgufTensorInfo, problems: GgufProblem[]): bigint | undefined {
  const s = tensorSize(t.typeId, t.dims);
  const where = { offset: t.infoOffset, tensor: t.name, evidence: `type ${t.type ?? t.typeId}, dims [${t.dims.join(', ')}]` };
  const type = ggmlType(t.typeId);
  if (type?.removed) {
    problems.push({ code: 'unknown-type', severity: 'low', ...where, message: `tensor ${t.name} uses ${type.name}, a type current llama.cpp no longer loads` });
  }
  if (s.ok) return s.bytes;
  switch (s.reason) {
    case 'unknown-type':
      problems.push({ code: 'unknown-type', severity: 'medium', ...where, message: `tensor ${t.name} has unknown ggml type ${t.typeId}; its size and bounds cannot be checked` });
      return undefined;
    case 'overflow':
    case 'negative':
      problems.push({ code: 'malformed', severity: 'high', ...where, message: `tensor ${t.name} dimensions multiply past the int64 element limit` });
      return undefined;
    case 'partial-block':
      problems.push({ code: 'malformed', severity: 'medium', ...where, message: `tensor ${t.name} rows are not a whole number of ${type?.name ?? ''} blocks` });
      return undefined;
  }
}

function overlaps(placed: Placed[]): GgufProblem[] {
  const out: GgufProblem[] = [];
  const sorted = [...placed].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let prev: Placed | undefined;
  for (const p of sorted) {
    if (prev && p.start < prev.end && p.end > p.start) {
      out.push({
        code: 'overlap',
        severity: 'high',
        offset: p.t.infoOffset,
        tensor: p.t.name,
        message: `tensor ${p.t.name} (bytes ${p.start}..${p.end}) overlaps ${prev.t.name} (bytes ${prev.start}..${prev.end})`,
      });
    }
    if (!prev || p.end > prev.end) prev = p;
  }
  return out;
}
