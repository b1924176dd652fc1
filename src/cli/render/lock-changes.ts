/** Terminal rendering of what `modelgate lock` changed. */
import type { LockChange } from '../../artifacts/index.js';
import { paint } from '../output.js';

/** One line per change, license changes highlighted; "no changes" when empty. */
export function renderLockChanges(changes: readonly LockChange[]): string {
  if (changes.length === 0) return 'no changes';
  return changes
    .map((c) => {
      const line = `  ${c.model}: ${c.kind} ${c.detail}`;
      return c.kind === 'license' || c.kind === 'removed' ? paint.yellow(line) : line;
    })
    .join('\n');
}
