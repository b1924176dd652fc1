import { describe, expect, it } from 'vitest';
import { requestId } from './request-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestId', () => {
  it('is a UUIDv7 whose first 48 bits are the time in ms', () => {
    // Each test starts ahead of the times earlier tests used: the generator keeps its last time.
    const now = Date.now() + 1e6;
    const id = requestId(now);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now);
  });

  it('sorts in generation order, also within one millisecond and past 4,096 ids in it', () => {
    const t = Date.now() + 2e6;
    const ids = Array.from({ length: 10_000 }, () => requestId(t));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // The overflow borrowed later milliseconds rather than wrapping the counter.
    expect(parseInt(ids.at(-1)!.slice(0, 8) + ids.at(-1)!.slice(9, 13), 16)).toBe(t + 2);
  });

  it('stays ordered when the clock steps back', () => {
    const t = Date.now() + 3e6;
    const a = requestId(t);
    const b = requestId(t - 5_000);
    expect(b > a).toBe(true);
  });

  it('draws different random tails for ids of the same millisecond', () => {
    const t = Date.now() + 4e6;
    const tails = new Set(Array.from({ length: 600 }, () => requestId(t).slice(19)));
    expect(tails.size).toBe(600);
  });
});
