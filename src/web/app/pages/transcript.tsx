/** One case of a run (every model, prompt and repeat): the transcript and its grading; and two runs compared. */
import { seg } from '../api.js';
import { useApi } from '../hooks.js';
import type { CompareRow, Result, Run } from '../types.js';
import { Badge, Json, Show } from '../ui.js';

/** The transcript of one case. */
export function CasePage(props: { id: string; caseIndex: string }) {
  const data = useApi<{ rows: Result[] }>(`/api/runs/${seg(props.id)}/results?case=${encodeURIComponent(props.caseIndex)}`);
  return (
    <section>
      <p class="crumbs"><a href="#/runs">Runs</a> › <a href={`#/runs/${seg(props.id)}`}>{props.id}</a> › case #{props.caseIndex}</p>
      <h1>Case #{props.caseIndex}</h1>
      <Show data={data}>
        {(d) =>
          d.rows.map((r) => (
            <article class="card transcript" key={`${r.promptId}|${r.model}|${r.repeat}`}>
              <h2>{r.model} <Badge status={r.pass ? 'passed' : 'failed'} /> <span class="muted">score {r.score.toFixed(2)} · {Math.round(r.latencyMs)} ms · {r.tokens.prompt}+{r.tokens.completion} tokens</span></h2>
              {r.description ? <p>{r.description}</p> : null}
              <h3>Variables</h3>
              <Json value={r.vars} />
              <div class="turn user"><b>prompt</b><pre>{r.prompt}</pre></div>
              <div class="turn assistant"><b>answer</b><pre>{r.output ?? `(no answer: ${r.error?.kind ?? 'error'}: ${r.error?.message ?? ''})`}</pre></div>
              <h3>Assertions</h3>
              <table>
                <thead><tr><th>Type</th><th>Pass</th><th>Score</th><th>Reason</th></tr></thead>
                <tbody>{r.assertions.map((a, i) => <tr key={i}><td>{a.type}</td><td><Badge status={a.pass ? 'passed' : 'failed'} /></td><td class="num">{a.score.toFixed(2)}</td><td>{a.reason}</td></tr>)}</tbody>
              </table>
            </article>
          ))
        }
      </Show>
    </section>
  );
}

/** Two runs, case by case. */
export function ComparePage(props: { a: string; b: string }) {
  const data = useApi<{ a: Run; b: Run; rows: CompareRow[]; counts: Record<string, number>; truncated: boolean }>(`/api/runs/${seg(props.a)}/compare/${seg(props.b)}`);
  const cell = (runId: string, r: CompareRow, side: CompareRow['a']) =>
    side ? <><Badge status={side.pass ? 'passed' : 'failed'} /> <a href={`#/runs/${seg(runId)}/case/${r.caseIndex}`}>{(side.output ?? '(error)').slice(0, 80)}</a></> : <span class="muted">–</span>;
  return (
    <section>
      <p class="crumbs"><a href="#/runs">Runs</a> › compare</p>
      <h1>{props.a} → {props.b}</h1>
      <Show data={data}>
        {(d) => (
          <>
            <p>{Object.entries(d.counts).map(([k, v]) => <span class="stat" key={k}><Badge status={k} /> {v}</span>)}{d.truncated ? <span class="muted"> (first rows only)</span> : null}</p>
            <table>
              <thead><tr><th>Case</th><th>Model</th><th>Change</th><th>A: {d.a.id}</th><th>B: {d.b.id}</th></tr></thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.key} class={r.change}><td>#{r.caseIndex}</td><td>{r.model}</td><td><Badge status={r.change} /></td><td>{cell(d.a.id, r, r.a)}</td><td>{cell(d.b.id, r, r.b)}</td></tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Show>
    </section>
  );
}
