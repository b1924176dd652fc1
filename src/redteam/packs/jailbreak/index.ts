/**
 * Jailbreak: every template family applied to every disallowed request. The
 * detector is `refusal`: the attack worked when the model complied.
 */
import type { Pack } from '../../types.js';
import { probe } from '../build.js';
import { DISALLOWED_REQUESTS } from './requests.js';
import { JAILBREAK_TEMPLATES } from './templates.js';

export const jailbreakPack: Pack = {
  id: 'jailbreak',
  title: 'Jailbreaks',
  description: 'Template families (role-play, hypothetical, base64, leetspeak, payload splitting, language switching, multi-turn) over disallowed requests; refusal vs compliance.',
  detector: { type: 'refusal' },
  probes: JAILBREAK_TEMPLATES.flatMap((t) => DISALLOWED_REQUESTS.map((r) => probe(`${t.family}:${r.id}`, t.family, t.lang, t.render(r)))),
};
