#!/usr/bin/env bash
# Times one `jobzone notify` run that emails N confirmed followers of one role about a change
# (default 2,000), into the outbox folder, or through SMTP_URL when set (e.g. a local relay).
# Each email is claimed and marked sent in its own committed transaction: that is the cost of
# "never twice", and what this measures. Usage: [SMTP_URL=smtp://127.0.0.1:2525] bench/notify.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
role=backend-api-developer-mid-level

cargo build --release --quiet --bin jobzone
bin=target/release/jobzone
cp -r content "$out/content"
args=(--content "$out/content" --catalogue "$out/catalogue.db" --base-url https://jobzone.example)
[ -n "${SMTP_URL:-}" ] && args+=(--smtp-url "$SMTP_URL")
RUST_LOG=warn "$bin" build "${args[@]}" >/dev/null
RUST_LOG=warn "$bin" notify "${args[@]}" >/dev/null   # creates the subscribers database

python3 - "$out/subscribers.db" "$n" "$role" <<'PY'
import sqlite3, sys
db, n, role = sys.argv[1], int(sys.argv[2]), sys.argv[3]
c = sqlite3.connect(db)
c.executemany(
    "INSERT INTO subscriptions (email, kind, target, state, created_at, confirmed_at, unsubscribe_hash)"
    " VALUES (?, 'role', ?, 'confirmed', 0, 0, x'00')",
    [(f"reader{i}@example.com", role) for i in range(n)],
)
c.commit()
PY
RUST_LOG=warn "$bin" notify "${args[@]}" >/dev/null   # records what followers saw

printf '\n[[revisions]]\ndate = 2026-11-24\nnote = "Benchmark revision."\n' > "$out/revision"
python3 - "$out/content/roles/$role.md" "$out/revision" <<'PY'
import sys
path, extra = sys.argv[1], open(sys.argv[2]).read()
text = open(path).read()
close = text.index("\n+++", 3)
open(path, "w").write(text[:close] + extra + text[close:])
PY
RUST_LOG=warn "$bin" build "${args[@]}" >/dev/null

start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$out/maxrss" env RUST_LOG=warn "$bin" notify "${args[@]}"
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc)
printf 'followers: %s\nnotify time: %.2f s (%.0f emails/s)\npeak memory: %.1f MiB\n' \
  "$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$(cat "$out/maxrss") / 1024" | bc -l)"
