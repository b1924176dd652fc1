/**
 * Client-side limits per provider instance: a concurrency semaphore and a
 * token-bucket requests-per-minute limiter. Both queue FIFO and give up
 * when the caller's signal aborts, so a cancelled request never holds a slot.
 */

interface Waiter {
  resolve: (ok: boolean) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

function enqueue(queue: Waiter[], signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const w: Waiter = { resolve, signal };
    if (signal) {
      w.onAbort = () => {
        const i = queue.indexOf(w);
        if (i !== -1) queue.splice(i, 1);
        resolve(false);
      };
      signal.addEventListener('abort', w.onAbort, { once: true });
    }
    queue.push(w);
  });
}

function wake(w: Waiter): void {
  if (w.onAbort) w.signal?.removeEventListener('abort', w.onAbort);
  w.resolve(true);
}

/** At most `max` holders at once. */
export class Semaphore {
  private held = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new RangeError('Semaphore max must be at least 1');
  }

  get active(): number {
    return this.held;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Wait for a slot; resolves to a release function, or undefined when the signal aborted first. */
  async acquire(signal?: AbortSignal): Promise<(() => void) | undefined> {
    if (this.held < this.max && this.queue.length === 0) this.held++;
    else if (!(await enqueue(this.queue, signal))) return undefined;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) wake(next); // the slot passes straight to the next waiter
      else this.held--;
    };
  }
}

/** Options for TokenBucket. */
export interface TokenBucketOptions {
  perMinute: number;
  /** Bucket size (burst); defaults to one minute's worth, at least 1. */
  burst?: number;
  now?: () => number;
}

/** Requests-per-minute limiter: tokens refill continuously at perMinute/60 000 per ms. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;
  private readonly perMs: number;
  private readonly now: () => number;
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(o: TokenBucketOptions) {
    if (!(o.perMinute > 0)) throw new RangeError('perMinute must be positive');
    this.capacity = Math.max(1, o.burst ?? o.perMinute);
    this.perMs = o.perMinute / 60_000;
    this.now = o.now ?? Date.now;
    this.tokens = this.capacity;
    this.last = this.now();
  }

  /** Take a token now if one is there; otherwise the ms until one will be. */
  tryTake(): number {
    this.refill();
    if (this.queue.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perMs));
  }

  /** Wait for a token; false when the signal aborted first. */
  async take(signal?: AbortSignal): Promise<boolean> {
    if (this.tryTake() === 0) return true;
    const p = enqueue(this.queue, signal);
    this.schedule();
    return p;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (t - this.last) * this.perMs);
    this.last = t;
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    this.refill();
    const wait = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refill();
      while (this.tokens >= 1 && this.queue.length > 0) {
        this.tokens -= 1;
        wake(this.queue.shift() as Waiter);
      }
      this.schedule();
    }, wait);
    this.timer.unref?.();
  }
}

/** Both limits of one provider instance; absent limits cost nothing. */
export class Limiter {
  private readonly sem: Semaphore | undefined;
  private readonly bucket: TokenBucket | undefined;

  constructor(o: { concurrency?: number; rpm?: number; now?: () => number }) {
    this.sem = o.concurrency ? new Semaphore(o.concurrency) : undefined;
    this.bucket = o.rpm ? new TokenBucket({ perMinute: o.rpm, now: o.now }) : undefined;
  }

  /** Neither limit is set: callers may skip `slot` and `request` altogether. */
  get unlimited(): boolean {
    return this.sem === undefined && this.bucket === undefined;
  }

  /** A concurrency slot (held across retries and for a stream's lifetime); undefined when aborted. */
  async slot(signal?: AbortSignal): Promise<(() => void) | undefined> {
    return this.sem ? this.sem.acquire(signal) : NOOP;
  }

  /** One request's worth of the per-minute budget (taken per attempt, retries included). */
  async request(signal?: AbortSignal): Promise<boolean> {
    return this.bucket ? this.bucket.take(signal) : true;
  }
}

const NOOP = (): void => {};
