import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import { jsonDepthExceeds, parseJsonBody } from './json-body.js';

describe('parseJsonBody', () => {
  it('parses an object', () => {
    expect(parseJsonBody(Buffer.from('{"model":"m","s":"[{\\"x"}'))).toEqual({ model: 'm', s: '[{"x' });
  });

  it.each([
    ['empty', Buffer.alloc(0), /empty/],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), /UTF-8/],
    ['not JSON', Buffer.from('{"a":'), /could not parse/],
    ['an array', Buffer.from('[1]'), /JSON object/],
    ['too deep', Buffer.from('{"a":'.repeat(70) + '1' + '}'.repeat(70)), /deeper than 64/],
  ])('refuses %s with a 400', (_, buf, msg) => {
    let caught: unknown;
    try {
      parseJsonBody(buf);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).status).toBe(400);
    expect((caught as ApiError).message).toMatch(msg);
  });
});

describe('jsonDepthExceeds', () => {
  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(Buffer.from('{"a":"[[[[\\"[[[["}'), 2)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('[[[]]]'), 2)).toBe(true);
    expect(jsonDepthExceeds(Buffer.from('[[],[],[]]'), 2)).toBe(false);
  });
});
