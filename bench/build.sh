#!/usr/bin/env bash
# Builds a catalogue of N synthetic roles (default 10,000) and prints build time, catalogue
# size and peak memory. Usage: bench/build.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cargo build --release --quiet --bin jobzone --example generate
target/release/examples/generate "$n" "$out"
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$out/maxrss" target/release/jobzone build --content "$out/content" --catalogue "$out/catalogue.db"
end=$(date +%s.%N)
size=$(stat -c %s "$out/catalogue.db")
rss=$(cat "$out/maxrss")
printf 'roles: %s\nbuild time: %.2f s\ncatalogue size: %.1f MiB\npeak memory: %.1f MiB\n' \
  "$n" "$(echo "$end - $start" | bc)" "$(echo "$size / 1048576" | bc -l)" "$(echo "$rss / 1024" | bc -l)"

# Browse pages over the 10,000-role catalogue, over HTTP.
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
port=$((19000 + RANDOM % 1000))
RUST_LOG=warn target/release/jobzone serve --addr 127.0.0.1:$port --catalogue "$out/catalogue.db" --content "$out/content" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/robots.txt" >/dev/null && break; sleep 0.1; done
for path in "/roles" "/roles?page=150&sort=title" "/roles?zone=green&sort=score-asc&page=20" "/occupations/15-1252.00"; do
  wrk -t2 -c8 -d3s --latency "http://127.0.0.1:$port$path" \
    | awk -v p="$path" '/50%/{p50=$2} /99%/{p99=$2} /Requests\/sec/{rps=$2} END{printf "%-45s p50 %s  p99 %s  %s req/s\n", p, p50, p99, rps}'
done
