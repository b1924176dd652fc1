/**
 * What the simulated unpickler keeps for each stack and memo entry: just
 * enough to name the callables a stream reaches (strings, imported globals,
 * call results) and to size joblib arrays (small ints, tuples, dicts).
 * Containers keep only their first few members and a saturating "expanded
 * size" weight, so memory stays bounded whatever the stream does.
 */
import type { Verdict } from './policy.js';

/** An imported global (GLOBAL, STACK_GLOBAL, INST, EXT*), with its policy verdict. */
export interface GlobalRef {
  /** Module and name as the stream spells them (after decoding). */
  readonly module: string;
  readonly name: string;
  /** Printable `module.name` for messages and evidence. */
  readonly display: string;
  readonly verdict: Verdict;
}

/** Kinds of plain containers. */
export type ContainerKind = 'tuple' | 'list' | 'dict' | 'set' | 'frozenset';

/** A container; `items` holds the first CHILD_CAP members (dict: keys and values alternate). */
export interface Container {
  readonly k: ContainerKind;
  items: Item[];
  /** Members added, including those not kept. */
  count: number;
  /** Saturating estimate of the fully expanded size (shared references counted each time). */
  w: number;
  /** Nesting depth (1 for an empty container). */
  d: number;
}

/** The result of calling or instantiating something. */
export interface CallResult {
  readonly k: 'obj';
  /** The callable when it was an imported global. */
  readonly ref: GlobalRef | undefined;
  readonly args: Item | undefined;
  /** Attribute state merged by BUILD (string keys only, capped). */
  attrs: Map<string, Item> | undefined;
  /** The last BUILD state, as given. */
  state: Item | undefined;
  /** A BUILD set attributes the simulation could not read, so `attrs` is incomplete. */
  attrsLost: boolean;
  w: number;
}

/** Everything the simulation tracks about one value. */
export type Item =
  | { readonly k: 'str'; readonly v: string | undefined }
  | { readonly k: 'int'; readonly v: number | undefined; readonly big?: bigint }
  | { readonly k: 'bytes' | 'float' | 'none' | 'buffer' }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'global'; readonly ref: GlobalRef }
  | { readonly k: 'unknown'; readonly why: string }
  | Container
  | CallResult;

/** Members kept per container: enough for shapes, dtype states and call arguments. */
export const CHILD_CAP = 64;
/** Weights saturate here so sums never lose precision. */
const WEIGHT_CAP = 2 ** 50;

export const NONE: Item = { k: 'none' };
export const TRUE: Item = { k: 'bool', v: true };
export const FALSE: Item = { k: 'bool', v: false };
export const FLOAT: Item = { k: 'float' };
export const BYTES: Item = { k: 'bytes' };
export const BUFFER: Item = { k: 'buffer' };
/** A string whose text was not kept (too long, or undecodable). */
export const OPAQUE_STR: Item = { k: 'str', v: undefined };

/** What a memo read returns once the memo outgrew what the scan keeps. */
export const LOST_MEMO: Item = { k: 'unknown', why: 'a memo value the scanner did not keep' };

/** A string value. */
export function str(v: string | undefined): Item {
  return v === undefined ? OPAQUE_STR : { k: 'str', v };
}

/** An integer value; `undefined` when it does not fit a safe JS number. */
export function int(v: number | bigint | undefined): Item {
  if (typeof v === 'bigint') {
    const small = v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER);
    return { k: 'int', v: small ? Number(v) : undefined, big: v };
  }
  return { k: 'int', v };
}

/** An item the simulation cannot see into, with the reason. */
export function unknown(why: string): Item {
  return { k: 'unknown', why };
}

/** Expanded-size weight of any item. */
export function weightOf(item: Item): number {
  return 'w' in item ? item.w : 1;
}

/** A new container holding `members` (kept up to CHILD_CAP). */
export function container(k: ContainerKind, members: readonly Item[] = []): Container {
  const c: Container = { k, items: [], count: 0, w: 1, d: 1 };
  for (const m of members) addMember(c, m);
  return c;
}

/** Add one member, updating the count and weight; a self-reference adds no weight. */
export function addMember(c: Container, m: Item): void {
  if (c.items.length < CHILD_CAP) c.items.push(m);
  c.count++;
  if (m === c) return;
  c.w = Math.min(WEIGHT_CAP, c.w + weightOf(m));
  const d = depthOf(m) + 1;
  if (d > c.d) c.d = d;
}

/** Nesting depth of an item (1 for anything that is not a container). */
export function depthOf(item: Item): number {
  return isContainer(item) ? item.d : 1;
}

/** A call or instantiation result. */
export function callResult(ref: GlobalRef | undefined, args: Item | undefined): CallResult {
  return { k: 'obj', ref, args, attrs: undefined, state: undefined, attrsLost: false, w: 1 + (args ? weightOf(args) : 0) };
}

/** True for items that are containers. */
export function isContainer(item: Item): item is Container {
  return item.k === 'tuple' || item.k === 'list' || item.k === 'dict' || item.k === 'set' || item.k === 'frozenset';
}

/** Short description of an item for messages ("a string", "os.system", "the result of a call"). */
export function describe(item: Item): string {
  switch (item.k) {
    case 'global':
      return item.ref.display;
    case 'obj':
      return item.ref ? `an object made by ${item.ref.display}` : 'the result of another call';
    case 'unknown':
      return item.why;
    case 'str':
      return 'a string';
    default:
      return `a ${item.k} value`;
  }
}
