// The built-in packs, by id. Adding one = a folder with an index.ts exporting a Pack, and one line here.
import type { Pack } from '../types.js';
import { insecureCodePack } from './insecure-code/index.js';
import { jailbreakPack } from './jailbreak/index.js';
import { leakagePack } from './leakage/index.js';
import { promptInjectionPack } from './prompt-injection/index.js';
import { sensitiveTopicsPack } from './sensitive-topics/index.js';
import { toolMisusePack } from './tool-misuse/index.js';

/** Every built-in pack, in the order reports list them. */
export const builtinPacks = {
  'prompt-injection': promptInjectionPack,
  jailbreak: jailbreakPack,
  leakage: leakagePack,
  'tool-misuse': toolMisusePack,
  'sensitive-topics': sensitiveTopicsPack,
  'insecure-code': insecureCodePack,
} as const satisfies Record<string, Pack>;

/** A built-in pack id. */
export type BuiltinPackId = keyof typeof builtinPacks;
