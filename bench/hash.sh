#!/usr/bin/env bash
# Hashing throughput: `modelgate verify` against `openssl dgst -sha256` run two
# files at a time (both cores), on the same generated model files with a warm
# page cache. Prints GB/s for each and the ratio. Not a timed test.
#   GB=4 FILES=4 bash bench/hash.sh
set -euo pipefail
cd "$(dirname "$0")/.."
GB=${GB:-8}
FILES=${FILES:-4}
work=$(mktemp -d "${TMPDIR:-/tmp}/mg-bench-hash.XXXXXX")
trap 'rm -rf "$work"' EXIT
[ -f dist/cli/main.js ] || npm run --silent build

mkdir -p "$work/model"
per_file_mb=$(( GB * 1024 / FILES ))
echo "generating $FILES files x ${per_file_mb} MiB in $work"
head -c $((64 * 1024 * 1024)) /dev/urandom > "$work/chunk"
for i in $(seq 1 "$FILES"); do
  : > "$work/model/model-0000$i-of-0000$FILES.safetensors"
  for _ in $(seq 1 $(( per_file_mb / 64 ))); do cat "$work/chunk" >> "$work/model/model-0000$i-of-0000$FILES.safetensors"; done
done
rm "$work/chunk"
printf 'version: 1\nmodels:\n  big:\n    source: ./model\n' > "$work/modelgate.yaml"
node bin/modelgate.js lock -c "$work/modelgate.yaml" >/dev/null
bytes=$(du -cb "$work"/model/* | tail -n 1 | cut -f1)
cat "$work"/model/* > /dev/null  # warm the page cache

now() { date +%s.%N; }
best_mg=999999; best_ssl=999999
for run in 1 2 3; do
  t0=$(now); node bin/modelgate.js verify -c "$work/modelgate.yaml" >/dev/null; t1=$(now)
  ls "$work"/model/* | xargs -P 2 -n 1 openssl dgst -sha256 >/dev/null; t2=$(now)
  mg=$(echo "$t1 - $t0" | bc -l); ssl=$(echo "$t2 - $t1" | bc -l)
  best_mg=$(echo "if ($mg < $best_mg) $mg else $best_mg" | bc -l)
  best_ssl=$(echo "if ($ssl < $best_ssl) $ssl else $best_ssl" | bc -l)
  printf 'run %d: modelgate verify %.2fs, openssl x2 %.2fs\n' "$run" "$mg" "$ssl"
done
gbps() { echo "$bytes / $1 / 1000000000" | bc -l; }
printf '\n%-28s %10s %10s\n' "hashing $((bytes / 1000000)) MB" "best s" "GB/s"
printf '%-28s %10.2f %10.2f\n' "openssl dgst -sha256 (x2)" "$best_ssl" "$(gbps "$best_ssl")"
printf '%-28s %10.2f %10.2f\n' "modelgate verify" "$best_mg" "$(gbps "$best_mg")"
printf 'ratio modelgate/openssl throughput: %.2fx (goal >= 0.90x)\n' "$(echo "$best_ssl / $best_mg" | bc -l)"
