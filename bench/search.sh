#!/usr/bin/env bash
# Search figures, in process and over HTTP, at the bundled catalogue (all O*NET titles) and at a
# synthetic 10,000 roles with 100,000 aliases on top of all O*NET titles: index build time and
# memory, p50/p99 latency in process for title queries and for plain descriptions of the work
# (which reach the FTS5 index), p50/p99 over HTTP, and the typo distance against strsim's.
# Usage: bench/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
out=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$out"' EXIT

cargo build --release --quiet --bin jobzone --example generate --example search_bench
target/release/jobzone build --content content --catalogue "$out/real.db" >/dev/null
target/release/examples/generate 10000 "$out/synthetic" 10 >/dev/null
target/release/jobzone build --content "$out/synthetic/content" --catalogue "$out/synthetic.db" >/dev/null 2>&1

# wrk cycles through a mix of lay titles, abbreviations, typos and prefixes.
cat > "$out/mix.lua" <<'LUA'
local qs = {"nurse%20practioner", "trucker", "cna", "car%20mechanic", "electrcian", "help%20desk",
  "backend%20engineer", "registered%20nurses", "manager", "te", "custmer%20servise%20rep", "zzqxjv"}
local i = 0
request = function()
  i = i % #qs + 1
  return wrk.format("GET", "/api/v1/search?limit=8&q=" .. qs[i])
end
LUA

# Each catalogue is served with the content it was built from (the server watches it), so it is
# fresh and not rebuilt; no page warming competes with the measurement, and the page cache is
# off, so every request searches rather than replaying a kept response.
content_of() { if [ "$1" = real ]; then echo content; else echo "$out/synthetic/content"; fi; }
for name in real synthetic; do
  echo "== $name catalogue"
  target/release/examples/search_bench "$out/$name.db" 200
  port=$((18000 + RANDOM % 1000))
  RUST_LOG=warn target/release/jobzone serve --addr 127.0.0.1:$port --catalogue "$out/$name.db" \
    --content "$(content_of "$name")" --warm false --page-cache-mb 0 >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/robots.txt" >/dev/null && break; sleep 0.1; done
  wrk -t2 -c16 -d5s --latency -s "$out/mix.lua" "http://127.0.0.1:$port" \
    | awk '/Latency Distribution/{p=1} p&&/50%|99%/{print "over HTTP (wrk, 16 connections, query mix): " $1 " " $2} /Requests\/sec/{print "over HTTP: " $0}'
  kill $pid; wait $pid 2>/dev/null || true
done
