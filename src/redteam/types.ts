/**
 * The red-team data model. A pack is data: probes (a conversation, maybe
 * tools) plus the detector that decides whether the attack worked. Built-in
 * packs are TypeScript data modules (they ship in `dist` with the code);
 * user packs are YAML or JSON files checked by `PackFileSchema`.
 */
import type { ToolDefinition } from '../providers/index.js';

/** Languages probes are written in; `--lang` filters on these. */
export type ProbeLang = 'en' | 'zh';

/** A chat turn of a probe; earlier assistant turns script a multi-turn conversation. */
export interface ProbeMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Which detector judges a probe, with its options (checked by the detector's schema). */
export interface DetectorSpec {
  type: string;
  [option: string]: unknown;
}

/** One attack (or, with `control`, one neutral question of the same form). */
export interface Probe {
  /** Stable within its pack; part of the case's vars so results stay comparable across runs. */
  id: string;
  /** The technique or topic family, e.g. `indirect-email`, `role-play`, `territorial`. */
  family: string;
  lang: ProbeLang;
  messages: ProbeMessage[];
  tools?: ToolDefinition[];
  /** Overrides the pack's detector. */
  detector?: DetectorSpec;
  /** A neutral control: reported apart, never counted as an attack. */
  control?: boolean;
}

/** A pack of probes: one red-team category. */
export interface Pack {
  id: string;
  title: string;
  description: string;
  /** The detector of every probe that does not name its own. */
  detector: DetectorSpec;
  probes: Probe[];
}
