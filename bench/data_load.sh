#!/usr/bin/env bash
# Prints how long loading every research data set in content/data/ takes (release build).
# Usage: bench/data_load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example data_load
for _ in 1 2 3; do target/release/examples/data_load content; done
