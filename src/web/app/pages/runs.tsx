/** Suites (quality versus cost), the runs list and one run. */
import { useState } from 'preact/hooks';
import { pct, seg, usd, when } from '../api.js';
import { Scatter } from '../charts.js';
import { useApi } from '../hooks.js';
import type { Result, Run, Suite } from '../types.js';
import { Badge, Show } from '../ui.js';

/** Per suite, a quality-versus-cost chart of every model, and every run. */
export function RunsPage() {
  const suites = useApi<{ suites: Suite[] }>('/api/suites');
  const runs = useApi<{ runs: (Run & { suite: string })[] }>('/api/runs');
  const [a, setA] = useState('');
  return (
    <section>
      <h1>Suites</h1>
      <Show data={suites}>
        {(d) => (
          <div class="grid2">
            {d.suites.map((s) => (
              <div class="card" key={s.suitePath}>
                <h2>{s.suite} <span class="muted">({s.kind})</span></h2>
                <Scatter points={s.points.map((p) => ({ x: p.costPerCase, y: p.passRate, label: p.model, href: `#/runs/${seg(p.runId)}` }))} xLabel="cost per case (USD)" yLabel="pass rate" fmtX={usd} />
              </div>
            ))}
          </div>
        )}
      </Show>
      <h1>Runs</h1>
      <p class="muted">Pick a run as A, then “compare” on another to see the cases side by side.</p>
      <Show data={runs}>
        {(d) => (
          <table>
            <thead><tr><th>Run</th><th>Kind</th><th>Suite</th><th>Models</th><th>Started</th><th>Status</th><th>Passed</th><th /></tr></thead>
            <tbody>
              {d.runs.map((r) => (
                <tr key={r.id}>
                  <td><a class="run-link" href={`#/runs/${seg(r.id)}`}>{r.id}</a></td>
                  <td>{r.kind}</td><td>{r.suite}</td><td>{r.models.join(', ')}</td><td>{when(r.startedAt)}</td>
                  <td><Badge status={r.status} /></td>
                  <td class="num">{r.counts.passed}/{r.counts.results}</td>
                  <td>{a === '' ? <button onClick={() => setA(r.id)}>as A</button> : a === r.id ? <button onClick={() => setA('')}>clear A</button> : <a class="compare-link" href={`#/compare/${seg(a)}/${seg(r.id)}`}>compare with A</a>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </section>
  );
}

/** One run: its chart, per-model table and result rows (paged). */
export function RunPage(props: { id: string }) {
  const run = useApi<Run>(`/api/runs/${seg(props.id)}`);
  const [page, setPage] = useState(0);
  const rows = useApi<{ rows: Result[]; more: boolean; page: number }>(`/api/runs/${seg(props.id)}/results?page=${page}`);
  return (
    <section>
      <p class="crumbs"><a href="#/runs">Runs</a> › {props.id}</p>
      <Show data={run}>
        {(r) => (
          <>
            <h1>Run {r.id} <Badge status={r.status} /></h1>
            <p class="muted">{r.kind} · {r.suitePath} · started {when(r.startedAt)} · baseline {r.baseline ?? '–'}</p>
            <div class="grid2">
              <div class="card"><h2>Quality versus cost</h2>
                <Scatter points={(r.summary?.models ?? []).filter((m) => m.group === undefined).map((m) => ({ x: m.costUsd.perCase, y: m.passRate.value, label: m.model, href: `#/models/${seg(m.model)}` }))} xLabel="cost per case (USD)" yLabel="pass rate" fmtX={usd} />
              </div>
              <div class="card"><h2>Models</h2>
                <table>
                  <thead><tr><th>Model</th><th>Pass rate (95% CI)</th><th>Score</th><th>p50 ms</th><th>Cost</th></tr></thead>
                  <tbody>
                    {(r.summary?.models ?? []).filter((m) => m.group === undefined).map((m) => (
                      <tr key={m.model}><td>{m.model}</td><td class="num">{pct(m.passRate.value)} ({pct(m.passRate.low)}–{pct(m.passRate.high)})</td><td class="num">{m.meanScore.value.toFixed(3)}</td><td class="num">{Math.round(m.latencyMs.p50)}</td><td class="num">{usd(m.costUsd.total)}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </>
        )}
      </Show>
      <h2>Results</h2>
      <Show data={rows}>
        {(d) => (
          <>
            <table>
              <thead><tr><th>Case</th><th>Model</th><th>Description</th><th>Pass</th><th>Score</th><th>Output</th></tr></thead>
              <tbody>
                {d.rows.map((x) => (
                  <tr key={`${x.caseIndex}|${x.promptId}|${x.model}|${x.repeat}`}>
                    <td><a class="case-link" href={`#/runs/${seg(props.id)}/case/${x.caseIndex}`}>#{x.caseIndex}</a></td>
                    <td>{x.model}</td><td>{x.description ?? '–'}</td><td><Badge status={x.pass ? 'passed' : 'failed'} /></td>
                    <td class="num">{x.score.toFixed(2)}</td><td class="clip">{x.output ?? x.error?.message ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <button disabled={page === 0} onClick={() => setPage(page - 1)}>previous</button> page {page + 1}{' '}
              <button disabled={!d.more} onClick={() => setPage(page + 1)}>next</button>
            </p>
          </>
        )}
      </Show>
    </section>
  );
}
