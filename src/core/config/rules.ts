/**
 * Cross-field checks that a schema cannot express. Each rule pushes issues
 * with a key path so the loader can point at the line.
 */
import type { Config } from './config.schema.js';
import { gatewayTargetsDeclared } from './gateway.schema.js';

export interface ConfigIssue {
  path: (string | number)[];
  message: string;
}

type Rule = (config: Config, issues: ConfigIssue[]) => void;

const modelHasOneKind: Rule = (config, issues) => {
  for (const [name, m] of Object.entries(config.models)) {
    const hosted = m.provider !== undefined || m.model !== undefined;
    if (m.source === undefined && !hosted) {
      issues.push({ path: ['models', name], message: 'needs either `source` (model files) or `provider` + `model` (hosted API)' });
    }
    if (m.source !== undefined && hosted) {
      issues.push({ path: ['models', name], message: '`source` and `provider`/`model` exclude each other' });
    }
    if (hosted && (m.provider === undefined || m.model === undefined || m.version === undefined)) {
      issues.push({ path: ['models', name], message: 'a hosted model needs `provider`, `model` and a pinned `version`' });
    }
  }
};

/** Every rule, run in order after the schema passes. */
export const CONFIG_RULES: readonly Rule[] = [modelHasOneKind, gatewayTargetsDeclared];
