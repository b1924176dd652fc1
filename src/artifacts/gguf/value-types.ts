/**
 * GGUF metadata value types (the `type` field before each KV value and
 * array item) and the JavaScript shapes the reader gives them.
 */

/** Value type names in id order: the id of a name is its index. */
export const GGUF_VALUE_TYPES = [
  'uint8',
  'int8',
  'uint16',
  'int16',
  'uint32',
  'int32',
  'float32',
  'bool',
  'string',
  'array',
  'uint64',
  'int64',
  'float64',
] as const;
export type GgufValueType = (typeof GGUF_VALUE_TYPES)[number];

/** Value type name for a numeric id, or undefined when the id is not in the spec. */
export function ggufValueType(id: number): GgufValueType | undefined {
  return GGUF_VALUE_TYPES[id];
}

/** Numeric id of a value type name. */
export function ggufValueTypeId(t: GgufValueType): number {
  return GGUF_VALUE_TYPES.indexOf(t);
}

/** Fixed byte width of scalar types; strings and arrays have none. */
export const GGUF_SCALAR_BYTES: Readonly<Record<GgufValueType, number | undefined>> = {
  uint8: 1,
  int8: 1,
  uint16: 2,
  int16: 2,
  uint32: 4,
  int32: 4,
  float32: 4,
  bool: 1,
  string: undefined,
  array: undefined,
  uint64: 8,
  int64: 8,
  float64: 8,
};

/** A scalar as read: 64-bit integers stay BigInt so no precision is lost. */
export type GgufScalar = number | bigint | boolean | string;

/** An array value; huge arrays keep only their first items (see `truncated`). */
export interface GgufArray {
  itemType: GgufValueType;
  /** Length declared in the file. */
  length: number;
  items: Array<GgufScalar | GgufArray>;
  /** True when `items` holds fewer than `length` entries. */
  truncated: boolean;
}

/** One metadata entry with its byte offset in the file. */
export interface GgufKv {
  key: string;
  type: GgufValueType;
  value: GgufScalar | GgufArray;
  offset: number;
}

/** True for array values (as opposed to scalars). */
export function isGgufArray(v: GgufScalar | GgufArray): v is GgufArray {
  return typeof v === 'object';
}
