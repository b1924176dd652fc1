/**
 * Prometheus metrics, kept as plain counters and fixed-bucket histograms
 * and rendered in the text exposition format (version 0.0.4) on scrape.
 * Route and deployment names come from the config, so label sets are
 * bounded; nothing a client sends becomes a label.
 */

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** A histogram over BUCKETS. */
class Histogram {
  readonly counts = new Float64Array(BUCKETS.length);
  sum = 0;
  count = 0;

  observe(seconds: number): void {
    this.sum += seconds;
    this.count++;
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= (BUCKETS[i] as number)) (this.counts[i] as number)++;
  }
}

/** Escape a label value per the exposition format. */
function esc(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** A breaker's state as a gauge value. */
export type BreakerGauge = () => { deployment: string; route: string; state: 0 | 1 | 2 }[];

/** The gateway's metrics. */
export class GatewayMetrics {
  inFlight = 0;
  private readonly requests = new Map<string, number>();
  private readonly attempts = new Map<string, number>();
  private readonly tokens = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly breakers: BreakerGauge = () => []) {}

  /** A finished client request. */
  request(route: string, status: number, outcome: string, seconds: number): void {
    const key = `${route}\u0000${status}\u0000${outcome}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let h = this.durations.get(route);
    if (!h) this.durations.set(route, (h = new Histogram()));
    h.observe(seconds);
  }

  /** One upstream attempt and how it ended. */
  attempt(deployment: string, result: string): void {
    const key = `${deployment}\u0000${result}`;
    this.attempts.set(key, (this.attempts.get(key) ?? 0) + 1);
  }

  /** Tokens relayed for a route. */
  tokensUsed(route: string, prompt: number, completion: number): void {
    const p = `${route}\u0000prompt`;
    const c = `${route}\u0000completion`;
    this.tokens.set(p, (this.tokens.get(p) ?? 0) + prompt);
    this.tokens.set(c, (this.tokens.get(c) ?? 0) + completion);
  }

  /** A plain counter (shadow requests sent and dropped, ledger write failures). */
  count(name: 'shadow_sent' | 'shadow_dropped' | 'ledger_errors' | 'redactions', n = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + n);
  }

  /** The exposition text. */
  render(): string {
    const out: string[] = [];
    const family = (name: string, type: string, help: string) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    family('modelgate_requests_total', 'counter', 'Client requests by route, HTTP status and outcome.');
    for (const [k, v] of this.requests) {
      const [route, status, outcome] = k.split('\u0000') as [string, string, string];
      out.push(`modelgate_requests_total{route="${esc(route)}",status="${status}",outcome="${outcome}"} ${v}`);
    }
    family('modelgate_request_duration_seconds', 'histogram', 'Time from request to the last byte of the answer.');
    for (const [route, h] of this.durations) {
      const r = esc(route);
      BUCKETS.forEach((b, i) => out.push(`modelgate_request_duration_seconds_bucket{route="${r}",le="${b}"} ${h.counts[i]}`));
      out.push(`modelgate_request_duration_seconds_bucket{route="${r}",le="+Inf"} ${h.count}`);
      out.push(`modelgate_request_duration_seconds_sum{route="${r}"} ${h.sum}`, `modelgate_request_duration_seconds_count{route="${r}"} ${h.count}`);
    }
    family('modelgate_upstream_attempts_total', 'counter', 'Upstream attempts by deployment and result (ok or the failure reason).');
    for (const [k, v] of this.attempts) {
      const [d, result] = k.split('\u0000') as [string, string];
      out.push(`modelgate_upstream_attempts_total{deployment="${esc(d)}",result="${result}"} ${v}`);
    }
    family('modelgate_tokens_total', 'counter', 'Tokens by route and kind (as reported upstream, else estimated).');
    for (const [k, v] of this.tokens) {
      const [route, kind] = k.split('\u0000') as [string, string];
      out.push(`modelgate_tokens_total{route="${esc(route)}",kind="${kind}"} ${v}`);
    }
    family('modelgate_circuit_state', 'gauge', 'Circuit breaker per deployment: 0 closed, 1 open, 2 half-open.');
    for (const b of this.breakers()) out.push(`modelgate_circuit_state{route="${esc(b.route)}",deployment="${esc(b.deployment)}"} ${b.state}`);
    family('modelgate_in_flight_requests', 'gauge', 'Requests being served now.');
    out.push(`modelgate_in_flight_requests ${this.inFlight}`);
    for (const name of ['shadow_sent', 'shadow_dropped', 'ledger_errors', 'redactions'] as const) {
      family(`modelgate_${name}_total`, 'counter', COUNTER_HELP[name]);
      out.push(`modelgate_${name}_total ${this.counters.get(name) ?? 0}`);
    }
    return `${out.join('\n')}\n`;
  }
}

const COUNTER_HELP = {
  shadow_sent: 'Copies of requests sent to shadow candidates.',
  shadow_dropped: 'Shadow copies skipped because too many were in flight.',
  ledger_errors: 'Ledger rows that failed to write.',
  redactions: 'Requests in which secrets or personal data were replaced by placeholders.',
} as const;
