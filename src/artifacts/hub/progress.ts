/**
 * Byte counts per file and overall for a CLI progress bar. Counts can go
 * down: a server that ignores Range makes a resumed file start over.
 */
import type { HubProgressEvent, HubProgressListener } from './types.js';

/** Reports progress of a set of files; a no-op without a listener. */
export class ProgressTracker {
  private readonly done = new Map<string, number>();
  private overall = 0;
  readonly total: number;

  constructor(
    private readonly repo: string,
    files: readonly { path: string; size: number }[],
    private readonly listener: HubProgressListener | undefined,
  ) {
    this.total = files.reduce((n, f) => n + f.size, 0);
  }

  /** Set how many bytes of `path` are done (not a delta), then notify. */
  update(path: string, fileDone: number, fileTotal: number, state: HubProgressEvent['state']): void {
    this.overall += fileDone - (this.done.get(path) ?? 0);
    this.done.set(path, fileDone);
    this.listener?.({ repo: this.repo, path, state, fileDone, fileTotal, done: this.overall, total: this.total });
  }
}
