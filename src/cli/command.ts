/** The shape every CLI command module exports. */
import type { Command } from 'commander';

/** Wraps an action so its returned exit code becomes the process's. */
export type Runner = <A extends unknown[]>(action: (...args: A) => Promise<number>) => (...args: A) => Promise<void>;

/** One `modelgate <verb>`: registers itself on the program. */
export interface CliCommand {
  register(program: Command, run: Runner): void;
}
