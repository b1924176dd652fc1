/**
 * The opcode dispatch table: every opcode byte maps to its handler. The
 * `satisfies Record<OpName, Handler>` makes a missing opcode a type error.
 */
import type { DecodedOp } from './decode.js';
import { OPCODES, type OpName } from './opcodes.js';
import { CALL_HANDLERS } from './ops-calls.js';
import { DATA_HANDLERS, type Handler } from './ops-data.js';
import type { PickleState } from './state.js';

const BY_NAME = { ...DATA_HANDLERS, ...CALL_HANDLERS } satisfies Record<OpName, Handler>;

const BY_BYTE: ReadonlyArray<Handler | undefined> = OPCODES.map((spec) => (spec ? BY_NAME[spec.name] : undefined));

/** Apply one decoded opcode to the state. */
export function execute(s: PickleState, op: DecodedOp): void {
  s.offset = op.start;
  const handler = BY_BYTE[op.code];
  if (handler) handler(s, op);
}
