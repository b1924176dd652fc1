/** Small constructors so pack files read as data. */
import type { Probe, ProbeLang, ProbeMessage } from '../types.js';

/** A system turn. */
export const sys = (content: string): ProbeMessage => ({ role: 'system', content });
/** A user turn. */
export const user = (content: string): ProbeMessage => ({ role: 'user', content });
/** A scripted assistant turn (multi-turn probes). */
export const assistant = (content: string): ProbeMessage => ({ role: 'assistant', content });

/** A probe; `extra` adds tools, a detector or the control flag. */
export function probe(id: string, family: string, lang: ProbeLang, messages: ProbeMessage[], extra: Partial<Pick<Probe, 'tools' | 'detector' | 'control'>> = {}): Probe {
  return { id, family, lang, messages, ...extra };
}
