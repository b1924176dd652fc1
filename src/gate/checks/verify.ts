/**
 * verify: the model's files match its lock entry. It always runs (never
 * reused): it is what makes the lock entry a trustworthy stand-in for the
 * files in every other check's cache key.
 */
import { verifyProject } from '../../artifacts/index.js';
import type { GateCheck } from '../types.js';
import { result } from './shared.js';

/** The verify check. */
export const verifyCheck: GateCheck = {
  id: 'verify',
  title: 'files match modelgate.lock',
  applies: () => undefined,
  inputs: async () => undefined,
  async run(ctx, s) {
    const report = await verifyProject({ configPath: ctx.paths.configPath, only: [s.model], ...(ctx.blobPath ? { hub: { blobPath: ctx.blobPath } } : {}) });
    const problems = report.problems.filter((p) => p.model === s.model);
    if (problems.length === 0) return result(true, s.locked.kind === 'hosted' ? 'hosted model, pinned version matches' : `${s.locked.files.length} file(s) match the lock`);
    const list = problems.map((p) => `${p.kind}${p.path ? ` ${p.path}` : ''}`);
    return result(false, `${problems.length} problem(s): ${list.slice(0, 3).join(', ')}`, { problems });
  },
};
