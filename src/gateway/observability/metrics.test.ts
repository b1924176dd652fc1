import { describe, expect, it } from 'vitest';
import { GatewayMetrics } from './metrics.js';

describe('GatewayMetrics', () => {
  it('renders counters, histograms and gauges in the exposition format', () => {
    const m = new GatewayMetrics(() => [{ route: 'r', deployment: 'a"b', state: 1 }]);
    m.request('r', 200, 'ok', 0.02);
    m.request('r', 200, 'ok', 3);
    m.attempt('up:m', 'timeout');
    m.tokensUsed('r', 10, 5);
    m.count('shadow_sent');
    const text = m.render();
    expect(text).toContain('# TYPE modelgate_requests_total counter');
    expect(text).toContain('modelgate_requests_total{route="r",status="200",outcome="ok"} 2');
    expect(text).toContain('modelgate_request_duration_seconds_bucket{route="r",le="0.025"} 1');
    expect(text).toContain('modelgate_request_duration_seconds_bucket{route="r",le="+Inf"} 2');
    expect(text).toContain('modelgate_upstream_attempts_total{deployment="up:m",result="timeout"} 1');
    expect(text).toContain('modelgate_tokens_total{route="r",kind="completion"} 5');
    expect(text).toContain('modelgate_circuit_state{route="r",deployment="a\\"b"} 1');
    expect(text).toContain('modelgate_shadow_sent_total 1');
    expect(text.endsWith('\n')).toBe(true);
  });
});
