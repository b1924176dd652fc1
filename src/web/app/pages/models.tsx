/** The models list and one model's page. */
import { pct, seg, usd, when } from '../api.js';
import { useApi } from '../hooks.js';
import type { ModelDetail, ModelItem } from '../types.js';
import { Badge, Json, Show } from '../ui.js';

/** Every model with its gate status. */
export function ModelsPage() {
  const data = useApi<{ models: ModelItem[] }>('/api/models');
  return (
    <section>
      <h1>Models</h1>
      <Show data={data}>
        {(d) =>
          d.models.length === 0 ? (
            <p class="muted">No models yet: lock one (`modelgate lock`) or run an eval.</p>
          ) : (
            <table>
              <thead><tr><th>Model</th><th>Gate</th><th>Locked</th><th>Last attested</th><th>Runs</th><th>Latest pass rate</th></tr></thead>
              <tbody>
                {d.models.map((m) => (
                  <tr key={m.name}>
                    <td><a class="model-link" href={`#/models/${seg(m.name)}`}>{m.name}</a></td>
                    <td><Badge status={m.gate} /></td>
                    <td>{m.locked ? m.kind ?? 'yes' : 'no'}</td>
                    <td>{when(m.lastAttested)}</td>
                    <td class="num">{m.runs}</td>
                    <td class="num">{pct(m.latestPassRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
    </section>
  );
}

/** One model: gate, license and obligations, findings, lineage, scores against the baseline, attestation history. */
export function ModelPage(props: { name: string }) {
  const data = useApi<ModelDetail>(`/api/models/${seg(props.name)}`);
  return (
    <section>
      <p class="crumbs"><a href="#/">Models</a> › {props.name}</p>
      <Show data={data}>
        {(m) => (
          <>
            <h1>{m.name} <Badge status={m.gate} /></h1>
            <div class="grid2">
              <div class="card"><h2>License</h2><Json value={m.license} /><h3>Obligations</h3><Json value={m.obligations} /></div>
              <div class="card"><h2>Lineage</h2><Json value={m.lineage} /><h3>Lock entry</h3><Json value={m.lock ? { ...m.lock, files: Array.isArray(m.lock['files']) ? `${(m.lock['files'] as unknown[]).length} files` : undefined } : null} /></div>
            </div>
            <h2>Scan findings ({m.findings.length})</h2>
            {m.findings.length === 0 ? <p class="muted">No findings recorded.</p> : <Json value={m.findings} />}
            <h2>Eval and red-team scores</h2>
            {m.scores.length === 0 ? <p class="muted">No runs of this model.</p> : (
              <table>
                <thead><tr><th>Run</th><th>Kind</th><th>Suite</th><th>Started</th><th>Pass rate</th><th>Mean score</th><th>Cost/case</th><th>vs baseline</th></tr></thead>
                <tbody>
                  {m.scores.map((s) => (
                    <tr key={s.runId}>
                      <td><a class="run-link" href={`#/runs/${seg(s.runId)}`}>{s.runId}</a></td>
                      <td>{s.kind}</td>
                      <td>{s.suite}</td>
                      <td>{when(s.startedAt)}</td>
                      <td class="num">{pct(s.summary.passRate.value)}</td>
                      <td class="num">{s.summary.meanScore.value.toFixed(3)}</td>
                      <td class="num">{usd(s.summary.costUsd.perCase)}</td>
                      <td>{s.comparison ? `${s.comparison.baseline}: quality ${pct(s.comparison.qualityRatio.value)}, cost ${pct(s.comparison.costRatio)} (W${s.comparison.wins}/T${s.comparison.ties}/L${s.comparison.losses})` : s.baseline === s.summary.model ? 'is the baseline' : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h2>Attestation history</h2>
            {m.attestations.length === 0 ? <p class="muted">No attestations yet (`modelgate gate`).</p> : (
              <table>
                <thead><tr><th>Time</th><th>Revision</th><th>Status</th><th>File</th></tr></thead>
                <tbody>
                  {m.attestations.map((a) => (
                    <tr key={a.file}><td>{when(a.time)}</td><td class="mono">{a.revision ?? '–'}</td><td><Badge status={a.status} /></td><td class="mono">{a.file}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Show>
    </section>
  );
}
