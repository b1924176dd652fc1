/**
 * redteam: the models in `gate.redteam.models` stay within the attack
 * success thresholds of the `redteam:` section. Digests: lock entry,
 * `gate.redteam`, `redteam:`, each pack file given by path, the provider
 * config used to call the model, modelgate's version (built-in packs ship with it).
 */
import { resolve } from 'node:path';
import { RedteamConfigSchema, runRedteam } from '../../redteam/index.js';
import { digestOf, fileDigest } from '../digest.js';
import type { GateCheck } from '../types.js';
import { baseInputs, providerInputs, result, targetOf } from './shared.js';

// Built-in pack ids are plain words; anything with a slash or an extension is a file.
const isPackFile = (p: string) => /[/\\]|\.(ya?ml|json)$/i.test(p);

/** The red-team check. */
export const redteamCheck: GateCheck = {
  id: 'redteam',
  title: 'red-team attack success within thresholds',
  applies: (ctx, s) => (ctx.config.gate?.redteam?.models.includes(s.model) ? undefined : 'not listed in gate.redteam.models'),
  async inputs(ctx, s) {
    const rt = RedteamConfigSchema.parse(ctx.config.redteam ?? {});
    const target = targetOf(ctx, s.model);
    const parts: Record<string, string> = { ...baseInputs(ctx, s), 'config.gate.redteam': digestOf(ctx.config.gate?.redteam), 'config.redteam': digestOf(rt), [`provider:${target}`]: providerInputs(ctx, target) };
    for (const p of (rt.packs ?? []).filter(isPackFile)) parts[`pack:${p}`] = await fileDigest(resolve(ctx.paths.baseDir, p));
    return parts;
  },
  async run(ctx, s) {
    const parsed = RedteamConfigSchema.safeParse(ctx.config.redteam ?? {});
    if (!parsed.success) return result(false, `redteam: section invalid: ${parsed.error.issues[0]?.message ?? 'see the schema'}`);
    const rt = parsed.data;
    const thresholds = rt.thresholds ?? null;
    if (!rt.thresholds || Object.keys(rt.thresholds).length === 0) return result(false, 'no thresholds (set redteam.thresholds)', null, thresholds);
    const g = ctx.config.gate?.redteam;
    const r = await runRedteam({
      model: targetOf(ctx, s.model),
      packs: rt.packs?.map((p) => (isPackFile(p) ? resolve(ctx.paths.baseDir, p) : p)),
      thresholds: rt.thresholds,
      ...(g?.limit !== undefined ? { limit: g.limit } : {}),
      ...(g?.langs ? { langs: g.langs } : {}),
      configPath: ctx.paths.configPath,
      env: ctx.env,
      ...(ctx.blobPath ? { blobPath: ctx.blobPath } : {}),
    });
    const details = { runId: r.runId, status: r.status, categories: r.categories, checks: r.gate?.checks ?? [] };
    if (r.status !== 'completed' || !r.gate) return result(false, `run ${r.status}`, details, thresholds);
    const failed = r.gate.checks.filter((c) => !c.passed);
    const summary = failed.length === 0 ? `${r.gate.checks.length} threshold(s) met` : failed.map((c) => `${c.category}: ${(c.actual * 100).toFixed(0)}% > ${c.expression}`).join('; ');
    return result(failed.length === 0, summary, details, thresholds);
  },
};
