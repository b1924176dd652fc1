/**
 * The simulated unpickler's state (stack, MARK fences, memo) and the
 * primitives every opcode handler uses. Errors Python would raise are
 * reported and replaced by a neutral value so the walk continues: stopping
 * earlier than Python would hide whatever follows.
 */
import { isWrapperName } from './joblib.js';
import { judgeGlobal, type Verdict } from './policy.js';
import { PickleReport, type OpLocation } from './report.js';
import { EXCESSIVE_NESTING, LIMIT_EXCEEDED, MALFORMED, MEMO_EXPANSION, UNSAFE_CALL } from './rules.js';
import { unknown, weightOf, type CallResult, type GlobalRef, type Item } from './items.js';

/** Bounds that keep memory and time finite whatever the stream holds. */
export const LIMITS = {
  /** Opcodes walked per stream. */
  maxOps: 50_000_000,
  /** Stack entries and open MARKs (each costs a pointer). */
  maxStack: 4_000_000,
  maxMarks: 4_000_000,
  /** Memo entries kept; beyond this, memo reads are treated as unknown. */
  maxMemo: 2_000_000,
  /** Open MARKs or container depth past what CPython's pickler can write. */
  nestingWarn: 5_000,
  /** Memo references that, at this ratio per stored entry, look like an expansion attack. */
  refsWarn: 1_000_000,
  refsPerPut: 1_000,
  /** Expanded size that, far beyond the bytes read, looks like a "billion laughs". */
  weightWarn: 50_000_000,
  weightPerByte: 1_000,
  /** Distinct globals listed in results. */
  maxGlobals: 10_000,
} as const;

const MISSING: Item = unknown('a value missing from the stack');

/** State of one simulated unpickling. */
export class PickleState {
  readonly stack: Item[] = [];
  readonly marks: number[] = [];
  readonly memo = new Map<number, Item>();
  readonly globals = new Map<string, GlobalRef>();
  readonly report: PickleReport;
  /** Memo entries were dropped at the cap, so memo reads can no longer be trusted. */
  memoLossy = false;
  memoLen = 0;
  proto = 0;
  opIndex = 0;
  offset = 0;
  refs = 0;
  puts = 0;
  /** The STOP value, once reached. */
  result: Item | undefined;
  /** A joblib array wrapper just got its state: raw array bytes follow (or may: see `why`). */
  pendingArray: { wrapper: CallResult | undefined; why?: string } | undefined;
  /** joblib's NumpyArrayWrapper class was passed on as data, so any object may be one. */
  wrapperEscaped = false;
  /** The walk cannot continue (a limit was hit). */
  fatal = false;
  private readonly verdicts = new Map<string, Verdict>();
  private nestingNoted = false;
  private expansionNoted = false;

  constructor(
    file: string,
    private readonly allow: ReadonlySet<string>,
    /** Absolute offset where the stream starts, to relate weights to bytes read. */
    readonly start: number,
    /** Size of the whole source, for FRAME checks. */
    readonly size: number,
  ) {
    this.report = new PickleReport(file);
  }

  /** Current opcode's position. */
  loc(): OpLocation {
    return { opcode: this.opIndex, offset: this.offset };
  }

  /** Index below which the current MARK fences the stack. */
  fence(): number {
    return this.marks.length > 0 ? (this.marks[this.marks.length - 1] ?? 0) : 0;
  }

  push(item: Item): void {
    if (this.stack.length >= LIMITS.maxStack) {
      this.limit(`the stack grew past ${LIMITS.maxStack} entries`);
      return;
    }
    this.stack.push(item);
  }

  /** Pop without judging how the value is used. */
  pop(): Item {
    if (this.stack.length <= this.fence()) {
      this.malformed('stack underflow: an opcode needs more values than the stack holds above its MARK');
      return MISSING;
    }
    return this.stack.pop() ?? MISSING;
  }

  /** Pop a value that becomes data (an argument, a member, a state). */
  take(): Item {
    const item = this.pop();
    this.asValue(item);
    return item;
  }

  top(): Item {
    if (this.stack.length <= this.fence()) {
      this.malformed('stack underflow: an opcode needs more values than the stack holds above its MARK');
      return MISSING;
    }
    return this.stack[this.stack.length - 1] ?? MISSING;
  }

  setTop(item: Item): void {
    if (this.stack.length > this.fence()) this.stack[this.stack.length - 1] = item;
    else this.push(item);
  }

  /** Values above the last MARK, which is removed; each becomes data. */
  popMark(): Item[] {
    const at = this.marks.pop();
    if (at === undefined) {
      this.malformed('an opcode expects a MARK but none is open');
      return [];
    }
    const items = this.stack.splice(at);
    for (const item of items) this.asValue(item);
    return items;
  }

  mark(): void {
    if (this.marks.length >= LIMITS.maxMarks) return this.limit(`more than ${LIMITS.maxMarks} MARKs are open`);
    this.marks.push(this.stack.length);
    if (this.marks.length > LIMITS.nestingWarn) this.nesting(`more than ${LIMITS.nestingWarn} MARKs are open at once`);
  }

  /** Resolve and judge an import (cached per name). */
  ref(module: string, name: string): GlobalRef {
    const key = `${module}\n${name}`;
    let verdict = this.verdicts.get(key);
    if (!verdict) {
      verdict = judgeGlobal(module, name, this.allow);
      if (this.verdicts.size < LIMITS.maxGlobals) this.verdicts.set(key, verdict);
    }
    const display = printable(`${module}.${name}`);
    const ref: GlobalRef = { module, name, display, verdict };
    if (this.globals.size < LIMITS.maxGlobals && !this.globals.has(display)) this.globals.set(display, ref);
    return ref;
  }

  /** Report a problem Python would raise on; the walk goes on. */
  malformed(message: string): void {
    this.report.add(MALFORMED, 'high', this.loc(), message);
  }

  /** Stop the walk at a scanner limit. */
  limit(message: string): void {
    this.report.add(LIMIT_EXCEEDED, 'high', this.loc(), `${message}; the rest of the stream was not verified`, undefined, 'limit');
    this.fatal = true;
  }

  /** Check a container's weight and depth after it grew. */
  grew(item: Item, depth: number): void {
    if (depth > LIMITS.nestingWarn) this.nesting(`containers nest more than ${LIMITS.nestingWarn} levels deep`);
    const w = weightOf(item);
    if (!this.expansionNoted && w > LIMITS.weightWarn && w > LIMITS.weightPerByte * Math.max(1, this.offset - this.start)) {
      this.expansionNoted = true;
      const message = `shared memo references expand to about ${w.toExponential(1)} objects from ${this.offset - this.start} bytes`;
      this.report.add(MEMO_EXPANSION, 'medium', this.loc(), message, undefined, 'weight');
    }
  }

  /** End-of-stream check of memo reference counts. */
  checkRefs(): void {
    if (this.refs > LIMITS.refsWarn && this.refs > LIMITS.refsPerPut * Math.max(1, this.puts)) {
      const message = `${this.refs} memo/DUP references for ${this.puts} stored values (over ${LIMITS.refsPerPut} per value)`;
      this.report.add(MEMO_EXPANSION, 'medium', this.loc(), message, undefined, 'ratio');
    }
  }

  private nesting(message: string): void {
    if (this.nestingNoted) return;
    this.nestingNoted = true;
    this.report.add(EXCESSIVE_NESTING, 'medium', this.loc(), message, undefined, 'nesting');
  }

  // A callable allowed only for direct, checked calls must not escape as data:
  // whatever receives it could call it with arguments nobody checked.
  private asValue(item: Item): void {
    if (item.k !== 'global') return;
    if (isWrapperName(item.ref.verdict.normalized)) this.wrapperEscaped = true;
    if (item.ref.verdict.permit?.kind !== 'call') return;
    const message = `passes ${item.ref.display} on as a value; whatever receives it may call it with arguments this scan cannot check`;
    this.report.add(UNSAFE_CALL, 'high', this.loc(), message, item.ref.display, `escape:${item.ref.display}`);
  }
}

/** A name made safe to print: control and invisible characters escaped, length capped. */
export function printable(s: string): string {
  const escaped = s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\\]/gu, (c) => (c === '\\' ? '\\\\' : `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`));
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped;
}
