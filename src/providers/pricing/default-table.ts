/**
 * Default prices of common hosted models, in USD per 1M tokens, as data.
 * PRICES CHANGE: every entry names its source and the date that source
 * gives; the table as a whole was compiled on `as_of`. Override any entry
 * with `pricing:` on the provider in modelgate.yaml, which always wins.
 * Entries marked `verified: false` could not be checked against a vendor
 * page when compiled; treat them as placeholders.
 */

/** One model's prices. */
export interface PriceEntry {
  input: number;
  output: number;
  /** Prompt tokens read from the upstream's prompt cache. */
  cached_input?: number;
  /** Other model ids with the same prices. */
  aliases?: readonly string[];
  source: string;
  /** The date the source states (or when it was read, when it states none). */
  date: string;
  verified?: false;
  note?: string;
}

/** The table with its compilation date. */
export interface PriceTable {
  as_of: string;
  currency: 'USD';
  unit: 'per_1m_tokens';
  models: Readonly<Record<string, PriceEntry>>;
}

const OPENAI = 'https://deploybase.ai/articles/openai-pricing (quoting the OpenAI pricing page)';
const OPENAI_CACHED = 'https://chatgptpricing-akr.pages.dev/api-pricing (quoting developers.openai.com/api/docs/pricing)';
const CLAUDE = 'https://platform.claude.com/docs/en/about-claude/pricing';
const CLAUDE_5 = 'https://docs.rs/synaps/0.10.2/synaps_cli/pricing/index.html (from the Claude pricing page, verified 2026-10-10)';

export const DEFAULT_PRICES: PriceTable = {
  as_of: '2026-11-23',
  currency: 'USD',
  unit: 'per_1m_tokens',
  models: {
    // OpenAI
    'gpt-4o': { input: 2.5, output: 10, cached_input: 1.25, aliases: ['chatgpt-4o-latest'], source: `${OPENAI}; cached: ${OPENAI_CACHED}`, date: '2026-03' },
    'gpt-4o-mini': { input: 0.15, output: 0.6, cached_input: 0.075, source: `${OPENAI}; cached: ${OPENAI_CACHED}`, date: '2026-03' },
    'gpt-4.1': { input: 2, output: 8, cached_input: 0.5, source: `${OPENAI}; cached: https://openai.com/index/gpt-4-1/`, date: '2026-03' },
    'gpt-4.1-mini': { input: 0.4, output: 1.6, cached_input: 0.1, source: `${OPENAI}; cached: https://openai.com/index/gpt-4-1/`, date: '2026-03' },
    'gpt-4.1-nano': { input: 0.1, output: 0.4, cached_input: 0.025, source: `${OPENAI}; cached: https://openai.com/index/gpt-4-1/`, date: '2026-03' },
    o1: { input: 15, output: 60, cached_input: 7.5, source: 'https://docs.rs/crate/openai-models/0.1.1/source/src/lib.rs (from openai.com/api/pricing)', date: '2025-01' },
    o3: { input: 2, output: 8, cached_input: 0.5, source: OPENAI, date: '2026-03', note: 'cached price from the June 2025 o3 price cut; one third-party page lists $1.00' },
    'o3-mini': { input: 1.1, output: 4.4, cached_input: 0.55, source: OPENAI, date: '2026-03' },
    'o4-mini': { input: 1.1, output: 4.4, cached_input: 0.275, source: 'https://github.com/RooCodeInc/Roo-Code/pull/2691 (from platform.openai.com/docs/models/o4-mini)', date: '2025-04-17' },
    // Anthropic (cache writes cost more than input and are not modelled here)
    'claude-opus-4-5': { input: 5, output: 25, cached_input: 0.5, aliases: ['claude-opus-4-6', 'claude-opus-4-7', 'claude-opus-4-8', 'claude-opus-5'], source: CLAUDE, date: '2026-11' },
    'claude-opus-4-1': { input: 15, output: 75, cached_input: 1.5, aliases: ['claude-opus-4', 'claude-3-opus'], source: CLAUDE, date: '2026-11' },
    'claude-sonnet-4-5': { input: 3, output: 15, cached_input: 0.3, aliases: ['claude-sonnet-4', 'claude-sonnet-4-6', 'claude-3-7-sonnet'], source: CLAUDE, date: '2026-11' },
    'claude-sonnet-5': { input: 2, output: 10, cached_input: 0.2, source: CLAUDE_5, date: '2026-10-10' },
    'claude-sonnet-5-5': { input: 2, output: 10, cached_input: 0.1, source: `${CLAUDE_5}; cache-read cut of 2026-10-07`, date: '2026-10-24' },
    'claude-haiku-4-5': { input: 1, output: 5, cached_input: 0.1, source: CLAUDE, date: '2026-11' },
    'claude-haiku-5-5': { input: 0.1, output: 0.5, cached_input: 0.01, source: CLAUDE_5, date: '2026-10-24', note: 'prompts up to 100k tokens; longer prompts are billed at $0.50/$2.50' },
    'claude-3-5-haiku': { input: 0.8, output: 4, cached_input: 0.08, source: CLAUDE, date: '2026-11' },
    'claude-3-haiku': { input: 0.25, output: 1.25, cached_input: 0.03, source: CLAUDE, date: '2026-11' },
    // DeepSeek
    'deepseek-chat': {
      input: 0.28, output: 0.42, cached_input: 0.028, aliases: ['deepseek-reasoner'],
      source: 'https://benchlm.ai/blog/posts/deepseek-api-pricing (from api-docs.deepseek.com/quick_start/pricing, DeepSeek-V3.2)', date: '2026-04-13',
      note: 'DeepSeek announced V4 model ids with peak/off-peak prices; check the pricing page',
    },
    // Qwen on DashScope (international, lowest context tier)
    'qwen-turbo': { input: 0.05, output: 0.2, source: 'https://www.getmaxim.ai/bifrost/llm-cost-calculator/provider/dashscope/model/qwen-turbo', date: '2026-11' },
    'qwen-plus': { input: 0.4, output: 1.2, source: 'https://www.alibabacloud.com/help/en/model-studio/models', date: '2025', verified: false, note: 'tiered by prompt length' },
    'qwen-max': { input: 1.6, output: 6.4, source: 'https://www.alibabacloud.com/help/en/model-studio/models', date: '2025', verified: false, note: 'qwen3-max lists $1.2 input up to 32K (2026-05)' },
    // Moonshot (Kimi)
    'kimi-k2': { input: 0.6, output: 2.5, cached_input: 0.15, aliases: ['kimi-k2-thinking', 'kimi-k2-0905-preview'], source: 'https://www.lava.so/docs/reference/providers/moonshot', date: '2026', note: 'the kimi-k2 series was retired on 2026-05-25' },
    'kimi-k2-turbo-preview': { input: 1.15, output: 8, cached_input: 0.15, source: 'https://www.lava.so/docs/reference/providers/moonshot', date: '2026' },
    'kimi-k3': { input: 3, output: 15, cached_input: 0.3, source: 'https://dev.to/teamorouter/how-to-access-kimi-k3-api-pricing-rate-limits-and-setup-guide-478g', date: '2026' },
    // Zhipu GLM
    'glm-4.5': { input: 0.6, output: 2.2, cached_input: 0.11, source: 'https://developer.puter.com/ai/z-ai/glm-4.5/', date: '2026' },
    'glm-4.6': { input: 0.6, output: 2.2, cached_input: 0.11, source: 'https://www.getmaxim.ai/bifrost/llm-cost-calculator/provider/zai/model/glm-4.6', date: '2026' },
    'glm-4-32b-0414-128k': { input: 0.1, output: 0.1, source: 'https://www.getmaxim.ai/bifrost/llm-cost-calculator/provider/zai/model/glm-4-32b-0414-128k', date: '2026' },
  },
};
