/** The report page's stylesheet (inline: the report is one self-contained file). */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #111827; --muted: #6b7280; --line: #e5e7eb; --bad: #dc2626; --good: #16a34a; --warn: #d97706; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0 auto; padding: 24px 32px 64px; max-width: 1280px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f3f4f6; padding: 1px 4px; border-radius: 3px; }
.mg-meta, .mg-note { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: #f9fafb; white-space: nowrap; }
td.mg-num, th.mg-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.mg-baseline td:first-child { font-weight: 600; color: var(--warn); }
.mg-chart { max-width: 100%; height: auto; }
.mg-chart .mg-tick { font-size: 11px; fill: var(--muted); }
.mg-chart .mg-axis-title { font-size: 12px; fill: var(--fg); }
.mg-chart .mg-label { font-size: 12px; font-weight: 600; }
.mg-pass { color: var(--good); font-weight: 600; }
.mg-fail { color: var(--bad); font-weight: 600; }
ul.mg-checks { margin: 4px 0 12px; padding-left: 20px; }
.mg-controls { display: flex; gap: 12px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
.mg-controls input[type=search] { width: 320px; padding: 4px 8px; }
#mg-cases td { font-size: 13px; }
#mg-cases .mg-text { white-space: pre-wrap; word-break: break-word; max-height: 9em; overflow: auto; max-width: 460px; font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
tr.mg-disagreement td.mg-tier { color: var(--warn); font-weight: 600; }
tr.mg-error td.mg-tier, tr.mg-failure td.mg-tier { color: var(--bad); font-weight: 600; }
tr.mg-pass td.mg-tier { color: var(--good); }
.mg-warning { color: var(--warn); }
`;
