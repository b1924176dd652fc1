#!/usr/bin/env bash
# Eval throughput: `modelgate eval` against promptfoo on the same suite (a
# promptfoo config both read: CASES questions x 2 models through the OpenAI
# provider) pointed at the same local fake upstream (bench/eval-upstream.mjs),
# at the same concurrency, without response caches. Prints wall time, peak
# memory (max RSS from /usr/bin/time -v) and the ratios to the concurrency
# bound (cases x models x latency / concurrency) and to promptfoo.
# promptfoo is installed into a temp dir, never into the project. Not a timed test.
#   CASES=2000 JOBS=16 DELAYS="50 0" bash bench/eval.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
CASES=${CASES:-2000}
JOBS=${JOBS:-16}
DELAYS=${DELAYS:-"50 0"}
PROMPTFOO_VERSION=${PROMPTFOO_VERSION:-0.121}
# SKIP_PROMPTFOO=1 measures modelgate alone (e.g. CASES=100000 for the memory ceiling).
SKIP_PROMPTFOO=${SKIP_PROMPTFOO:-0}
work=$(mktemp -d "${TMPDIR:-/tmp}/mg-bench-eval.XXXXXX")
upstream_pid=""
cleanup() {
  if [ -n "$upstream_pid" ]; then kill "$upstream_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f dist/cli/main.js ] || [ -n "$(find src -name '*.ts' -newer dist/cli/main.js -print -quit)" ]; then
  echo "building dist/ (sources changed)"
  npm run --silent build >"$work/build.log" 2>&1 || echo "  (tsc reported errors; benchmarking what it emitted)"
fi

pf=""
if [ "$SKIP_PROMPTFOO" = 1 ]; then
  echo "SKIP_PROMPTFOO=1: modelgate only"
elif echo "installing promptfoo@$PROMPTFOO_VERSION into $work/pf (not the project)" && npm install --prefix "$work/pf" "promptfoo@$PROMPTFOO_VERSION" --no-audit --no-fund --loglevel=error >"$work/pf-install.log" 2>&1 \
  && [ -x "$work/pf/node_modules/.bin/promptfoo" ]; then
  pf="$work/pf/node_modules/.bin/promptfoo"
  echo "  promptfoo $("$pf" --version 2>/dev/null | tail -n 1)"
else
  echo "  promptfoo could not be installed; comparing modelgate with the bound only. npm said:"
  tail -n 5 "$work/pf-install.log" | sed 's/^/    /'
fi

# measure NAME DIR CMD...: run CMD in DIR under /usr/bin/time; sets WALL (s) and RSS_MB.
measure() {
  local name=$1 dir=$2
  shift 2
  (cd "$dir" && /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>&1) || echo "  $name exited non-zero (see below)"
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/$name.time")
  RSS_MB=$(awk '/Maximum resident set size/ { printf "%.0f", $6 / 1024 }' "$work/$name.time")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

summary=()
for delay in $DELAYS; do
  DELAY_MS=$delay node bench/eval-upstream.mjs >"$work/url" 2>"$work/upstream.log" &
  upstream_pid=$!
  for _ in $(seq 1 50); do [ -s "$work/url" ] && break; sleep 0.1; done
  url=$(cat "$work/url")
  suite="$work/suite-$delay"
  mkdir -p "$suite"
  node bench/eval-suite.mjs "$suite" "$url" "$CASES"
  bound=$(awk -v c="$CASES" -v d="$delay" -v j="$JOBS" 'BEGIN { printf "%.2f", c * 2 * d / 1000 / j }')
  echo
  echo "== upstream latency ${delay} ms: $CASES cases x 2 models, concurrency $JOBS (bound ${bound} s)"

  measure "modelgate-$delay" "$suite" node "$root/bin/modelgate.js" eval promptfooconfig.yaml -j "$JOBS" --no-cache
  mg_wall=$WALL mg_rss=$RSS_MB
  mg_results=$(grep -Eo '[0-9]+ results \([0-9]+ passed' "$work/modelgate-$delay.out" | sed 's/.*(//' | head -n 1 || true)
  printf '%-10s %8.2f s %7s MB   %s\n' modelgate "$mg_wall" "$mg_rss" "${mg_results:-no results line; output follows}"
  [ -n "$mg_results" ] || tail -n 20 "$work/modelgate-$delay.out"

  if [ "$delay" -gt 0 ]; then vs_bound="$(ratio "$mg_wall" "$bound")x the bound"; else vs_bound="no bound at 0 ms"; fi
  line="latency ${delay} ms: modelgate ${mg_wall}s/${mg_rss}MB, ${vs_bound}"
  if [ -n "$pf" ]; then
    measure "promptfoo-$delay" "$suite" env PROMPTFOO_CONFIG_DIR="$suite/.promptfoo" PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_DISABLE_UPDATE=1 \
      OPENAI_API_KEY=sk-bench "$pf" eval -c promptfooconfig.yaml -j "$JOBS" --no-cache --no-progress-bar --no-table
    pf_wall=$WALL pf_rss=$RSS_MB
    pf_results=$(grep -Eo '[0-9,]+ passed' "$work/promptfoo-$delay.out" | head -n 1 || true)
    printf '%-10s %8.2f s %7s MB   %s\n' promptfoo "$pf_wall" "$pf_rss" "${pf_results:-no results line; output follows}"
    [ -n "$pf_results" ] || tail -n 20 "$work/promptfoo-$delay.out"
    line="$line; vs promptfoo ${pf_wall}s/${pf_rss}MB: wall $(ratio "$mg_wall" "$pf_wall")x, memory $(ratio "$mg_rss" "$pf_rss")x"
  fi
  summary+=("$line")
  kill "$upstream_pid" 2>/dev/null || true
  wait "$upstream_pid" 2>/dev/null || true
  upstream_pid=""
  rm -f "$work/url"
done

echo
echo "goals: modelgate <= 1.30x the bound at 50 ms; <= 0.50x promptfoo's wall time and peak memory"
for l in "${summary[@]}"; do echo "  $l"; done
