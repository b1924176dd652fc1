/**
 * A circuit breaker per deployment: after `failures` consecutive upstream
 * failures it opens and the deployment is skipped for `cooldownMs`; then one
 * trial request is let through (half-open), whose outcome closes or re-opens it.
 */
import type { Clock } from '../types.js';

/** Breaker states, as exported in metrics (0 closed, 1 open, 2 half-open). */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** One deployment's breaker. */
export class CircuitBreaker {
  private consecutive = 0;
  private openedAt = -1;
  private trialInFlight = false;

  constructor(
    private readonly failures: number,
    private readonly cooldownMs: number,
    private readonly clock: Clock,
  ) {}

  /** The state now. */
  get state(): BreakerState {
    if (this.openedAt < 0) return 'closed';
    return this.clock.now() - this.openedAt >= this.cooldownMs ? 'half-open' : 'open';
  }

  /** Whether a request may go to the deployment now; in half-open state only one trial at a time. */
  tryAcquire(): boolean {
    if (this.openedAt < 0) return true;
    if (this.clock.now() - this.openedAt < this.cooldownMs || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** The deployment answered. */
  success(): void {
    this.consecutive = 0;
    this.openedAt = -1;
    this.trialInFlight = false;
  }

  /** The deployment failed (error or timeout; not client errors). */
  failure(): void {
    this.consecutive++;
    if (this.trialInFlight || this.consecutive >= this.failures) this.openedAt = this.clock.now();
    this.trialInFlight = false;
  }

  /** An attempt ended without telling anything about the deployment (client left, answer refused by policy). */
  release(): void {
    this.trialInFlight = false;
  }
}
