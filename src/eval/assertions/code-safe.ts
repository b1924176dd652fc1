/**
 * `code-safe`: generated code passes a static code scanner. The scanner is a
 * later capability: it is injected through `runEval({ codeScanner })` or
 * installed once with `registerCodeScanner`. Until one is present the
 * assertion reports that it could not be evaluated, never a pass.
 */
import { z } from 'zod';
import { defineAssertion, notEvaluated } from './define.js';
import type { CodeScanner } from './types.js';

let installed: CodeScanner | undefined;

/** Install the scanner `code-safe` uses when a run does not pass its own (returns the previous one). */
export function registerCodeScanner(scanner: CodeScanner | undefined): CodeScanner | undefined {
  const previous = installed;
  installed = scanner;
  return previous;
}

export const codeSafeAssertion = defineAssertion({
  type: 'code-safe',
  title: 'Code is safe',
  description: 'Code in the output passes the static code scanner (value: the language; config: scanner settings). Without a scanner installed, it fails to evaluate.',
  options: z.object({ value: z.string().optional(), config: z.record(z.string(), z.unknown()).optional() }),
  async run(ctx, { value, config }) {
    const scanner = ctx.codeScanner ?? installed;
    if (!scanner) return notEvaluated('no code scanner installed');
    try {
      return await scanner(ctx.output, { ...(value ? { language: value } : {}), ...(config ? { config } : {}) });
    } catch (e) {
      return notEvaluated(`the code scanner failed: ${(e as Error).message}`);
    }
  },
});
