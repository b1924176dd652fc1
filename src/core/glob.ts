/**
 * Minimal glob matching for include/exclude lists: `*` (within a path
 * segment), `**` (any number of segments), `?`, `{a,b}` and `[abc]`. Patterns
 * without a `/` match the base name anywhere, as .gitignore does. Node's
 * `path.matchesGlob` is still experimental on Node 20 and warns on use.
 */

const cache = new Map<string, RegExp>();

/** Compile a glob to an anchored RegExp (cached). */
export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let re = '';
  let inClass = false;
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (inClass) {
      re += c === ']' ? ']' : c === '\\' ? '\\\\' : c;
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      inClass = true;
      re += '[';
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  const anchored = new RegExp(glob.includes('/') ? `^${re}$` : `^(?:.*/)?${re}$`);
  cache.set(glob, anchored);
  return anchored;
}

/** True when a `/`-separated relative path matches the glob. */
export function matchesGlob(path: string, glob: string): boolean {
  return globToRegExp(glob).test(path);
}

/** Apply include (default: everything) and exclude lists to a path. */
export function selectedByGlobs(path: string, include: readonly string[] | undefined, exclude: readonly string[] | undefined): boolean {
  if (include && include.length > 0 && !include.some((g) => matchesGlob(path, g))) return false;
  return !(exclude ?? []).some((g) => matchesGlob(path, g));
}
