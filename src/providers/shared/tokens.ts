/**
 * Token estimates for upstreams that report no usage and have no tokenizer
 * at hand: about 4 characters per token for Latin text, one token per CJK
 * character (what BPE vocabularies of Qwen, DeepSeek and GLM roughly give).
 * Results are marked `source: 'estimate'` wherever they are used.
 */
import type { ChatMessage, ToolDefinition, Usage, UsageSource } from '../types.js';

// CJK ideographs, kana, Hangul, CJK punctuation and full-width forms.
const WIDE = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/g;

/**
 * Estimated token count of a text.
 * @example estimateTokens('hello world') // 3;  estimateTokens('你好世界') // 4
 */
export function estimateTokens(text: string): number {
  if (text.length === 0) return 0;
  const wide = text.match(WIDE)?.length ?? 0;
  const rest = text.length - wide;
  return wide + Math.ceil(rest / 4);
}

/** Text of a message's content (text parts only). */
export function textOf(content: ChatMessage['content']): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

/** The texts a prompt consists of, for counting with any tokenizer. */
export function promptTexts(messages: readonly ChatMessage[], tools?: readonly ToolDefinition[]): string[] {
  const out: string[] = [];
  for (const m of messages) {
    out.push(textOf(m.content));
    if (m.role === 'assistant') for (const c of m.tool_calls ?? []) out.push(c.function.name, c.function.arguments);
  }
  if (tools?.length) out.push(JSON.stringify(tools));
  return out;
}

/** Chat templates add a few tokens per message (role markers) and to prime the reply. */
export const MESSAGE_OVERHEAD = 4;
export const REPLY_OVERHEAD = 3;

/** Estimated prompt tokens of a chat request. */
export function estimatePromptTokens(messages: readonly ChatMessage[], tools?: readonly ToolDefinition[]): number {
  let n = REPLY_OVERHEAD + messages.length * MESSAGE_OVERHEAD;
  for (const t of promptTexts(messages, tools)) n += estimateTokens(t);
  return n;
}

/** A Usage record with the total filled in. */
export function makeUsage(prompt: number, completion: number, source: UsageSource, extra: Partial<Pick<Usage, 'cached_tokens' | 'reasoning_tokens'>> = {}): Usage {
  const u: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, source };
  if (extra.cached_tokens !== undefined) u.cached_tokens = extra.cached_tokens;
  if (extra.reasoning_tokens !== undefined) u.reasoning_tokens = extra.reasoning_tokens;
  return u;
}
