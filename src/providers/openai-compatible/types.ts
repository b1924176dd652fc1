/** Wire types of the OpenAI chat completions API, as the compatible servers send them (every field optional: servers differ). */

/** Usage as reported by OpenAI, DeepSeek (`prompt_cache_hit_tokens`) and Moonshot (`cached_tokens`). */
export interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
  prompt_cache_hit_tokens?: number;
  cached_tokens?: number;
}

export interface WireToolCall {
  index?: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

export interface WireMessage {
  role?: string;
  content?: string | null;
  /** DeepSeek-R1, Qwen, Kimi and vLLM's reasoning parsers. */
  reasoning_content?: string | null;
  /** OpenRouter and newer vLLM name it `reasoning`. */
  reasoning?: string | null;
  refusal?: string | null;
  tool_calls?: WireToolCall[] | null;
}

export interface WireChoice {
  index?: number;
  message?: WireMessage;
  delta?: WireMessage;
  finish_reason?: string | null;
}

/** A chat.completion or chat.completion.chunk body. */
export interface WireCompletion {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  choices?: WireChoice[];
  usage?: WireUsage | null;
  /** Some servers report errors inside a 200 stream. */
  error?: { message?: string; type?: string; code?: string | number } | string;
}

export interface WireEmbeddings {
  model?: string;
  data?: { index?: number; embedding?: number[] }[];
  usage?: WireUsage;
}
