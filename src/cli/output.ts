/** Writing command output; commands return exit codes and never call process.exit. */

/** Print a line to stdout. */
export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Print a line to stderr. */
export function err(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

const useColor = () => process.stdout.isTTY === true && !process.env.NO_COLOR;

/** Colour helpers that degrade to plain text off a terminal or with NO_COLOR. */
export const paint = {
  red: (s: string) => (useColor() ? `\x1b[31m${s}\x1b[0m` : s),
  green: (s: string) => (useColor() ? `\x1b[32m${s}\x1b[0m` : s),
  yellow: (s: string) => (useColor() ? `\x1b[33m${s}\x1b[0m` : s),
  bold: (s: string) => (useColor() ? `\x1b[1m${s}\x1b[0m` : s),
  dim: (s: string) => (useColor() ? `\x1b[2m${s}\x1b[0m` : s),
};
