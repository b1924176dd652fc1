/** Token counts and cost of an answer, from the upstream's usage or an estimate. */
import { computeCost } from '../../providers/index.js';
import type { RequestFacts } from '../core.js';
import type { DeploymentState } from '../routing/route-state.js';

/** Put usage and cost into the request's facts. `answerChars` is only called when the upstream reported no usage. */
export function recordUsage(facts: RequestFacts, d: DeploymentState, usage: { prompt_tokens: number; completion_tokens: number } | undefined, requestBytes: number, answerChars: () => number): void {
  const prompt = usage?.prompt_tokens ?? Math.ceil(requestBytes / 4);
  const completion = usage?.completion_tokens ?? Math.ceil(answerChars() / 4);
  facts.promptTokens = prompt;
  facts.completionTokens = completion;
  if (d.price) facts.costUsd = computeCost({ prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, source: usage ? 'api' : 'estimate' }, d.price).total_usd;
}
