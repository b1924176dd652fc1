/**
 * The languages the code scanner knows, their fence aliases and file
 * extensions. One table, so adding a language fails `tsc` wherever a
 * `Record<Language, …>` dispatch lacks it.
 */

/** Languages the scanner has rules for. TypeScript shares the JavaScript rules. */
export const LANGUAGES = ['python', 'javascript', 'typescript', 'java', 'c', 'go', 'php', 'sql', 'shell'] as const;
export type Language = (typeof LANGUAGES)[number];

const ALIASES: Record<string, Language> = {
  python: 'python', py: 'python', python3: 'python', py3: 'python', pycon: 'python', ipython: 'python',
  javascript: 'javascript', js: 'javascript', node: 'javascript', nodejs: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  typescript: 'typescript', ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  java: 'java',
  c: 'c', h: 'c', cpp: 'c', 'c++': 'c', cc: 'c', cxx: 'c', hpp: 'c', objc: 'c',
  go: 'go', golang: 'go',
  php: 'php', php5: 'php', php7: 'php', php8: 'php',
  sql: 'sql', mysql: 'sql', postgresql: 'sql', postgres: 'sql', pgsql: 'sql', plpgsql: 'sql', tsql: 'sql', sqlite: 'sql', plsql: 'sql',
  shell: 'shell', sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell', console: 'shell', shellsession: 'shell', dash: 'shell',
};

/** Map a fence tag, CLI value or file extension (without dot) to a Language, or undefined. */
export function normalizeLanguage(name: string | undefined): Language | undefined {
  if (!name) return undefined;
  return ALIASES[name.trim().toLowerCase()];
}

/** Language from a file name's extension (`app.py` → python), or undefined. */
export function languageFromPath(file: string): Language | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? undefined : normalizeLanguage(base.slice(dot + 1));
}

/** Conventional file extension, used for fixtures and block names. */
export const EXTENSIONS: Record<Language, string> = {
  python: 'py',
  javascript: 'js',
  typescript: 'ts',
  java: 'java',
  c: 'c',
  go: 'go',
  php: 'php',
  sql: 'sql',
  shell: 'sh',
};
