/**
 * The smallest abort signal undici accepts (it takes any EventEmitter-shaped
 * object with `aborted`, `reason`, `once` and `removeListener`). Upstream
 * calls make one per request for their deadline, where an AbortController
 * costs several microseconds to build and to listen on: a measurable share
 * of a gateway request. It is only ever handed to undici, never to callers.
 */
export class Tripwire {
  aborted = false;
  reason: unknown = undefined;
  #listeners: (() => void)[] = [];

  /** Fire once: mark aborted and call the listeners. */
  trip(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const ls = this.#listeners;
    this.#listeners = [];
    for (const l of ls) l();
  }

  /** EventEmitter shape; the only event is 'abort'. */
  on(_event: 'abort', listener: () => void): this {
    this.#listeners.push(listener);
    return this;
  }

  once(event: 'abort', listener: () => void): this {
    return this.on(event, listener);
  }

  addListener(event: 'abort', listener: () => void): this {
    return this.on(event, listener);
  }

  removeListener(_event: 'abort', listener: () => void): this {
    const i = this.#listeners.indexOf(listener);
    if (i >= 0) this.#listeners.splice(i, 1);
    return this;
  }
}
