/**
 * Handlers for the opcodes that import or call: GLOBAL, STACK_GLOBAL, INST,
 * OBJ, NEWOBJ, NEWOBJ_EX, REDUCE, BUILD, the extension registry, persistent
 * ids and STOP. This is where a stream's reach is judged.
 */
import type { DecodedOp } from './decode.js';
import type { OpName } from './opcodes.js';
import type { Handler } from './ops-data.js';
import { DANGEROUS_IMPORT, OBJECT_TAMPERING, UNKNOWN_IMPORT, UNRESOLVED_IMPORT } from './rules.js';
import type { PickleState } from './state.js';
import { callResult, container, describe, unknown, weightOf, type CallResult, type GlobalRef, type Item } from './items.js';
import { decodeUtf8 } from './text-codec.js';
import { isArrayWrapper, mayBeWrapper, wrapperInit } from './joblib.js';

/** Report an import unless the allowlist covers it (checked uses are judged where they happen). */
function noteImport(s: PickleState, ref: GlobalRef, via: string): void {
  const v = ref.verdict;
  if (v.permit) return;
  const rule = v.rule === 'dangerous' ? DANGEROUS_IMPORT : UNKNOWN_IMPORT;
  const alias = v.normalized !== `${ref.module}.${ref.name}` ? ` (Python reads it as ${v.normalized})` : '';
  s.report.add(rule, v.severity, s.loc(), `imports ${ref.display}${alias} via ${via}, which ${v.reason}`, ref.display, ref.display);
}

function unresolved(s: PickleState, message: string, evidence: string): Item {
  s.report.add(UNRESOLVED_IMPORT, 'high', s.loc(), message, evidence, `${evidence}@${s.opIndex}`);
  return unknown('an import the scanner could not resolve');
}

/** The global named by GLOBAL/INST lines, or undefined (reported) when they do not decode. */
function lineGlobal(s: PickleState, op: DecodedOp, via: string): GlobalRef | undefined {
  const module = op.raw ? decodeUtf8(op.raw) : undefined;
  const name = op.raw2 ? decodeUtf8(op.raw2) : undefined;
  if (module === undefined || name === undefined) {
    unresolved(s, `${via} names a module or attribute that is too long or not valid UTF-8`, via);
    return undefined;
  }
  const ref = s.ref(module, name);
  noteImport(s, ref, via);
  return ref;
}

function stackGlobal(s: PickleState): void {
  const name = s.pop();
  const module = s.pop();
  if (module.k === 'str' && module.v !== undefined && name.k === 'str' && name.v !== undefined) {
    const ref = s.ref(module.v, name.v);
    noteImport(s, ref, 'STACK_GLOBAL');
    return s.push({ k: 'global', ref });
  }
  const what = `module ${describe(module)}, name ${describe(name)}`;
  s.push(unresolved(s, `STACK_GLOBAL imports from values that are not literal strings (${what}); what it loads is decided at load time`, 'STACK_GLOBAL'));
}

/** Judge calling `target` with `args` and return the result the stack receives. */
function invoke(s: PickleState, target: Item, args: Item | undefined, opName: string): CallResult {
  if (target.k === 'global') {
    const ref = target.ref;
    const permit = ref.verdict.permit;
    if (!permit) s.report.call(ref.display, ref.verdict.severity, opName, s.loc(), `${ref.display} ${ref.verdict.reason}`);
    else if (permit.kind === 'value') s.report.call(ref.display, ref.verdict.severity, opName, s.loc(), `${ref.display} is allowed as data only; calling it ${ref.verdict.reason}`);
    else if (permit.kind === 'call') {
      const why = permit.check(args);
      if (why !== undefined) s.report.call(ref.display, 'high', opName, s.loc(), `${ref.display} is ${why}`);
    }
    const result = callResult(ref, args);
    if (isArrayWrapper(ref) && opName !== 'NEWOBJ' && opName !== 'NEWOBJ_EX') wrapperInit(result, args);
    return result;
  }
  if (target.k === 'obj' || target.k === 'unknown') {
    const what = target.k === 'obj' ? (target.ref ? `an object made by ${target.ref.display}` : 'the result of another call') : target.why;
    s.report.call(what, 'high', opName, s.loc(), 'the callable is not an imported name the scanner can check');
  } else {
    s.malformed(`${opName} calls ${describe(target)}, which is not callable`);
  }
  return callResult(undefined, args);
}

function reduce(s: PickleState): void {
  const args = s.take();
  const func = s.top();
  s.setTop(invoke(s, func, args, 'REDUCE'));
}

function newObj(s: PickleState, ex: boolean): void {
  const kwargs = ex ? s.take() : undefined;
  const args = s.take();
  const cls = s.pop();
  const result = invoke(s, cls, args, ex ? 'NEWOBJ_EX' : 'NEWOBJ');
  if (kwargs) result.w += weightOf(kwargs);
  s.push(result);
}

function obj(s: PickleState): void {
  const items = s.popMark();
  const cls = items.shift();
  if (!cls) {
    s.malformed('OBJ without a class after its MARK');
    return s.push(unknown('a failed OBJ'));
  }
  s.push(invoke(s, cls, container('tuple', items), 'OBJ'));
}

function inst(s: PickleState, op: DecodedOp): void {
  const ref = lineGlobal(s, op, 'INST');
  const args = container('tuple', s.popMark());
  s.push(ref ? invoke(s, { k: 'global', ref }, args, 'INST') : invoke(s, unknown('an unresolved INST class'), args, 'INST'));
}

/** BUILD: `__setstate__` or attribute updates on the object under the state. */
function build(s: PickleState): void {
  const state = s.take();
  const target = s.top();
  if (target.k === 'global') {
    const message = `BUILD sets state on the imported object ${target.ref.display} itself, which monkey-patches it`;
    return s.report.add(OBJECT_TAMPERING, 'high', s.loc(), message, target.ref.display, `BUILD:${target.ref.display}`);
  }
  if (mayBeWrapper(target, s.wrapperEscaped)) {
    s.pendingArray = { wrapper: undefined, why: `BUILD on an object of uncertain type (${describe(target)}), which joblib may treat as an array wrapper` };
  }
  if (target.k !== 'obj') return;
  target.w += weightOf(state);
  target.state = state;
  const ref = target.ref;
  if (ref && ref.verdict.permit?.kind !== 'any') {
    s.report.call(ref.display, ref.verdict.severity, 'BUILD', s.loc(), `BUILD runs __setstate__ of an object built by ${ref.display}`);
  }
  mergeState(s, target, state);
  if (ref && isArrayWrapper(ref)) s.pendingArray = { wrapper: target };
}

// BUILD state is a dict, or a (dict | None, slot dict) pair; string keys become attributes.
// Anything else (an object with items(), a dict not fully kept, a key of unknown text)
// sets attributes the simulation cannot name, so the object's attributes are marked lost.
function mergeState(s: PickleState, target: CallResult, state: Item): void {
  const parts = state.k === 'tuple' && state.count === 2 && state.items.length === 2 ? state.items : [state];
  for (const d of parts) {
    if (d.k === 'none') continue;
    if (d.k !== 'dict' || d.count !== d.items.length) {
      target.attrsLost = true;
      continue;
    }
    for (let i = 0; i + 1 < d.items.length; i += 2) {
      const key = d.items[i];
      const value = d.items[i + 1];
      if (key?.k === 'str' && key.v === undefined) target.attrsLost = true;
      if (key?.k !== 'str' || key.v === undefined || value === undefined) continue;
      if (/^__.*__$/.test(key.v)) {
        const message = `BUILD sets the attribute ${key.v}, which changes how the object behaves (a known gadget)`;
        s.report.add(OBJECT_TAMPERING, 'high', s.loc(), message, key.v, `dunder:${key.v}`);
      }
      target.attrs ??= new Map();
      if (target.attrs.size < 64 || target.attrs.has(key.v)) target.attrs.set(key.v, value);
    }
  }
}

function ext(s: PickleState, op: DecodedOp): void {
  const message = `${op.spec?.name ?? 'EXT'} imports extension code ${op.num} from the copyreg registry; what it names is decided by the loading process, not the file`;
  s.push(unresolved(s, message, `${op.spec?.name ?? 'EXT'} ${op.num}`));
}

/** Handlers for import, call and control opcodes. */
export const CALL_HANDLERS = {
  GLOBAL: (s, op) => {
    const ref = lineGlobal(s, op, 'GLOBAL');
    s.push(ref ? { k: 'global', ref } : unknown('an unresolved GLOBAL'));
  },
  STACK_GLOBAL: stackGlobal,
  INST: inst,
  OBJ: obj,
  NEWOBJ: (s) => newObj(s, false),
  NEWOBJ_EX: (s) => newObj(s, true),
  REDUCE: reduce,
  BUILD: build,
  EXT1: ext,
  EXT2: ext,
  EXT4: ext,
  PERSID: (s) => s.push(unknown('a persistent object supplied by the loader')),
  BINPERSID: (s) => {
    s.take();
    s.push(unknown('a persistent object supplied by the loader'));
  },
  STOP: (s) => {
    s.result = s.take();
  },
} satisfies Partial<Record<OpName, Handler>>;
