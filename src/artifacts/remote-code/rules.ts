/**
 * Rules for code that loading a model can run: Python modules pulled in by
 * `trust_remote_code=True`, `auto_map` entries naming them, and chat
 * templates that try to leave the Jinja sandbox.
 */
import { defineRule } from '../../core/findings.js';

export const REMOTE_CODE_PYTHON = defineRule({
  id: 'remote-code/python-file',
  title: 'Python file in the model repository',
  severity: 'high',
  description:
    'Loading with trust_remote_code=True imports Python files from the repository and runs them with your privileges. Raised to critical when the file runs commands, evaluates code or opens network connections.',
  cwe: [94, 829],
});

export const REMOTE_CODE_CALL = defineRule({
  id: 'remote-code/suspicious-call',
  title: 'Notable call in repository Python code',
  severity: 'high',
  description:
    'A static pattern found a call that model code rarely needs: shell commands, eval/exec, network access, decoding data before running it, unpickling or native libraries. Review the line.',
  cwe: [78, 94],
});

export const REMOTE_CODE_AUTO_MAP = defineRule({
  id: 'remote-code/auto-map',
  title: 'auto_map points at repository code',
  severity: 'high',
  description:
    'An auto_map entry (config.json, tokenizer_config.json, processor configs) or a custom_pipelines impl makes transformers import a class from a Python module when trust_remote_code=True. Critical when it names code in another repository or a path outside the model folder.',
  cwe: [829],
});

export const CHAT_TEMPLATE_ESCAPE = defineRule({
  id: 'chat-template/jinja-escape',
  title: 'Chat template reaches Python internals',
  severity: 'critical',
  description:
    'The chat template reads dunder or private attributes (directly, escape-encoded or assembled from pieces), the path by which Jinja sandbox escapes reach os and subprocess. Ordinary templates never do.',
  cwe: [1336, 94],
});

export const CHAT_TEMPLATE_GADGET = defineRule({
  id: 'chat-template/sandbox-gadget',
  title: 'Chat template uses sandbox-escape gadgets',
  severity: 'high',
  description:
    'The chat template touches globals or tricks used to start sandbox escapes (cycler, joiner, lipsum, self, request, config, computed attr names, character-code formatting). Ordinary templates do not need them.',
  cwe: [1336],
});

export const CHAT_TEMPLATE_EXTERNAL = defineRule({
  id: 'chat-template/external-template',
  title: 'Chat template loads another template',
  severity: 'medium',
  description: 'include, import, extends or from make the template depend on files outside itself; chat templates are self-contained.',
});

export const JSON_MALFORMED = defineRule({
  id: 'json/malformed',
  title: 'JSON file does not parse',
  severity: 'low',
  description: 'A .json file in the model folder is not valid JSON; loaders will fail on it or, worse, parse it differently.',
});

export const JSON_TOO_LARGE = defineRule({
  id: 'json/too-large',
  title: 'JSON file too large to inspect',
  severity: 'low',
  description: 'The JSON file exceeds the size the scanner parses; auto_map and chat_template entries in it were not checked.',
});

/** Every rule the chat-template check can report. */
export const CHAT_TEMPLATE_RULES = [CHAT_TEMPLATE_ESCAPE, CHAT_TEMPLATE_GADGET, CHAT_TEMPLATE_EXTERNAL] as const;
