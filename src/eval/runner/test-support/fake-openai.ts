/**
 * OpenAI-compatible fake upstreams on 127.0.0.1 for eval tests: one that
 * answers (content decided per request), one that returns garbage, one that
 * never answers, and one that drops a stream half-way.
 */
import { startFakeUpstream, type FakeReply, type FakeUpstream, type RecordedRequest } from '../../../providers/testing/fake-upstream.js';

/** The last user message of a recorded chat request. */
export function lastUser(req: RecordedRequest): string {
  const body = req.json as { messages?: { role: string; content: string }[] } | undefined;
  const users = (body?.messages ?? []).filter((m) => m.role === 'user');
  return users[users.length - 1]?.content ?? '';
}

function completion(content: string, model: string): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: Math.max(1, Math.ceil(content.length / 4)), total_tokens: 10 + Math.max(1, Math.ceil(content.length / 4)) },
  });
}

function chunks(content: string, model: string): string[] {
  const words = content.split(/(?<= )/);
  const out = words.map((w) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta: { content: w }, finish_reason: null }] })}\n\n`);
  out.push(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: words.length, total_tokens: 10 + words.length } })}\n\n`, 'data: [DONE]\n\n');
  return out;
}

/** Start an upstream answering with `answer(userMessage, request)`; streams when the request asks to. */
export function answeringUpstream(answer: (user: string, req: RecordedRequest) => string, delayMs = 0): Promise<FakeUpstream> {
  return startFakeUpstream((req): FakeReply => {
    const body = req.json as { model?: string; stream?: boolean } | undefined;
    const content = answer(lastUser(req), req);
    const model = body?.model ?? 'fake';
    return body?.stream ? { chunks: chunks(content, model), delayMs } : { body: completion(content, model), delayMs };
  });
}

/** An upstream answering 200 with a body that is not a chat completion. */
export function garbageUpstream(): Promise<FakeUpstream> {
  return startFakeUpstream(() => ({ body: '<html>502 Bad Gateway</html>', headers: { 'content-type': 'text/html' } }));
}

/** An upstream that accepts requests and never answers. */
export function silentUpstream(): Promise<FakeUpstream> {
  return startFakeUpstream(() => ({ delayMs: 60_000 }));
}

/** An upstream whose streams stop after two chunks with the connection dropped. */
export function droppingUpstream(): Promise<FakeUpstream> {
  return startFakeUpstream(() => ({ chunks: chunks('this answer will never finish arriving', 'fake').slice(0, 2), drop: true }));
}
