import { EventEmitter } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { ClientSignal } from './client-signal.js';

function fakeRes(finished: boolean): ServerResponse {
  return Object.assign(new EventEmitter(), { writableFinished: finished }) as unknown as ServerResponse;
}

describe('ClientSignal', () => {
  it('aborts when the response closes unfinished, and not after a finished answer', () => {
    const early = fakeRes(false);
    const a = new ClientSignal(early);
    const fired: string[] = [];
    a.addEventListener('abort', () => fired.push('a'));
    early.emit('close');
    expect(a.aborted).toBe(true);
    expect(fired).toEqual(['a']);
    expect(() => a.throwIfAborted()).toThrow('the client closed the connection');

    const done = fakeRes(true);
    const b = new ClientSignal(done);
    done.emit('close');
    expect(b.aborted).toBe(false);
  });

  it('gives a real AbortSignal that follows it, created before or after the abort', () => {
    const res = fakeRes(false);
    const s = new ClientSignal(res);
    const before = s.real();
    expect(before).toBeInstanceOf(AbortSignal);
    expect(AbortSignal.any([before]).aborted).toBe(false);
    res.emit('close');
    expect(before.aborted).toBe(true);
    expect(s.real().aborted).toBe(true);
  });

  it('does not call a removed listener', () => {
    const res = fakeRes(false);
    const s = new ClientSignal(res);
    let n = 0;
    const l = () => n++;
    s.addEventListener('abort', l);
    s.removeEventListener('abort', l);
    res.emit('close');
    expect(n).toBe(0);
  });

  it('cancels an undici request in flight when the client leaves', async () => {
    const server = createServer(() => {}); // never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const res = fakeRes(false);
    const s = new ClientSignal(res);
    try {
      const call = request(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { signal: s.light });
      setTimeout(() => res.emit('close'), 50);
      await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
