/**
 * The judge and embedder services assertions call (`llm-rubric`,
 * `similar` with a provider). Judges are resolved like any model, created
 * on first use, cached like model calls, cancelled with the run, and their
 * cost is tallied apart from the models under test.
 */
import { createProvider, type ProviderAdapter } from '../../providers/index.js';
import type { GraderServices } from '../assertions/types.js';
import { callModel, type CallEnv } from './call.js';
import type { ModelTarget } from './models.js';
import { planCall } from './request.js';

/** Totals of judge calls in a run. */
export interface JudgeTally {
  calls: number;
  costUsd: number;
}

/** What the grader service needs from the run. */
export interface GraderOptions {
  /** The suite's default judge ref. */
  defaultJudge?: string;
  resolve(ref: string): Promise<ModelTarget>;
  cache?: CallEnv['cache'];
  writes: Set<Promise<void>>;
  signal?: AbortSignal;
  tally: JudgeTally;
}

/** Grader services plus a way to release the judges' providers. */
export interface Graders extends GraderServices {
  close(): Promise<void>;
}

/** Create the run's grader services. */
export function createGraders(o: GraderOptions): Graders {
  const judges = new Map<string, Promise<{ target: ModelTarget; adapter: ProviderAdapter } | string>>();
  const judge = (ref: string) => {
    let j = judges.get(ref);
    if (!j) {
      j = o.resolve(ref).then(
        (target) => ({ target, adapter: createProvider(target.config, { id: `judge:${target.providerId}` }) }),
        (e: unknown) => (e instanceof Error ? e.message.split('\n').slice(-1)[0] ?? e.message : String(e)),
      );
      judges.set(ref, j);
    }
    return j;
  };
  return {
    async complete(messages, provider) {
      const ref = provider ?? o.defaultJudge;
      if (!ref) return { ok: false, message: 'no judge model: set `judge:` in the suite, or `provider:` on the assertion' };
      const j = await judge(ref);
      if (typeof j === 'string') return { ok: false, message: `judge ${ref}: ${j}` };
      const plan = planCall(messages, { temperature: 0, ...(j.adapter.capabilities.jsonMode !== 'none' ? { response_format: 'json' as const } : {}), ...j.target.request });
      const r = await callModel(plan, 0, { adapter: j.adapter, target: j.target, writes: o.writes, ...(o.cache ? { cache: o.cache } : {}), ...(o.signal ? { signal: o.signal } : {}) });
      if (!r.ok) return { ok: false, message: `judge ${ref}: ${r.error.kind}: ${r.error.message}` };
      o.tally.calls++;
      o.tally.costUsd += r.reply.costUsd;
      return { ok: true, value: { text: r.reply.output, costUsd: r.reply.costUsd } };
    },
    async embed(texts, provider) {
      const j = await judge(provider);
      if (typeof j === 'string') return { ok: false, message: `embedder ${provider}: ${j}` };
      if (!j.adapter.embeddings) return { ok: false, message: `${provider} does not offer embeddings` };
      const r = await j.adapter.embeddings({ input: texts }, o.signal ? { signal: o.signal } : {});
      if (!r.ok) return { ok: false, message: `embedder ${provider}: ${r.failure.kind}: ${r.failure.message}` };
      const vectors = [...r.value.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
      return { ok: true, value: { vectors, costUsd: 0 } };
    },
    async close() {
      for (const j of judges.values()) {
        const v = await j;
        if (typeof v !== 'string') await v.adapter.close();
      }
    },
  };
}
