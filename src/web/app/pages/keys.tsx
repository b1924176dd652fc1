/** API keys and budgets: list, create (the secret is shown once) and revoke. */
import { useState } from 'preact/hooks';
import { api, seg, when } from '../api.js';
import { useApi } from '../hooks.js';
import type { KeyRow } from '../types.js';
import { Badge, Show } from '../ui.js';

/** The keys page. */
export function KeysPage() {
  const [version, setVersion] = useState(0);
  const data = useApi<{ keys: KeyRow[] }>('/api/keys', version);
  const [form, setForm] = useState({ name: '', routes: '*', budgetUsd: '', budgetPeriod: 'month', rpm: '', expires: '' });
  const [created, setCreated] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const field = (k: keyof typeof form) => ({ value: form[k], onInput: (e: Event) => setForm({ ...form, [k]: (e.target as HTMLInputElement).value }) });
  const create = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const body = {
        name: form.name,
        routes: form.routes.split(',').map((r) => r.trim()).filter(Boolean),
        ...(form.budgetUsd ? { budgetUsd: Number(form.budgetUsd), budgetPeriod: form.budgetPeriod } : {}),
        ...(form.rpm ? { rpm: Number(form.rpm) } : {}),
        ...(form.expires ? { expires: form.expires } : {}),
      };
      const r = await api<{ key: string }>('/api/keys', { method: 'POST', body });
      setCreated(r.key);
      setVersion(version + 1);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const revoke = async (id: string) => {
    if (!confirm(`Revoke key ${id}? Clients using it stop working at once.`)) return;
    try {
      await api(`/api/keys/${seg(id)}`, { method: 'DELETE' });
      setVersion(version + 1);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section>
      <h1>API keys and budgets</h1>
      <form class="card keyform" onSubmit={create}>
        <h2>Create a key</h2>
        <label>name <input name="name" {...field('name')} /></label>
        <label>routes <input name="routes" {...field('routes')} /></label>
        <label>budget USD <input name="budgetUsd" type="number" min="0" step="any" {...field('budgetUsd')} /></label>
        <label>per <select name="budgetPeriod" {...field('budgetPeriod')}><option>total</option><option>day</option><option>month</option></select></label>
        <label>requests/min <input name="rpm" type="number" min="0" {...field('rpm')} /></label>
        <label>expires in <input name="expires" placeholder="30d" {...field('expires')} /></label>
        <button type="submit">create</button>
      </form>
      {created ? <p class="created">New key (shown once, copy it now): <code class="secret">{created}</code></p> : null}
      {error ? <p class="error">{error}</p> : null}
      <Show data={data}>
        {(d) => (
          <table class="keys">
            <thead><tr><th>ID</th><th>Prefix</th><th>Name</th><th>Routes</th><th>Budget</th><th>RPM</th><th>Created</th><th>Expires</th><th>Status</th><th /></tr></thead>
            <tbody>
              {d.keys.map((k) => (
                <tr key={k.id} data-key={k.id}>
                  <td class="mono">{k.id}</td><td class="mono">{k.prefix}…</td><td>{k.name ?? '–'}</td><td>{k.routes.join(', ')}</td>
                  <td>{k.budgetUsd === undefined ? '–' : `$${k.budgetUsd}/${k.budgetPeriod ?? 'total'}`}</td><td class="num">{k.rpm ?? '–'}</td>
                  <td>{when(k.createdAt)}</td><td>{when(k.expiresAt)}</td><td><Badge status={k.status} /></td>
                  <td>{k.status === 'active' ? <button class="revoke" onClick={() => void revoke(k.id)}>revoke</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </section>
  );
}
