/**
 * A file is a sequence of pickles more often than one might think: legacy
 * (pre-zip) `torch.save` writes five in a row and then raw storage bytes, and
 * an attacker can hide a second pickle after the first STOP for any loader
 * that calls `load()` again. This module walks the whole file accordingly.
 */
import type { Finding } from '../../core/findings.js';
import { sliceSource, type ByteSource } from '../io/byte-source.js';
import type { ScanContext } from '../scanner.js';
import type { Item } from './items.js';
import { DANGEROUS_IMPORT, LIMIT_EXCEEDED, TRAILING_DATA, UNKNOWN_IMPORT, UNSAFE_CALL } from './rules.js';
import { sniffPickle } from './sniff.js';
import { walkPickle, type WalkResult } from './walk.js';

/** `torch.serialization.MAGIC_NUMBER`, the first pickle of a legacy torch save. */
export const TORCH_LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
/** Pickles after the magic one: protocol version, sys info, the object, storage keys. */
const TORCH_LEGACY_REST = 4;
const MAX_STREAMS = 64;
const SNIFF_BYTES = 4096;

/** Result of scanning one pickle stream that other scanners can reuse. */
export interface PickleAtResult {
  findings: Finding[];
  /** Offset just after STOP; undefined when the stream is broken or truncated. */
  end: number | undefined;
  /** Distinct `module.name` globals the stream imports. */
  globals: string[];
}

/**
 * Scan the single pickle stream starting at `offset` (numpy object arrays,
 * torch archive members and joblib call this).
 * @example const { findings, end } = await scanPickleAt(src, 0, ctx);
 */
export async function scanPickleAt(src: ByteSource, offset: number, ctx: ScanContext): Promise<PickleAtResult> {
  const { findings, end, globals } = await walkStream(src, offset, ctx);
  return { findings, end, globals };
}

const PLAIN_RULES: ReadonlySet<string> = new Set([DANGEROUS_IMPORT.id, UNKNOWN_IMPORT.id, UNSAFE_CALL.id]);
// Random array bytes can decode as a GLOBAL of junk; only importable-looking names count.
const IMPORTABLE = /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)+$/u;

/**
 * Walk one stream as joblib.load reads it and, when it holds inline arrays,
 * again as pickle.load (or torch.load) reads it: those loaders parse the
 * array bytes as opcodes, so a payload disguised as array data must not pass.
 */
async function walkStream(src: ByteSource, at: number, ctx: ScanContext): Promise<WalkResult> {
  const joblib = await walkPickle(src, at, ctx);
  const arraysAt = joblib.arraysAt;
  if (arraysAt === undefined) return joblib;
  const plain = await walkPickle(src, at, ctx, { joblib: false });
  const seen = new Set(joblib.findings.map((f) => `${f.ruleId}\n${f.evidence ?? ''}`));
  const extra = plain.findings.filter(
    (f) => PLAIN_RULES.has(f.ruleId) && (f.location?.offset ?? 0) >= arraysAt && IMPORTABLE.test(f.evidence ?? '') && !seen.has(`${f.ruleId}\n${f.evidence ?? ''}`),
  );
  const prefix = 'read as a plain pickle (pickle.load, torch.load), the bytes joblib treats as array data ';
  return { ...joblib, findings: [...joblib.findings, ...extra.map((f) => ({ ...f, message: prefix + f.message }))] };
}

function isTorchMagic(value: Item | undefined): boolean {
  return value?.k === 'int' && value.big === TORCH_LEGACY_MAGIC;
}

/** Scan every pickle stream in a file: legacy torch saves, hidden second pickles, trailing data. */
export async function scanPickleFile(src: ByteSource, ctx: ScanContext): Promise<Finding[]> {
  const first = await walkStream(src, 0, ctx);
  const findings = [...first.findings];
  let pos = first.end;
  if (pos === undefined) return findings;
  if (isTorchMagic(first.value)) {
    for (let i = 0; i < TORCH_LEGACY_REST && pos !== undefined; i++) {
      const next = await walkPickle(src, pos, ctx, { joblib: false });
      findings.push(...next.findings);
      pos = next.end;
    }
    return findings; // raw storage bytes follow; torch reads them by key, never as pickles
  }
  for (let streams = 1; pos !== undefined && pos < src.size; streams++) {
    const at: number = pos;
    const head = await src.read(at, SNIFF_BYTES);
    if (streams >= MAX_STREAMS) {
      findings.push(trailing(src, at, LIMIT_EXCEEDED.id, 'high', `more than ${MAX_STREAMS} pickle streams; the rest of the file was not verified`));
      break;
    }
    if (!sniffPickle(head)) {
      const bytes = src.size - at;
      findings.push(trailing(src, at, TRAILING_DATA.id, 'medium', `${bytes} bytes follow the pickle's STOP and are not a pickle; loaders ignore them, but they can carry a payload for another reader`));
      findings.push(...(await ctx.scanNested(sliceSource(src, at, bytes, `${src.name}!@${at}`), `@${at}`)));
      break;
    }
    findings.push(trailing(src, at, TRAILING_DATA.id, 'high', 'a second pickle stream follows the first STOP; any loader that calls load() again runs it (scanned below)'));
    const next = await walkStream(src, at, ctx);
    findings.push(...next.findings);
    pos = next.end;
  }
  return findings;
}

function trailing(src: ByteSource, offset: number, ruleId: string, severity: Finding['severity'], message: string): Finding {
  return { ruleId, severity, file: src.name, location: { offset }, message };
}
