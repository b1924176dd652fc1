/**
 * `POST /v1/chat/completions`: authenticate, read and check the body, find
 * the route, apply limits and redaction, then run the route's plan (raw
 * pass-through where the upstream speaks OpenAI, parsed calls otherwise)
 * and answer in OpenAI's format, restoring placeholders on the way back.
 * Nothing here catches: errors go to the server's one boundary.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { restoreJson } from '../../guard/index.js';
import type { GatewayCore, RequestFacts } from '../core.js';
import { unknownRoute } from '../errors.js';
import { ClientSignal } from '../http/client-signal.js';
import { parseJsonBody } from '../http/json-body.js';
import { readBody } from '../http/read-body.js';
import { ChunkRestorer } from '../redaction/chunk-restorer.js';
import { applyRedaction, redactForLog, type RedactedRequest } from '../redaction/request-redaction.js';
import { attemptOrder, type DeploymentState, type RouteState } from '../routing/route-state.js';
import { runPlan, type PlanContext } from '../routing/run-plan.js';
import { chatAttempt, streamAttempt, toChatRequest } from '../upstream/adapter-call.js';
import { rawJsonAttempt, type JsonAnswer } from '../upstream/raw-json.js';
import { rawStreamAttempt } from '../upstream/raw-stream.js';
import type { StreamEnd } from '../upstream/stream-types.js';
import { admit, authenticate, authorizeRoute } from './auth.js';
import { CoalescingSink } from './coalescing-sink.js';
import { jsonHeaders, SSE_HEADERS } from './client.js';
import { OutgoingBody } from './outgoing-body.js';
import { planAnswer } from './plan-failure.js';
import { recordUsage } from './usage.js';
import { tokenEstimate, validateChatBody } from './validate.js';

/** One chat request, start to finish. */
export async function handleChat(core: GatewayCore, req: IncomingMessage, res: ServerResponse, facts: RequestFacts): Promise<void> {
  const key = await authenticate(core, req);
  facts.key = key;
  const bytes = await readBody(req, core.bodyLimit, core.bodyTimeoutMs);
  const parsed = parseJsonBody(bytes);
  const model = validateChatBody(parsed);
  const route = core.routes.get(model);
  if (!route) throw unknownRoute(model);
  facts.route = model;
  authorizeRoute(key, model);
  facts.stream = parsed.stream === true;
  facts.admission = await admit(core, key, { tokens: tokenEstimate(bytes.length, parsed), costUsd: 0 });
  const red = applyRedaction(route.redaction, parsed);
  if (red.detectors.length > 0) {
    facts.detectors = red.detectors;
    core.metrics.count('redactions');
  }
  if (route.logging === 'redacted') facts.logBody = route.redaction.mode === 'allow' ? redactForLog(parsed) : red.body;
  facts.shadow = core.shadow.maybeSend(route, red.body, facts.requestId);
  const out = new OutgoingBody(bytes, red.body, red.replacements.size > 0);
  const client = new ClientSignal(res);
  const ctx: PlanContext = { signal: client.light, random: core.random, maxBackoffMs: core.maxBackoffMs, onAttempt: (d, r) => core.metrics.attempt(d.name, r) };
  const order = attemptOrder(route, core.random);
  if (facts.stream) await serveStream(route, order, out, red, ctx, client, res, facts, bytes.length);
  else await serveJson(route, order, out, red, ctx, client, res, facts, bytes.length);
}

async function serveJson(route: RouteState, order: readonly DeploymentState[], out: OutgoingBody, red: RedactedRequest, ctx: PlanContext, client: ClientSignal, res: ServerResponse, facts: RequestFacts, size: number): Promise<void> {
  const plan = planAnswer(
    route,
    await runPlan<JsonAnswer>(
      route,
      order,
      (d, signal) => (d.raw ? rawJsonAttempt(d, out.for(d.upstreamModel), signal, route.checks) : chatAttempt(d, toChatRequest(red.body, d.upstreamModel), client.real(), route.checks)),
      ctx,
    ),
    facts,
  );
  const answer = plan.value;
  facts.model = typeof answer.json.model === 'string' ? answer.json.model : plan.deployment.upstreamModel;
  recordUsage(facts, plan.deployment, answer.usage, size, () => contentLength(answer.json));
  const payload = red.replacements.size > 0 ? JSON.stringify(restoreJson(answer.json, red.replacements)) : answer.bytes;
  if (route.logging === 'redacted') facts.logAnswer = route.redaction.mode === 'allow' ? JSON.stringify(redactForLog(answer.json)) : answer.bytes.toString('utf8');
  res.writeHead(200, jsonHeaders(payload));
  res.end(payload);
}

async function serveStream(route: RouteState, order: readonly DeploymentState[], out: OutgoingBody, red: RedactedRequest, ctx: PlanContext, client: ClientSignal, res: ServerResponse, facts: RequestFacts, size: number): Promise<void> {
  const plan = planAnswer(
    route,
    await runPlan(
      route,
      order,
      (d, signal) => (d.raw ? rawStreamAttempt(d, out.for(d.upstreamModel), signal, route.checks) : streamAttempt(d, toChatRequest(red.body, d.upstreamModel), client.real(), route.checks)),
      ctx,
    ),
    facts,
  );
  facts.model = plan.deployment.upstreamModel;
  res.writeHead(200, SSE_HEADERS);
  const sink = new CoalescingSink(res);
  let end: StreamEnd;
  try {
    end = await plan.value.relay(sink, red.replacements.size > 0 ? new ChunkRestorer(red.replacements) : undefined);
  } catch (e) {
    sink.flush(); // what the client was due to get goes out before the boundary's error event
    throw e;
  }
  sink.end();
  if (!end.ok) facts.outcome = 'error';
  recordUsage(facts, plan.deployment, end.totals.usage, size, () => end.totals.contentEvents * 4);
}

/** Characters of the first choice's text, for an estimate when the upstream reports no usage. */
function contentLength(json: Record<string, unknown>): number {
  const msg = (json.choices as { message?: { content?: unknown } }[] | undefined)?.[0]?.message;
  return typeof msg?.content === 'string' ? msg.content.length : 0;
}
