/**
 * Restores this request's placeholders in streamed chat chunks. A
 * placeholder may be split across deltas, so each choice's content and each
 * tool call's arguments get their own streaming restorer, which holds back
 * a possible placeholder prefix until the next delta (or the end) decides it.
 */
import { createRestorer, type Restorer } from '../../guard/index.js';

interface WireToolDelta {
  index?: number;
  function?: { arguments?: string };
}

interface WireChoice {
  index?: number;
  delta?: { content?: string | null; tool_calls?: WireToolDelta[] };
  finish_reason?: string | null;
}

/** The parts of a `chat.completion.chunk` the restorer touches. */
export interface WireChunk {
  choices?: WireChoice[];
}

/** Restore placeholders chunk by chunk; call `finish()` before the stream's end marker. */
export class ChunkRestorer {
  private readonly content = new Map<number, Restorer>();
  private readonly args = new Map<string, Restorer>();

  constructor(private readonly replacements: ReadonlyMap<string, string>) {}

  /** Restore one chunk in place; a choice that finishes also gets its held-back text. */
  apply(chunk: WireChunk): void {
    if (!Array.isArray(chunk.choices)) return;
    for (const choice of chunk.choices) {
      const i = choice.index ?? 0;
      const delta = choice.delta;
      if (delta && typeof delta.content === 'string') delta.content = this.restorer(this.content, i, 'none').push(delta.content);
      for (const t of delta?.tool_calls ?? []) {
        if (typeof t.function?.arguments === 'string') t.function.arguments = this.restorer(this.args, `${i}:${t.index ?? 0}`, 'json').push(t.function.arguments);
      }
      if (choice.finish_reason) this.flushChoice(choice, i);
    }
  }

  /** True when no text is held back: a chunk without placeholder text may then pass unparsed. */
  idle(): boolean {
    for (const r of this.content.values()) if (r.holding()) return false;
    for (const r of this.args.values()) if (r.holding()) return false;
    return true;
  }

  /** A chunk carrying whatever is still held back, or undefined when nothing is. */
  finish(template: { id?: unknown; model?: unknown; created?: unknown }): WireChunk | undefined {
    const choices: WireChoice[] = [];
    for (const i of new Set([...this.content.keys(), ...[...this.args.keys()].map((k) => Number(k.split(':')[0]))])) {
      const c: WireChoice = { index: i, delta: {}, finish_reason: null };
      this.flushChoice(c, i);
      if (c.delta?.content || c.delta?.tool_calls) choices.push(c);
    }
    if (choices.length === 0) return undefined;
    return { ...template, object: 'chat.completion.chunk', choices } as WireChunk;
  }

  private flushChoice(choice: WireChoice, i: number): void {
    const held = this.content.get(i)?.flush() ?? '';
    this.content.delete(i);
    const delta = (choice.delta ??= {});
    if (held) delta.content = (delta.content ?? '') + held;
    for (const [key, r] of this.args) {
      if (!key.startsWith(`${i}:`)) continue;
      const rest = r.flush();
      this.args.delete(key);
      if (rest) (delta.tool_calls ??= []).push({ index: Number(key.slice(key.indexOf(':') + 1)), function: { arguments: rest } });
    }
  }

  private restorer<K>(map: Map<K, Restorer>, key: K, escape: 'none' | 'json'): Restorer {
    let r = map.get(key);
    if (!r) map.set(key, (r = createRestorer(this.replacements, { escape })));
    return r;
  }
}
