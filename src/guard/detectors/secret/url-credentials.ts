import { ALNUM, DASH, DOT, B64SYM, runStart } from '../../checks/chars.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

const SCHEME = ALNUM | DASH | DOT | B64SYM;
// user:password@ — no whitespace, no '/', '?', '#' or '@' inside either part.
const USERINFO = /([^\s:@/?#"'<>]{1,128}):([^\s@/?#"'<>]{1,256})@(?=[A-Za-z0-9[])/y;
const PLACEHOLDER = /^(?:\$|\{|<|%|\*+$|x+$|password$|pass$|passwd$|secret$|changeme$)/i;

/** Credentials in URLs: `scheme://user:password@host` (HTTP basic auth, database and broker URLs). */
export const urlCredentials = defineDetector({
  id: 'secret/url-credentials',
  title: 'Credentials in a URL',
  description: 'scheme://user:password@host; the user:password part is reported. Template placeholders are skipped.',
  severity: 'high',
  kind: 'secret',
  // Medium so that a vendor token used as the password (x-access-token:ghs_…) is reported as that token.
  confidence: 'medium',
  label: 'URL_CREDENTIALS',
  trigger: 'anchor',
  anchors: ['://'],
  matchAt(text, at): Hit | undefined {
    const schemeStart = runStart(text, at, SCHEME, 32);
    if (at - schemeStart < 2) return undefined;
    USERINFO.lastIndex = at + 3;
    const m = USERINFO.exec(text);
    if (!m || PLACEHOLDER.test(m[2] ?? '')) return undefined;
    return { start: at + 3, end: at + 3 + m[0].length - 1 };
  },
});
