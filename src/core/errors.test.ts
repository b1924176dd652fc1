import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ERROR_CODES, GateFailedError, ModelgateError, UsageError } from './errors.js';

describe('error codes', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const documented = [...doc.matchAll(/^\| `(MG_[A-Z_]+)` \|/gm)].map((m) => m[1]);

  it('documents every code exactly once, and nothing else', () => {
    expect([...documented].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('formats one line with the file and code, details indented', () => {
    const e = new ConfigError('MG_CONFIG_INVALID', 'modelgate.yaml', '2 problem(s)\nfirst\nsecond');
    expect(e.toLine()).toBe('modelgate.yaml: 2 problem(s) [MG_CONFIG_INVALID]\n  first\n  second');
    expect(e.exitCode).toBe(2);
  });

  it('maps check failures to exit 1 and usage to exit 2', () => {
    expect(new GateFailedError('x').exitCode).toBe(1);
    expect(new UsageError('x').exitCode).toBe(2);
    expect(new UsageError('x')).toBeInstanceOf(ModelgateError);
  });
});
