import { describe, expect, it } from 'vitest';
import { redactJson, restoreJson } from './json.js';
import { createRedactor, redact } from './redactor.js';
import { createRestorer, restoreText } from './restorer.js';

const GH = `ghp_${'Zx9Qw'.repeat(7)}k`;
const SAMPLE = `Hi, I'm reachable at bob@example.com or +44 20 7946 0958. Deploy with ${GH}; card 4111 1111 1111 1111. Mail bob@example.com again.`;

describe('redact', () => {
  it('replaces findings with labelled, numbered, nonce-bound placeholders and reuses them per value', () => {
    const r = redact(SAMPLE, { nonce: 'n0nce123' });
    expect(r.text).toBe(
      "Hi, I'm reachable at [EMAIL_1_n0nce123] or [PHONE_1_n0nce123]. Deploy with [GITHUB_TOKEN_1_n0nce123]; card [CARD_1_n0nce123]. Mail [EMAIL_1_n0nce123] again.",
    );
    expect(r.replacements.get('[EMAIL_1_n0nce123]')).toBe('bob@example.com');
    expect(r.replacements.size).toBe(4);
    expect(r.findings).toHaveLength(5);
    expect(r.text).not.toContain(GH);
  });

  it('is deterministic for a given nonce and unguessable without one', () => {
    expect(redact(SAMPLE, { nonce: 'abcdef12' }).text).toBe(redact(SAMPLE, { nonce: 'abcdef12' }).text);
    const a = redact(SAMPLE);
    const b = redact(SAMPLE);
    expect(a.nonce).toMatch(/^[0-9a-f]{8}$/);
    expect(a.text).not.toBe(b.text);
  });

  it('round-trips text', () => {
    const r = redact(SAMPLE);
    expect(restoreText(r.text, r.replacements)).toBe(SAMPLE);
  });

  it('does not restore placeholders of another request (a model echoing or forging one)', () => {
    const first = redact('mail alice@example.com', { nonce: 'aaaaaaaa' });
    const second = redact('mail bob@example.com', { nonce: 'bbbbbbbb' });
    const response = `Sure: ${first.text} / [EMAIL_1_bbbbbbbb] / [EMAIL_2_bbbbbbbb]`;
    expect(restoreText(response, second.replacements)).toBe('Sure: mail [EMAIL_1_aaaaaaaa] / bob@example.com / [EMAIL_2_bbbbbbbb]');
  });

  it('prefers the most specific, longest finding when findings overlap', () => {
    const r = redact(`export GITHUB_TOKEN="${GH}" DB=postgres://app:Sup3rS3cret@db.internal/app`, { nonce: 'ovl00001' });
    expect(r.text).toBe('export GITHUB_TOKEN="[GITHUB_TOKEN_1_ovl00001]" DB=postgres://[URL_CREDENTIALS_1_ovl00001]@db.internal/app');
  });

  it('rejects a malformed nonce', () => {
    expect(() => createRedactor({ nonce: 'NOT OK' })).toThrow(/nonce/);
  });
});

describe('createRestorer (streams)', () => {
  const r = redact(SAMPLE, { nonce: 'strm0001' });
  const response = `Noted. ${r.text} [EMAIL_9_strm0001] [[EMAIL_1_strm0001]] [EMAIL_1_strm`;
  const expected = restoreText(response, r.replacements);

  it('restores exactly at every split point of two chunks', () => {
    for (let i = 0; i <= response.length; i++) {
      const s = createRestorer(r.replacements);
      expect(s.push(response.slice(0, i)) + s.push(response.slice(i)) + s.flush(), `split at ${i}`).toBe(expected);
    }
  });

  it('restores exactly when every character is its own chunk, holding back only a bounded suffix', () => {
    const s = createRestorer(r.replacements);
    const longest = Math.max(...[...r.replacements.keys()].map((k) => k.length));
    let out = '';
    let fed = 0;
    for (const ch of response) {
      out += s.push(ch);
      fed += ch.length;
      expect(fed - out.length + lengthDelta(out, r.replacements)).toBeLessThan(longest);
    }
    expect(out + s.flush()).toBe(expected);
  });

  it('restores at random three-way splits', () => {
    for (let n = 0; n < 300; n++) {
      const a = (n * 7919) % (response.length + 1);
      const b = (n * 104729) % (response.length + 1);
      const [i, j] = a < b ? [a, b] : [b, a];
      const s = createRestorer(r.replacements);
      expect(s.push(response.slice(0, i)) + s.push(response.slice(i, j)) + s.push(response.slice(j)) + s.flush()).toBe(expected);
    }
  });

  it('passes text through untouched when nothing was redacted', () => {
    const s = createRestorer(new Map());
    expect(s.push('[EMAIL_1_')).toBe('[EMAIL_1_');
  });

  it('escapes restored values for JSON string contexts', () => {
    const m = new Map([['[SECRET_1_jsonesc1]', 'a"b\\c']]);
    const s = createRestorer(m, { escape: 'json' });
    expect(s.push('{"p":"[SECRET_1_') + s.push('jsonesc1]"}') + s.flush()).toBe('{"p":"a\\"b\\\\c"}');
  });
});

// Restored values can be longer or shorter than placeholders: count what the output stands for.
function lengthDelta(out: string, replacements: ReadonlyMap<string, string>): number {
  let delta = 0;
  for (const [p, v] of replacements) delta += (out.split(v).length - 1) * (v.length - p.length);
  return delta;
}

describe('redactJson / restoreJson (OpenAI chat JSON)', () => {
  const request = {
    model: 'deepseek-chat',
    messages: [
      { role: 'system', content: 'You are helpful.' },
      { role: 'user', content: [{ type: 'text', text: 'Email bob@example.com the key AKIAQ3EXAMPLE7WXYZ12' }] },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'send_mail', arguments: '{"to":"bob@example.com","note":"pw \\"x\\""}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'sent to bob@example.com' },
    ],
    max_tokens: 256,
  };

  it('redacts message text and tool-call arguments with one numbering, leaving protocol fields alone', () => {
    const r = redactJson(request, { nonce: 'json0001' });
    const text = JSON.stringify(r.value);
    expect(text).not.toContain('bob@example.com');
    expect(text).not.toContain('AKIAQ3EXAMPLE7WXYZ12');
    expect(r.value.model).toBe('deepseek-chat');
    expect(r.value.messages[2]?.tool_calls?.[0]?.function.arguments).toBe('{"to":"[EMAIL_1_json0001]","note":"pw \\"x\\""}');
    expect(r.replacements.size).toBe(2);
    expect(r.findings.map((f) => f.location?.key)).toContain('messages[1].content[0].text');
  });

  it('restores a non-streamed completion, tool-call arguments included', () => {
    const r = redactJson(request, { nonce: 'json0002' });
    const completion = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: 'Writing to [EMAIL_1_json0002] about [AWS_KEY_1_json0002].',
            tool_calls: [{ id: 'c2', type: 'function', function: { name: 'send_mail', arguments: '{"to":"[EMAIL_1_json0002]"}' } }],
          },
        },
      ],
    };
    const restored = restoreJson(completion, r.replacements);
    expect(restored.choices[0]?.message.content).toBe('Writing to bob@example.com about AKIAQ3EXAMPLE7WXYZ12.');
    expect(JSON.parse(restored.choices[0]?.message.tool_calls[0]?.function.arguments ?? '')).toEqual({ to: 'bob@example.com' });
    expect(restored.id).toBe('chatcmpl-1');
  });

  it('round-trips the request', () => {
    const r = redactJson(request);
    expect(restoreJson(r.value, r.replacements)).toEqual(request);
  });
});
