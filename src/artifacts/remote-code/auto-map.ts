/**
 * `auto_map` entries: transformers resolves each as `[repo--]module.Class`,
 * loads `module.py` from the model folder (or from the other repository) and
 * imports the class when `trust_remote_code=True`. Each entry is reported with
 * what exactly would be imported.
 */
import type { Finding, Severity } from '../../core/findings.js';
import { REMOTE_CODE_AUTO_MAP } from './rules.js';

/** One class reference from an auto_map. */
export interface AutoMapRef {
  /** The Auto class key (`AutoModelForCausalLM`), with `[i]` for list entries. */
  autoClass: string;
  reference: string;
  /** `org/repo` when the reference points into another repository. */
  repo?: string;
  module: string;
  className: string;
  /** Why the reference cannot be a plain local `module.Class`, if it cannot. */
  defect?: 'path' | 'shape';
}

/** Parse `[repo--]module.Class` the way transformers splits it. */
export function parseClassReference(autoClass: string, reference: string): AutoMapRef {
  const dash = reference.indexOf('--');
  const repo = dash >= 0 ? reference.slice(0, dash) : undefined;
  const rest = dash >= 0 ? reference.slice(dash + 2) : reference;
  const parts = rest.split('.');
  const ref: AutoMapRef = { autoClass, reference, module: parts[0] ?? '', className: parts.slice(1).join('.') };
  if (repo !== undefined) ref.repo = repo;
  // One dot exactly; a module with a separator would be joined onto the folder path as a path.
  if (/[/\\:\0]/.test(ref.module) || ref.module.startsWith('~')) ref.defect = 'path';
  else if (parts.length !== 2 || !ref.module || !ref.className) ref.defect = 'shape';
  return ref;
}

/** Every class reference in an auto_map value (strings, or lists with nulls for tokenizers). */
export function autoMapRefs(autoMap: unknown): AutoMapRef[] {
  if (typeof autoMap !== 'object' || autoMap === null || Array.isArray(autoMap)) return [];
  const refs: AutoMapRef[] = [];
  for (const [autoClass, v] of Object.entries(autoMap)) {
    if (typeof v === 'string') refs.push(parseClassReference(autoClass, v));
    else if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (typeof item === 'string') refs.push(parseClassReference(`${autoClass}[${i}]`, item));
      });
    }
  }
  return refs;
}

/**
 * Findings for an auto_map. `siblings` lists the files next to the JSON file
 * when known, so a missing module can be named; pass undefined when unknown.
 * `keyPrefix` names the JSON key the map came from, for the finding location.
 */
export function autoMapFindings(file: string, autoMap: unknown, siblings?: ReadonlySet<string>, keyPrefix = 'auto_map'): Finding[] {
  return autoMapRefs(autoMap).map((ref) => {
    const { severity, message } = describe(ref, siblings);
    return {
      ruleId: REMOTE_CODE_AUTO_MAP.id,
      severity,
      file,
      location: { key: `${keyPrefix}.${ref.autoClass}` },
      message,
      evidence: ref.reference.slice(0, 200),
    };
  });
}

function describe(ref: AutoMapRef, siblings?: ReadonlySet<string>): { severity: Severity; message: string } {
  const load = `${ref.autoClass} with trust_remote_code=True`;
  if (ref.defect === 'path') {
    return { severity: 'critical', message: `${load} would load module '${ref.module}', a path that can point outside the model folder` };
  }
  if (ref.defect === 'shape') {
    return { severity: 'medium', message: `${load}: reference '${ref.reference}' is not module.Class; transformers will refuse it` };
  }
  const what = `class ${ref.className} from ${ref.module}.py`;
  if (ref.repo !== undefined) {
    return { severity: 'critical', message: `${load} would import ${what} from another repository, ${ref.repo}, which this scan did not see` };
  }
  if (siblings && !siblings.has(`${ref.module}.py`)) {
    return { severity: 'high', message: `${load} would import ${what}, but ${ref.module}.py is not in this folder (it would be fetched or fail)` };
  }
  return { severity: 'high', message: `${load} would import and run ${what}` };
}

/** `custom_pipelines` in config.json: each task's `impl` is a class reference loaded the same way. */
export function customPipelineFindings(file: string, pipelines: unknown, siblings?: ReadonlySet<string>): Finding[] {
  if (typeof pipelines !== 'object' || pipelines === null || Array.isArray(pipelines)) return [];
  const impls: Record<string, unknown> = {};
  for (const [task, v] of Object.entries(pipelines)) {
    if (typeof v === 'object' && v !== null && 'impl' in v) impls[task] = (v as { impl: unknown }).impl;
  }
  return autoMapFindings(file, impls, siblings, 'custom_pipelines');
}
