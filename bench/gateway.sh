#!/usr/bin/env bash
# Gateway throughput: one fake upstream (bench/gateway-upstream.mjs), then against it in turn:
# direct, a minimal node:http pass-through proxy (bench/gateway-proxy.mjs), Portkey's open-source
# gateway, and `modelgate serve` with redaction off and on. 64 connections, DURATION seconds each
# after WARMUP unmeasured seconds,
# non-streaming and streaming. Servers share core 0 (taskset), the load generator (autocannon,
# installed with Portkey into a temp dir, never into the project) runs on core 1.
# Prints req/s, p50/p99 latency and the ratios. Not a timed test.
#   DURATION=15 CONNECTIONS=64 bash bench/gateway.sh
# TOOLS=dir reuses (or fills) an install of autocannon and Portkey across runs.
# ONLY (a bash regex on row names, e.g. ONLY='proxy-json|modelgate.*json') runs only the matching rows.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
DURATION=${DURATION:-15}
# Every row first runs WARMUP seconds unmeasured (JIT, connection pools, the ledger's writer), the same for all.
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-64}
PORTKEY_VERSION=${PORTKEY_VERSION:-latest}
work=$(mktemp -d "${TMPDIR:-/tmp}/mg-bench-gw.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
UP=9100; PROXY=9101; PORTKEY=9102; MG=9103; MGR=9104
# exec: the backgrounded subshell becomes the server, so its pid is the one cleanup kills.
server_cpu() { if command -v taskset >/dev/null; then exec taskset -c 0 "$@"; else exec "$@"; fi; }
load_cpu() { if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then taskset -c 1 "$@"; else "$@"; fi; }

if [ ! -f dist/cli/main.js ] || [ -n "$(find src -name '*.ts' -newer dist/cli/main.js -print -quit)" ]; then
  echo "building dist/ (sources changed)"
  npm run --silent build >"$work/build.log" 2>&1 || echo "  (tsc reported errors; benchmarking what it emitted)"
fi
tools=${TOOLS:-$work/tools}
if [ ! -x "$tools/node_modules/.bin/autocannon" ]; then
  echo "installing autocannon and @portkey-ai/gateway@$PORTKEY_VERSION into $tools (not the project)"
  npm install --prefix "$tools" autocannon "@portkey-ai/gateway@$PORTKEY_VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error >"$work/install.log" 2>&1 || echo "  install failed (see above); rows that need it are skipped"
fi
ac="$tools/node_modules/.bin/autocannon"
[ -x "$ac" ] || { echo "autocannon is missing: cannot measure"; cat "$work/install.log"; exit 1; }

wait_port() { for _ in $(seq 1 300); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 did not open"; cat "$work/servers.log"; return 1; }
start() { server_cpu "$@" >>"$work/servers.log" 2>&1 & pids+=($!); }

start node bench/gateway-upstream.mjs $UP; wait_port $UP
start node bench/gateway-proxy.mjs $PROXY $UP; wait_port $PROXY

portkey_ok=0
pk_main=$(ls "$tools"/node_modules/@portkey-ai/gateway/build/start-server.js 2>/dev/null || true)
if [ -n "$pk_main" ]; then
  cd "$work"; start node "$pk_main" --port=$PORTKEY; cd "$root"
  if wait_port $PORTKEY; then portkey_ok=1; else echo "  Portkey did not start"; fi
fi

# modelgate: two routes on the same upstream, redaction off and on; admission skipped (--allow-ungated).
mkdir -p "$work/mg"
cat >"$work/mg/modelgate.yaml" <<YAML
version: 1
providers:
  up: { type: openai-compatible, base_url: "http://127.0.0.1:$UP/v1", retries: 0 }
gateway:
  server: { admin_key_env: MG_BENCH_ADMIN, body_limit_bytes: 1048576 }
  routes:
    plain: { deployments: [{ model: "up:bench-model" }], redaction: { mode: allow }, logging: none }
    redacted: { deployments: [{ model: "up:bench-model" }], redaction: { mode: redact }, logging: none }
YAML
export MG_BENCH_ADMIN=mg-bench-admin-key-0123456789abcdef
cd "$work/mg"; start node "$root/bin/modelgate.js" serve -c modelgate.yaml --port $MG --allow-ungated; cd "$root"
wait_port $MG

msg='[{"role":"system","content":"You are a concise assistant. Answer in one sentence."},{"role":"user","content":"What is the capital of France? Reply to jane.doe@example.com when done."}]'
body() { printf '{"model":"%s","messages":%s,"max_tokens":64,"temperature":0%s}' "$1" "$msg" "$2"; }

declare -A RPS P50 P99
run() { # name url model stream-suffix extra-headers...
  local name=$1 url=$2 model=$3 suffix=$4; shift 4
  local out="$work/$name.json"
  if [ -n "${ONLY:-}" ] && ! [[ $name =~ $ONLY ]]; then return 0; fi
  load_cpu "$ac" --warmup [ -c "$CONNECTIONS" -d "$WARMUP" ] -c "$CONNECTIONS" -d "$DURATION" -m POST -H 'content-type=application/json' "$@" -b "$(body "$model" "$suffix")" -j "$url" >"$out.all" 2>/dev/null || true
  tail -n 1 "$out.all" >"$out" # with --warmup, autocannon prints the warm-up's JSON line first
  RPS[$name]=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));const bad=(r.non2xx||0)+(r.errors||0)+(r.timeouts||0);process.stdout.write(String(Math.round(r.requests.average))+(bad?` (${bad} failed)`:""))' "$out")
  P50[$name]=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));process.stdout.write(String(r.latency.p50))' "$out")
  P99[$name]=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));process.stdout.write(String(r.latency.p99))' "$out")
  printf '  %-28s %10s req/s  p50 %5s ms  p99 %6s ms\n' "$name" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}"
}

for mode in json sse; do
  suffix=""; [ "$mode" = sse ] && suffix=',"stream":true'
  echo; echo "== $mode: $CONNECTIONS connections, ${DURATION}s each =="
  run "direct-$mode" "http://127.0.0.1:$UP/v1/chat/completions" bench-model "$suffix"
  run "node-proxy-$mode" "http://127.0.0.1:$PROXY/v1/chat/completions" bench-model "$suffix"
  if [ "$portkey_ok" = 1 ]; then
    run "portkey-$mode" "http://127.0.0.1:$PORTKEY/v1/chat/completions" bench-model "$suffix" -H 'x-portkey-provider=openai' -H "x-portkey-custom-host=http://127.0.0.1:$UP/v1" -H 'authorization=Bearer sk-bench'
  fi
  run "modelgate-$mode" "http://127.0.0.1:$MG/v1/chat/completions" plain "$suffix" -H "authorization=Bearer $MG_BENCH_ADMIN"
  run "modelgate-redact-$mode" "http://127.0.0.1:$MG/v1/chat/completions" redacted "$suffix" -H "authorization=Bearer $MG_BENCH_ADMIN"
done

ratio() { node -e 'const [a,b]=process.argv.slice(1).map((x)=>parseFloat(x));process.stdout.write(b>0?(a/b).toFixed(2)+"x":"n/a")' "$1" "$2"; }
echo; echo "== ratios (goal: modelgate >= 0.70x proxy throughput with p99 <= 1.5x; redaction on >= 0.50x) =="
for mode in json sse; do
  p="node-proxy-$mode"
  printf '  %-5s modelgate/proxy %s (p99 %s)  redact/proxy %s (p99 %s)' "$mode" "$(ratio "${RPS[modelgate-$mode]:-}" "${RPS[$p]:-}")" "$(ratio "${P99[modelgate-$mode]:-}" "${P99[$p]:-}")" "$(ratio "${RPS[modelgate-redact-$mode]:-}" "${RPS[$p]:-}")" "$(ratio "${P99[modelgate-redact-$mode]:-}" "${P99[$p]:-}")"
  if [ "$portkey_ok" = 1 ]; then printf '  modelgate/portkey %s' "$(ratio "${RPS[modelgate-$mode]:-}" "${RPS[portkey-$mode]:-}")"; fi
  printf '  proxy/direct %s\n' "$(ratio "${RPS[$p]:-}" "${RPS[direct-$mode]:-}")"
done
