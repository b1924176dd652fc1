/** Gateway traffic over time: requests, latency, errors, fallbacks and spend, grouped by key, route or model. */
import { useState } from 'preact/hooks';
import { usd } from '../api.js';
import { LineChart, type Series } from '../charts.js';
import { useApi } from '../hooks.js';
import type { Bucket, Traffic } from '../types.js';
import { Show } from '../ui.js';

/** Counts: whole numbers stay whole, small axis steps keep one decimal. */
const count = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 1 : 0));

const METRICS: { id: keyof Bucket; title: string; fmt: (v: number) => string }[] = [
  { id: 'requests', title: 'Requests', fmt: count },
  { id: 'p50', title: 'Latency p50 (ms)', fmt: (v) => String(Math.round(v)) },
  { id: 'p95', title: 'Latency p95 (ms)', fmt: (v) => String(Math.round(v)) },
  { id: 'errors', title: 'Errors', fmt: count },
  { id: 'fallbacks', title: 'Fallbacks', fmt: count },
  { id: 'costUsd', title: 'Spend (USD)', fmt: (v) => usd(v) },
];

function series(t: Traffic, metric: keyof Bucket): Series[] {
  return t.groups.map((g) => ({ name: t.labels[g] ?? g, points: t.buckets.filter((b) => b.group === g).map((b) => [b.t, Number(b[metric])] as [number, number]) }));
}

/** The traffic page. */
export function TrafficPage() {
  const [by, setBy] = useState('model');
  const [since, setSince] = useState('7d');
  const data = useApi<Traffic>(`/api/traffic?by=${by}&since=${since}`);
  return (
    <section>
      <h1>Gateway traffic</h1>
      <p class="controls">
        <label>group by <select value={by} onChange={(e) => setBy((e.target as HTMLSelectElement).value)}><option value="model">model</option><option value="route">route</option><option value="key">key</option></select></label>{' '}
        <label>since <select value={since} onChange={(e) => setSince((e.target as HTMLSelectElement).value)}><option value="1h">1 hour</option><option value="24h">24 hours</option><option value="7d">7 days</option><option value="30d">30 days</option></select></label>
      </p>
      <Show data={data}>
        {(t) => (
          <>
            <p class="totals">
              <span class="stat"><b>{t.totals.requests}</b> requests</span> <span class="stat"><b>{t.totals.errors}</b> errors</span>{' '}
              <span class="stat"><b>{t.totals.fallbacks}</b> fallbacks</span> <span class="stat"><b>{usd(t.totals.costUsd)}</b> spend</span>
            </p>
            {t.buckets.length === 0 ? <p class="muted">No requests in this period.</p> : (
              <div class="grid2">
                {METRICS.map((m) => (
                  <div class="card" key={m.id}><h2>{m.title}</h2><LineChart series={series(t, m.id)} yLabel={m.title} fmtY={m.fmt} from={t.buckets[0]?.t ?? t.sinceMs} to={Math.max(...t.buckets.map((b) => b.t + t.bucketMs))} /></div>
                ))}
              </div>
            )}
          </>
        )}
      </Show>
    </section>
  );
}
