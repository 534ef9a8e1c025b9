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
