import { ALNUM, boundaryBefore, runOf } from '../../checks/chars.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

const WEBHOOK = 'hooks.slack.com/services/';

/** Slack tokens (`xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxe-`, `xapp-`) and incoming-webhook URLs. */
export const slackToken = defineDetector({
  id: 'secret/slack-token',
  title: 'Slack token or webhook',
  description: 'xox?-/xapp- followed by dash-separated alphanumeric groups (20+ chars), or a hooks.slack.com/services/ URL path.',
  severity: 'critical',
  kind: 'secret',
  confidence: 'high',
  label: 'SLACK_TOKEN',
  trigger: 'anchor',
  anchors: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xapp-', WEBHOOK],
  matchAt: (text, at, anchor) => (anchor === WEBHOOK ? webhookAt(text, at) : tokenAt(text, at)),
});

function tokenAt(text: string, at: number): Hit | undefined {
  if (!boundaryBefore(text, at)) return undefined;
  let i = at + 5;
  let groups = 0;
  for (;;) {
    const n = runOf(text, i, ALNUM, 80);
    if (n === 0) break;
    i += n;
    groups++;
    if (text[i] !== '-' || !(runOf(text, i + 1, ALNUM, 1) > 0)) break;
    i++;
  }
  return groups >= 2 && i - at - 5 >= 20 ? { start: at, end: i } : undefined;
}

// T<team>/B<bot>/<secret>: the whole path after /services/ is the credential.
function webhookAt(text: string, at: number): Hit | undefined {
  const start = at + WEBHOOK.length;
  let i = start;
  for (let part = 0; part < 3; part++) {
    const n = runOf(text, i, ALNUM, 64);
    if (n === 0) return undefined;
    i += n;
    if (part < 2) {
      if (text[i] !== '/') return undefined;
      i++;
    }
  }
  return i - start >= 30 ? { start, end: i } : undefined;
}
