/**
 * Usage when the upstream reports none: the model's own GGUF vocabulary when
 * one is configured (`tokenizer_path`), else an estimate. Either way the
 * result says which it is in `source`.
 */
import type { AssistantMessage, ChatRequest, Usage } from '../types.js';
import { countWithGguf } from './llama-engine.js';
import { estimatePromptTokens, estimateTokens, makeUsage, MESSAGE_OVERHEAD, promptTexts, REPLY_OVERHEAD } from './tokens.js';

/** Texts of an assistant reply that count as completion tokens. */
export function outputTexts(m: Pick<AssistantMessage, 'content' | 'reasoning_content' | 'tool_calls'>): string[] {
  const out = [m.content ?? '', m.reasoning_content ?? ''];
  for (const c of m.tool_calls ?? []) out.push(c.function.name, c.function.arguments);
  return out;
}

/** Count a call's tokens without upstream help. */
export async function countUsage(provider: string, req: ChatRequest, reply: Pick<AssistantMessage, 'content' | 'reasoning_content' | 'tool_calls'>, tokenizerPath?: string): Promise<Usage> {
  const outs = outputTexts(reply);
  if (tokenizerPath) {
    const prompt = await countWithGguf(tokenizerPath, promptTexts(req.messages, req.tools), provider);
    const completion = await countWithGguf(tokenizerPath, outs, provider);
    if (prompt !== undefined && completion !== undefined) {
      return makeUsage(prompt + req.messages.length * MESSAGE_OVERHEAD + REPLY_OVERHEAD, completion, 'tokenizer');
    }
  }
  return makeUsage(estimatePromptTokens(req.messages, req.tools), outs.reduce((n, t) => n + estimateTokens(t), 0), 'estimate');
}
