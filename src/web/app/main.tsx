/** The dashboard app: a login form, then hash-routed pages. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { setUnauthorizedHandler, useRoute } from './hooks.js';
import { KeysPage } from './pages/keys.js';
import { ModelPage, ModelsPage } from './pages/models.js';
import { RunPage, RunsPage } from './pages/runs.js';
import { TrafficPage } from './pages/traffic.js';
import { CasePage, ComparePage } from './pages/transcript.js';
import './style.css';

function Login(props: { onDone: () => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await api('/api/login', { method: 'POST', body: { key } });
      props.onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form class="card login" onSubmit={submit}>
      <h1>modelgate dashboard</h1>
      <label>Admin key <input type="password" name="key" autocomplete="off" value={key} onInput={(e) => setKey((e.target as HTMLInputElement).value)} /></label>
      <button type="submit">sign in</button>
      {error ? <p class="error">{error}</p> : null}
    </form>
  );
}

function Page(props: { route: string[] }) {
  const [a = '', b = '', c = '', d = ''] = props.route;
  if (a === 'models' && b) return <ModelPage name={b} />;
  if (a === 'runs' && b && c === 'case') return <CasePage id={b} caseIndex={d} />;
  if (a === 'runs' && b) return <RunPage id={b} />;
  if (a === 'runs') return <RunsPage />;
  if (a === 'compare' && b && c) return <ComparePage a={b} b={c} />;
  if (a === 'traffic') return <TrafficPage />;
  if (a === 'keys') return <KeysPage />;
  return <ModelsPage />;
}

function App() {
  const route = useRoute();
  const [authed, setAuthed] = useState(true);
  const [epoch, setEpoch] = useState(0);
  useEffect(() => setUnauthorizedHandler(() => setAuthed(false)), []);
  if (!authed) return <Login onDone={() => { setAuthed(true); setEpoch(epoch + 1); }} />;
  const tab = route[0] ?? 'models';
  const nav = (id: string, label: string, href: string) => <a class={tab === id || (id === 'runs' && tab === 'compare') ? 'on' : ''} href={href}>{label}</a>;
  return (
    <>
      <header>
        <b>modelgate</b>
        <nav>{nav('models', 'Models', '#/')}{nav('runs', 'Runs', '#/runs')}{nav('traffic', 'Traffic', '#/traffic')}{nav('keys', 'Keys', '#/keys')}</nav>
        <button class="logout" onClick={() => void api('/api/logout', { method: 'POST', body: {} }).then(() => setAuthed(false))}>sign out</button>
      </header>
      <main key={epoch}><Page route={route} /></main>
    </>
  );
}

/** Mount the app (called once, by the page's script). */
export function start(): void {
  const root = document.getElementById('app');
  if (root) render(<App />, root);
}

start();
