/** Compiling a test entry (inline, `defaultTest`, or a data-file row) with the suite defaults merged in. */
import { compileAssertion, type CompiledAssertion } from '../assertions/compile.js';
import type { TestEntry } from './schema.js';
import type { TestTemplate } from './types.js';

/** A problem with a path from the suite root (or from the row). */
export interface TestIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Compile `entry` on top of `base` (the suite defaults, or a file entry's
 * shared template): vars merge (entry wins), assertions append, the entry's
 * threshold and judge win. `path` prefixes issue paths.
 */
export function compileTest(entry: Omit<TestEntry, 'file'>, base: TestTemplate, path: (string | number)[]): { test: TestTemplate; issues: TestIssue[] } {
  const issues: TestIssue[] = [];
  const provider = entry.options?.provider ?? base.provider;
  const rubricPrompt = entry.options?.rubricPrompt ?? base.rubricPrompt;
  const own: CompiledAssertion[] = [];
  for (const [i, spec] of (entry.assert ?? []).entries()) {
    const r = compileAssertion(spec, { ...(provider ? { provider } : {}), ...(rubricPrompt ? { rubricPrompt } : {}) });
    if (r.ok) own.push(r.assertion);
    else for (const issue of r.issues) issues.push({ path: [...path, 'assert', i, ...issue.path], message: issue.message });
  }
  const test: TestTemplate = {
    vars: entry.vars ? { ...base.vars, ...entry.vars } : base.vars,
    assert: own.length > 0 ? [...base.assert, ...own] : base.assert,
  };
  const description = entry.description ?? base.description;
  if (description !== undefined) test.description = description;
  const threshold = entry.threshold ?? base.threshold;
  if (threshold !== undefined) test.threshold = threshold;
  if (provider) test.provider = provider;
  if (rubricPrompt) test.rubricPrompt = rubricPrompt;
  return { test, issues };
}

/** The empty base the suite's `defaultTest` compiles onto. */
export function emptyTemplate(judge?: string): TestTemplate {
  return { vars: {}, assert: [], ...(judge ? { provider: judge } : {}) };
}

/** `tests[3].assert[0].type` from a path. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(root)';
}
