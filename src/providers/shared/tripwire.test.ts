import { describe, expect, it } from 'vitest';
import { Tripwire } from './tripwire.js';

describe('Tripwire', () => {
  it('calls each listener once, with the reason set, and stays aborted', () => {
    const w = new Tripwire();
    const calls: unknown[] = [];
    w.once('abort', () => calls.push(['a', w.reason]));
    w.on('abort', () => calls.push(['b', w.aborted]));
    w.trip('why');
    w.trip('again');
    expect(calls).toEqual([['a', 'why'], ['b', true]]);
    expect(w.reason).toBe('why');
  });

  it('does not call a removed listener', () => {
    const w = new Tripwire();
    let n = 0;
    const l = () => n++;
    w.addListener('abort', l);
    w.removeListener('abort', l);
    w.trip(undefined);
    expect(n).toBe(0);
  });
});
