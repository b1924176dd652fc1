/** The progress sink library code reports to; the CLI passes its progress bar. */
export interface Progress {
  update(done: number, total: number, label?: string): void;
}
