/** A stage of the demo: one capability shown on the demo workspace. */

/** What every stage gets: the workspace and a way to print. */
export interface DemoContext {
  /** Absolute path of the workspace folder. */
  dir: string;
  /** Absolute path of its modelgate.yaml. */
  configPath: string;
  /** Print a line of the demo's narrative. */
  say(line?: string): void;
}

/** Outcome of a stage: `ok` false means the demo itself went wrong (not a finding it was meant to show). */
export interface DemoStageResult {
  ok: boolean;
  /** One-line takeaway printed in the closing summary. */
  summary: string;
}

/** One stage; later capabilities add theirs to the list in run-demo.ts. */
export interface DemoStage {
  title: string;
  run(ctx: DemoContext): Promise<DemoStageResult>;
}
