import { describe, expect, it } from 'vitest';
import { modelValueSpan } from './model-span.js';

const span = (text: string) => {
  const buf = Buffer.from(text);
  const s = modelValueSpan(buf);
  return s && buf.toString('utf8', s[0], s[1]);
};

describe('modelValueSpan', () => {
  it('finds the top-level model string, wherever it is and however it is spaced', () => {
    expect(span('{"model":"a","messages":[]}')).toBe('"a"');
    expect(span('{ "messages": [{"role":"user","content":"{\\"model\\":\\"x\\"}"}] ,\n "model" :  "qw\\"en" }')).toBe('"qw\\"en"');
  });

  it('ignores nested model keys and "model" as a value, and takes the last duplicate as JSON.parse does', () => {
    expect(span('{"messages":[{"model":"inner"}],"tools":{"model":"x"},"model":"outer"}')).toBe('"outer"');
    expect(span('{"user":"model","model":"m"}')).toBe('"m"');
    expect(span('{"model":"first","model":"second"}')).toBe('"second"');
  });

  it('gives nothing when the model is not a string', () => {
    expect(span('{"model":42}')).toBeUndefined();
    expect(span('{"messages":[]}')).toBeUndefined();
    expect(span('{"model":"a","model":null}')).toBeUndefined();
  });
});
