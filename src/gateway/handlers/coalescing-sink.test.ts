import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CoalescingSink } from './coalescing-sink.js';

/** A response that records what reached the socket, call by call. */
function recorder() {
  const calls: string[] = [];
  const res = {
    writableNeedDrain: false,
    destroyed: false,
    write: (b: string | Buffer) => calls.push(`write:${b.toString()}`),
    end: (b?: string | Buffer) => calls.push(b ? `end:${b.toString()}` : 'end'),
  };
  return { calls, res: res as unknown as ServerResponse };
}

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('CoalescingSink', () => {
  it('sends a stream that arrived in one turn with the end, in one call', () => {
    const { calls, res } = recorder();
    const sink = new CoalescingSink(res);
    sink.write('data: a\n\n');
    sink.write(Buffer.from('data: [DONE]\n\n'));
    sink.end();
    expect(calls).toEqual(['end:data: a\n\ndata: [DONE]\n\n']);
  });

  it('sends each turn\'s writes at the end of that turn, so a trickling stream is not held back', async () => {
    const { calls, res } = recorder();
    const sink = new CoalescingSink(res);
    sink.write('one ');
    sink.write('two ');
    await nextTurn();
    expect(calls).toEqual(['write:one two ']);
    sink.write('three');
    await nextTurn();
    sink.end();
    expect(calls).toEqual(['write:one two ', 'write:three', 'end']);
  });

  it('flushes on demand and before waiting for drain', async () => {
    const { calls, res } = recorder();
    const sink = new CoalescingSink(res);
    sink.write('x');
    sink.flush();
    expect(calls).toEqual(['write:x']);
    sink.write('y');
    await sink.drained();
    expect(calls).toEqual(['write:x', 'write:y']);
  });
});
