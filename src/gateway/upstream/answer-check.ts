/** Checks on an answer before it is accepted: empty replies and refusals (for routes that fall back on them). */
import { detectRefusal } from '../../providers/index.js';
import type { AttemptFailure } from '../routing/outcome.js';

/** Which answer checks a route wants. */
export interface AnswerChecks {
  empty: boolean;
  refusal: boolean;
}

interface WireMessage {
  content?: unknown;
  tool_calls?: unknown;
  refusal?: unknown;
}

/** Judge the first choice of an OpenAI chat completion; undefined when it is acceptable. */
export function checkCompletion(json: unknown, checks: AnswerChecks): AttemptFailure | undefined {
  const choices = (json as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices)) return { reason: 'error', message: 'upstream answer has no choices' };
  if (!checks.empty && !checks.refusal) return undefined;
  const msg = (choices[0] as { message?: WireMessage } | undefined)?.message;
  const content = typeof msg?.content === 'string' ? msg.content : '';
  const hasTools = Array.isArray(msg?.tool_calls) && msg.tool_calls.length > 0;
  if (checks.refusal && typeof msg?.refusal === 'string' && msg.refusal.length > 0) return { reason: 'refusal', message: 'upstream refused (refusal field)' };
  if (checks.empty && content.trim().length === 0 && !hasTools) return { reason: 'empty', message: 'upstream returned an empty answer' };
  if (checks.refusal && content.length > 0) {
    const v = detectRefusal(content);
    if (v.refused) return { reason: 'refusal', message: `upstream refused ("${(v.matched ?? '').slice(0, 60)}")` };
  }
  return undefined;
}
