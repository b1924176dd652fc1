/** OpenAI wire bodies for fake upstreams in gateway tests. */

/** A chat completion with `content` (and usage). */
export function completion(content: string | null, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content, ...extra }, finish_reason: extra.tool_calls ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
  });
}

/** SSE events streaming `pieces` as content deltas, ending with [DONE]. */
export function sseStream(pieces: readonly string[], opts: { usage?: boolean } = {}): string[] {
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'test-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const out = [chunk({ role: 'assistant', content: '' }, null), ...pieces.map((p) => chunk({ content: p }, null)), chunk({}, 'stop')];
  if (opts.usage) out.push(`data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'test-model', choices: [], usage: { prompt_tokens: 5, completion_tokens: pieces.length, total_tokens: 5 + pieces.length } })}\n\n`);
  out.push('data: [DONE]\n\n');
  return out;
}

/** The text of a recorded upstream request's messages (what the upstream saw). */
export function seenText(json: unknown): string {
  return JSON.stringify((json as { messages?: unknown } | undefined)?.messages ?? json);
}
