/**
 * `POST /v1/embeddings` for routes whose deployments offer embeddings, with
 * the same keys, limits, redaction and fallbacks as chat. Answers honour
 * `encoding_format: base64` (what the OpenAI SDK asks for by default).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmbeddingsResponse } from '../../providers/index.js';
import type { GatewayCore, RequestFacts } from '../core.js';
import { unknownRoute } from '../errors.js';
import { parseJsonBody } from '../http/json-body.js';
import { readBody } from '../http/read-body.js';
import { applyRedaction } from '../redaction/request-redaction.js';
import { fromFailure, type AttemptResult } from '../routing/outcome.js';
import { attemptOrder, type DeploymentState } from '../routing/route-state.js';
import { runPlan } from '../routing/run-plan.js';
import { admit, authenticate, authorizeRoute } from './auth.js';
import { ClientSignal } from '../http/client-signal.js';
import { jsonHeaders } from './client.js';
import { planAnswer } from './plan-failure.js';
import { recordUsage } from './usage.js';
import { tokenEstimate, validateEmbeddingsBody } from './validate.js';

async function embedAttempt(d: DeploymentState, input: string | string[], signal: AbortSignal): Promise<AttemptResult<EmbeddingsResponse>> {
  if (!d.adapter.embeddings) return { ok: false, failure: { reason: 'error', message: `${d.name} has no embeddings` } };
  const opts = d.timeoutMs === undefined ? { signal, retries: 0 } : { signal, retries: 0, timeoutMs: d.timeoutMs };
  const r = await d.adapter.embeddings(d.upstreamModel === undefined ? { input } : { model: d.upstreamModel, input }, opts);
  return r.ok ? r : { ok: false, failure: fromFailure(r.failure) };
}

function base64Of(v: number[]): string {
  const f = Float32Array.from(v);
  return Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString('base64');
}

/** One embeddings request. */
export async function handleEmbeddings(core: GatewayCore, req: IncomingMessage, res: ServerResponse, facts: RequestFacts): Promise<void> {
  const key = await authenticate(core, req);
  facts.key = key;
  const bytes = await readBody(req, core.bodyLimit, core.bodyTimeoutMs);
  const parsed = parseJsonBody(bytes);
  const { model } = validateEmbeddingsBody(parsed);
  const route = core.routes.get(model);
  if (!route) throw unknownRoute(model);
  facts.route = model;
  authorizeRoute(key, model);
  facts.admission = await admit(core, key, { tokens: tokenEstimate(bytes.length, parsed), costUsd: 0 });
  const red = applyRedaction(route.redaction, { input: parsed.input });
  facts.detectors = red.detectors;
  const input = red.body.input as string | string[];
  const ctx = { signal: new ClientSignal(res).real(), random: core.random, maxBackoffMs: core.maxBackoffMs, onAttempt: (d: DeploymentState, r: string) => core.metrics.attempt(d.name, r) };
  const plan = planAnswer(route, await runPlan(route, attemptOrder(route, core.random), (d, signal) => embedAttempt(d, input, signal), ctx), facts);
  facts.model = plan.value.model;
  recordUsage(facts, plan.deployment, { prompt_tokens: plan.value.usage.prompt_tokens, completion_tokens: 0 }, bytes.length, () => 0);
  const b64 = parsed.encoding_format === 'base64';
  const data = plan.value.data.map((e) => ({ object: 'embedding', index: e.index, embedding: b64 ? base64Of(e.embedding) : e.embedding }));
  const { prompt_tokens } = plan.value.usage;
  const payload = JSON.stringify({ object: 'list', data, model: plan.value.model, usage: { prompt_tokens, total_tokens: prompt_tokens } });
  res.writeHead(200, jsonHeaders(payload));
  res.end(payload);
}
