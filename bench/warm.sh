#!/usr/bin/env bash
# Is every page ready before its first request? Starts `jobzone serve` (release build), waits
# 10 s, then requests every sitemap page once (the first pass) and once more (the second pass),
# one at a time over one connection, and prints both times and their ratio. Does the same with
# warming off (`--warm false`) for comparison. Target: the first pass within 1.3x of the second.
#
# Usage: bench/warm.sh [PAGE_CACHE_MB]    (default 256: every sitemap page fits)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-256}
cargo build --release --quiet --bin jobzone

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
target/release/jobzone build --content content --catalogue "$work/catalogue.db" >/dev/null

seconds() { date +%s.%N; }
pass() { # prints the seconds one sequential pass over the URLs in $work/urls took
  local start end
  start=$(seconds)
  # One curl for all URLs, so one kept-alive connection: "-o /dev/null URL" for each.
  sed 's#^#-o /dev/null #' "$work/urls" | xargs curl -s
  end=$(seconds)
  echo "$end - $start" | bc -l
}

run() { # $1 = --warm value
  local port=$((20000 + RANDOM % 20000))
  RUST_LOG=warn,jobzone::web::http::warm=info target/release/jobzone serve --addr 127.0.0.1:$port \
    --base-url http://127.0.0.1:$port --content content --catalogue "$work/catalogue.db" \
    --subscribers "$work/subscribers.db" --page-cache-mb "$mb" --warm "$1" >"$work/serve-$1.log" 2>&1 &
  pid=$!
  sleep 10
  curl -sf "http://127.0.0.1:$port/sitemap.xml" | grep -o '<loc>[^<]*' | sed 's/<loc>//' >"$work/urls"
  local first second
  first=$(pass); second=$(pass)
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  printf '%-12s %5d pages  first pass %6.2f s  second pass %6.2f s  ratio %.2fx\n' \
    "warm=$1" "$(wc -l <"$work/urls")" "$first" "$second" "$(echo "$first / $second" | bc -l)"
  grep -h "warmed" "$work/serve-$1.log" | sed 's/^.*INFO /  server: /' || true
}

echo "page cache ${mb} MiB, measured 10 s after start"
run true
run false
