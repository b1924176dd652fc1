/**
 * Walk one pickle stream from an offset: decode opcodes through a buffered
 * cursor, simulate them, and stop at STOP, at a break Python would also stop
 * at, or at a scanner limit. Iterative throughout, so depth costs no stack.
 */
import type { Finding } from '../../core/findings.js';
import type { ByteSource } from '../io/byte-source.js';
import type { ScanContext } from '../scanner.js';
import { Cursor } from './cursor.js';
import { DECODE, KEEP_BYTES, decodeOp, newDecodedOp, type DecodeStatus, type DecodedOp } from './decode.js';
import { unknown, type Item } from './items.js';
import { planArray } from './joblib.js';
import { execute } from './machine.js';
import { MALFORMED, UNVERIFIED_DATA } from './rules.js';
import { LIMITS, PickleState } from './state.js';

/** Everything one walk learned. */
export interface WalkResult {
  findings: Finding[];
  /** Offset just after STOP, or undefined when the stream never reached one. */
  end: number | undefined;
  /** Distinct `module.name` globals the stream imports, allowed or not. */
  globals: string[];
  /** The value STOP returned (for recognising legacy torch headers). */
  value: Item | undefined;
  /** Offset of the first joblib array data skipped, if any. */
  arraysAt: number | undefined;
}

/** Options for one walk. */
export interface WalkOptions {
  /** Read joblib's inline arrays after NumpyArrayWrapper BUILDs (joblib.load's reading). */
  joblib: boolean;
}

const DEADLINE_EVERY = 0xffff;

/** Walk the pickle that starts at `offset` of `src`. */
export async function walkPickle(src: ByteSource, offset: number, ctx: ScanContext, opts: WalkOptions = { joblib: true }): Promise<WalkResult> {
  const s = new PickleState(src.name, ctx.settings.allowGlobals, offset, src.size);
  const cur = new Cursor(src);
  const op = newDecodedOp();
  const nested: Finding[] = [];
  let pos = offset;
  let end: number | undefined;
  let arraysAt: number | undefined;
  for (;;) {
    if (s.opIndex >= LIMITS.maxOps) {
      s.limit(`more than ${LIMITS.maxOps} opcodes`);
      break;
    }
    if ((s.opIndex & DEADLINE_EVERY) === 0 && Date.now() > ctx.budget.deadline) {
      s.limit('the scan deadline passed');
      break;
    }
    // Most opcodes decode from the current window; only window edges and long lines await.
    let status: DecodeStatus | 'deadline' = decodeOp(cur.win, pos, op);
    if (status === DECODE.NEED || status === DECODE.LONG_LINE) status = await decodeAt(cur, pos, op, ctx.budget.deadline);
    if (status === 'deadline') {
      s.limit('the scan deadline passed inside a long text argument');
      break;
    }
    if (status !== DECODE.OK) {
      broken(s, status, op, pos);
      break;
    }
    execute(s, op);
    pos = op.end;
    if (s.result !== undefined) {
      if (s.marks.length > 0) s.malformed(`STOP leaves ${s.marks.length} MARK(s) open, which no pickler writes`);
      end = pos;
      break;
    }
    s.opIndex++;
    if (s.fatal) break;
    if (s.pendingArray) {
      if (!opts.joblib) s.pendingArray = undefined;
      else {
        arraysAt ??= pos;
        const next = await skipArray(s, cur, src, pos, ctx, nested);
        if (next === undefined) break;
        pos = next;
      }
    }
  }
  s.checkRefs();
  return { findings: [...s.report.finish(), ...nested], end, globals: [...s.globals.keys()], value: s.result, arraysAt };
}

/** Decode at `pos`, reading more of the source as the decoder asks. */
async function decodeAt(cur: Cursor, pos: number, op: DecodedOp, deadline: number): Promise<DecodeStatus | 'deadline'> {
  let status = decodeOp(cur.win, pos, op);
  while (status === DECODE.NEED) {
    const before = cur.win.base + cur.win.bytes.length;
    await cur.fill(pos, op.need);
    // A source that returns short reads mid-file would otherwise loop forever.
    if (cur.win.base + cur.win.bytes.length <= before && cur.win.base <= pos) return DECODE.EOF;
    status = decodeOp(cur.win, pos, op);
  }
  return status === DECODE.LONG_LINE ? readLongLines(cur, pos, op, deadline) : status;
}

// A text argument longer than one window: stream to its newline(s), keeping at most KEEP_BYTES.
async function readLongLines(cur: Cursor, pos: number, op: DecodedOp, deadline: number): Promise<DecodeStatus | 'deadline'> {
  const lines = op.spec?.arg === 'line2' ? 2 : 1;
  let p = pos + 1;
  for (let i = 0; i < lines; i++) {
    const nl = await cur.findNewline(p, deadline);
    if (nl === -2) return 'deadline';
    if (nl < 0) return DECODE.EOF;
    const kept = nl - p <= KEEP_BYTES ? await cur.slice(p, nl) : undefined;
    if (i === 0) op.raw = kept;
    else op.raw2 = kept;
    p = nl + 1;
  }
  op.end = p;
  return DECODE.OK;
}

function broken(s: PickleState, status: DecodeStatus, op: DecodedOp, pos: number): void {
  s.offset = pos;
  const name = op.spec?.name ?? 'opcode';
  const message =
    status === DECODE.BAD_OPCODE
      ? `unknown opcode 0x${op.code.toString(16).padStart(2, '0')}; Python stops here with an error`
      : status === DECODE.BAD_ARG
        ? `${name} has a negative length`
        : pos >= s.size
          ? 'the stream ends without a STOP opcode (truncated)'
          : `the stream ends inside the argument of ${name} (truncated)`;
  s.report.add(MALFORMED, 'high', s.loc(), message, undefined, 'broken');
}

/** Step over the raw array (or scan the nested pickle) joblib reads after a wrapper BUILD. */
async function skipArray(s: PickleState, cur: Cursor, src: ByteSource, pos: number, ctx: ScanContext, nested: Finding[]): Promise<number | undefined> {
  const pending = s.pendingArray;
  s.pendingArray = undefined;
  if (!pending) return pos;
  const plan = pending.wrapper ? planArray(pending.wrapper) : { kind: 'unknown' as const, why: pending.why ?? 'unknown wrapper' };
  if (pending.wrapper) s.setTop(unknown('a numpy array read by joblib'));
  if (plan.kind === 'unknown') {
    const message = `joblib array data follows here but its length cannot be determined (${plan.why}); the rest of the file was not verified`;
    s.report.add(UNVERIFIED_DATA, 'high', s.loc(), message, 'NumpyArrayWrapper', 'joblib');
    return undefined;
  }
  if (plan.kind === 'pickle') {
    const inner = await walkPickle(src, pos, ctx, { joblib: false });
    nested.push(...inner.findings);
    return inner.end;
  }
  let next = pos;
  if (plan.padded) {
    const pad = await cur.byteAt(pos);
    next = pad === undefined ? src.size + 1 : pos + 1 + pad;
  }
  next += plan.bytes;
  if (next > src.size) {
    s.report.add(MALFORMED, 'high', s.loc(), `joblib array data (${plan.bytes} bytes) runs past the end of the file`, undefined, 'broken');
    return undefined;
  }
  return next;
}
