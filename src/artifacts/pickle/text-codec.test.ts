import { describe, expect, it } from 'vitest';
import { decodeLongBytes, decodePythonEscapes, decodeRawUnicodeEscape, decodeUtf8, parseIntOpcode, parsePythonInt } from './text-codec.js';

const b = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('text codecs (checked against CPython behaviour)', () => {
  it('raw-unicode-escape decodes only odd backslash runs', () => {
    expect(decodeRawUnicodeEscape(b('\\u006fs'))).toBe('os');
    expect(decodeRawUnicodeEscape(b('\\\\u006f'))).toBe('\\\\u006f');
    expect(decodeRawUnicodeEscape(b('\\\\\\u006f'))).toBe('\\\\o');
    expect(decodeRawUnicodeEscape(b('\\U0000006f'))).toBe('o');
    expect(decodeRawUnicodeEscape(b('a\\x41\\'))).toBe('a\\x41\\');
    expect(decodeRawUnicodeEscape(b('\xe9'))).toBe('\u00e9');
    expect(decodeRawUnicodeEscape(b('\\u00'))).toBeUndefined();
    expect(decodeRawUnicodeEscape(b('\\U00110000'))).toBeUndefined();
  });

  it('Python string escapes', () => {
    expect(decodePythonEscapes(b('\\x6fs'))).toEqual(b('os'));
    expect(decodePythonEscapes(b('\\157s'))).toEqual(b('os'));
    expect(decodePythonEscapes(b('\\1234'))).toEqual(b('S4'));
    expect(decodePythonEscapes(b('\\q\\8'))).toEqual(b('\\q\\8'));
    expect(decodePythonEscapes(b("\\'\\n\\\\"))).toEqual(b("'\n\\"));
    expect(decodePythonEscapes(b('\\x6'))).toBeUndefined();
    expect(decodePythonEscapes(b('\\'))).toBeUndefined();
  });

  it('int() syntax', () => {
    expect(parsePythonInt(' 12 ', 10)).toBe(12n);
    expect(parsePythonInt('1_000', 10)).toBe(1000n);
    expect(parsePythonInt('-0x1f', 0)).toBe(-31n);
    expect(parsePythonInt('0x1f', 10)).toBeUndefined();
    expect(parsePythonInt('010', 0)).toBeUndefined();
    expect(parsePythonInt('007', 10)).toBe(7n);
    expect(parsePythonInt('1__0', 10)).toBeUndefined();
    expect(parsePythonInt('abc', 10)).toBeUndefined();
  });

  it('the INT opcode the way the C unpickler reads it', () => {
    expect(parseIntOpcode('10')).toBe(10n);
    expect(parseIntOpcode('010')).toBe(8n);
    expect(parseIntOpcode('0x10')).toBe(16n);
    expect(parseIntOpcode(' -7')).toBe(-7n);
    expect(parseIntOpcode('5\0junk')).toBe(5n);
    expect(parseIntOpcode('08')).toBeUndefined();
    expect(parseIntOpcode('1_000')).toBe(1000n);
    expect(parseIntOpcode('99999999999999999999')).toBe(99999999999999999999n);
    expect(parseIntOpcode('7 ')).toBe(7n);
  });

  it('LONG bytes and UTF-8', () => {
    expect(decodeLongBytes(b('\xff\x00'))).toBe(255n);
    expect(decodeLongBytes(b('\xff'))).toBe(-1n);
    expect(decodeUtf8(b('\xed\xa0\x80'))).toBeUndefined();
    expect(decodeUtf8(new TextEncoder().encode('h\u00e9'))).toBe('h\u00e9');
  });
});
