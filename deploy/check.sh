#!/usr/bin/env bash
# Starts the deployment deploy/nginx.conf describes, on this machine, and checks it works:
# nginx caching in front of two `jobzone serve` copies (release build) that share subscriptions
# in a temporary PostgreSQL server. Checks, printing each figure:
#   1. pages come from the cache (MISS, then HIT), and a conditional request gets 304;
#   2. both copies serve (requests that miss the cache are spread over them);
#   3. subscribing works through the proxy (the form, the confirmation email, the confirm
#      button), whichever copy answers each step;
#   4. a catalogue change reaches readers within the pages' max-age (Cache-Control);
#   5. an expired page that did not change is revalidated with its ETag (a 304 from the copy).
# Takes about six minutes: step 4 waits out the pages' max-age of 300 s. Exits non-zero on any
# failed check.
#
# Usage: deploy/check.sh            Needs nginx, curl, wrk and PostgreSQL's server binaries
# (installed with apt-get when missing). Run as root, PostgreSQL runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v nginx >/dev/null || need+=(nginx)
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
cargo build --release --quiet --bin jobzone

work=$(mktemp -d)
chmod 755 "$work"
pids=()
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -d "$work/pg" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 300); do curl -sf "$1/robots.txt" -o /dev/null && return 0; sleep 0.2; done; fail "no answer from $1"; }

# PostgreSQL: a throwaway server on a free loopback port.
pg_port=$(port)
mkdir -p "$work/pg" && [ "$(id -u)" = 0 ] && chown postgres: "$work/pg"
as_pg "$pgbin/initdb" -D "$work/pg" -A trust -U jobzone -E UTF8 --no-sync >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U jobzone jobzone
subscribers="postgres://jobzone@127.0.0.1:$pg_port/jobzone"

# Two copies over the same content, each with its own catalogue file, one shared store.
cp -r content "$work/content"
mkdir -p "$work/outbox" "$work/cache" "$work/logs"
proxy_port=$(port); a_port=$(port); b_port=$(port)
proxy=http://127.0.0.1:$proxy_port
export JOBZONE_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '/+=')
for copy in a b; do
  p=$([ $copy = a ] && echo "$a_port" || echo "$b_port")
  RUST_LOG=info target/release/jobzone serve --addr "127.0.0.1:$p" --content "$work/content" \
    --catalogue "$work/catalogue-$copy.db" --base-url "$proxy" --subscribers "$subscribers" \
    --mail-outbox "$work/outbox" --proxy-ip 127.0.0.1 >"$work/logs/$copy.log" 2>&1 &
  pids+=($!)
done
wait_up "http://127.0.0.1:$a_port"; wait_up "http://127.0.0.1:$b_port"

sed -e "s|@PID@|$work/nginx.pid|; s|@LOGS@|$work/logs|g; s|@COPY_A@|127.0.0.1:$a_port|; s|@COPY_B@|127.0.0.1:$b_port|" \
  -e "s|@CACHE@|$work/cache|; s|@LISTEN@|127.0.0.1:$proxy_port|" deploy/nginx.conf >"$work/nginx.conf"
sed -i "1i user root;" "$work/nginx.conf"
nginx -t -q -c "$work/nginx.conf" -p "$work" || fail "nginx refuses the configuration"
nginx -c "$work/nginx.conf" -p "$work"
wait_up "$proxy"

role=/roles/backend-api-developer-mid-level
status() { curl -s -o /dev/null -D - "$@" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache-status"{print $2}'; }
echo "== 1. pages come from the cache"
start=$(date +%s)
first=$(status "$proxy/privacy"); second=$(status "$proxy/privacy")
s1=$(status "$proxy$role"); s2=$(status "$proxy$role")
echo "/privacy: $first then $second; $role: $s1 then $s2"
[ "$s1" = MISS ] && [ "$s2" = HIT ] && [ "$second" = HIT ] || fail "pages are not served from the cache"
etag=$(curl -s -o /dev/null -D - "$proxy$role" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$proxy$role")
echo "If-None-Match $etag through the proxy: $code"
[ "$code" = 304 ] || fail "a matching ETag did not get 304"
hit_ms=$(curl -s -o /dev/null -w '%{time_total}' "$proxy$role" | awk '{printf "%.2f", $1*1000}')
direct=$(wrk -t2 -c32 -d5s "http://127.0.0.1:$a_port$role" | awk '/Requests\/sec/{print $2}')
cached=$(wrk -t2 -c32 -d5s "$proxy$role" | awk '/Requests\/sec/{print $2}')
echo "a cache hit in ${hit_ms} ms; role page requests/s: ${cached} through the proxy cache, ${direct} from one copy directly"

echo "== 2. both copies serve"
for q in nurse teacher welder pilot chef baker plumber driver cashier lawyer; do curl -sf "$proxy/search?q=$q" -o /dev/null; done
na=$(grep -c 'GET /search' "$work/logs/a.log" || true); nb=$(grep -c 'GET /search' "$work/logs/b.log" || true)
echo "10 uncached searches: $na answered by copy a, $nb by copy b"
[ "$na" -gt 0 ] && [ "$nb" -gt 0 ] || fail "one copy got no requests"

echo "== 3. subscribing through the proxy"
token=$(curl -sf "$proxy$role" | grep -o 'name="token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
answer=$(curl -s -w '\n%{http_code}' -H "Origin: $proxy" -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "email=reader@example.com" -d "kind=role" -d "id=backend-api-developer-mid-level" \
  --data-urlencode "token=$token" "$proxy/subscribe")
[ "$(tail -1 <<<"$answer")" = 200 ] && grep -q "Check your inbox" <<<"$answer" || fail "subscribing answered: $answer"
mail=$(ls "$work/outbox"/*.eml | head -1)
# The text part, decoded (quoted-printable wraps long links).
link=$(python3 - "$mail" <<'PY'
import email, re, sys
message = email.message_from_binary_file(open(sys.argv[1], "rb"))
text = next(p for p in message.walk() if p.get_content_type() == "text/plain").get_payload(decode=True).decode()
print(re.search(r"/subscribe/confirm/[A-Za-z0-9._-]+", text).group(0))
PY
)
[ -n "$link" ] || fail "no confirmation link in $mail"
page=$(curl -s -w '\n%{http_code}' "$proxy$link"); [ "$(tail -1 <<<"$page")" = 200 ] || fail "the confirm page: $page"
done_page=$(curl -s "$proxy$link" -X POST -H "Origin: $proxy")
grep -q "You are subscribed" <<<"$done_page" || fail "confirming answered: $done_page"
state=$(psql -h 127.0.0.1 -p "$pg_port" -U jobzone -At -c "SELECT email || ' ' || state FROM subscriptions" jobzone)
echo "the confirmation email reached the outbox; PostgreSQL holds: $state"
[ "$state" = "reader@example.com confirmed" ] || fail "the subscription is not confirmed in PostgreSQL"
echo "  the form's POST was answered by copy $(grep -l 'POST /subscribe ' "$work/logs/a.log" >/dev/null && echo a || echo b) (confirm links are kept out of access logs)"

echo "== 4. a catalogue change reaches readers within the pages' max-age"
max_age=$(curl -s -o /dev/null -D - "$proxy$role" | tr -d '\r' | awk -F': ' 'tolower($1)=="cache-control"{print $2}' | sed -n 's/.*max-age=\([0-9]*\).*/\1/p')
sed -i 's/^title = "Backend\/API Developer"/title = "Backend Platform Developer"/' "$work/content/roles/backend-api-developer-mid-level.md"
changed=$(date +%s)
for copy in $a_port $b_port; do
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$copy$role" | grep -q "Backend Platform Developer" && break; sleep 0.5; done
done
copies=$(( $(date +%s) - changed ))
echo "both copies serve the rebuilt catalogue ${copies} s after the edit; waiting for the proxy (max-age ${max_age} s)"
seen=""
while [ $(( $(date +%s) - changed )) -le $(( max_age + 15 )) ]; do
  if curl -sf "$proxy$role" | grep -q "Backend Platform Developer"; then seen=$(( $(date +%s) - changed )); break; fi
  sleep 2
done
[ -n "$seen" ] || fail "readers still saw the old page after max-age"
echo "readers through the proxy see the change ${seen} s after the edit (at most max-age ${max_age} s + rebuild)"

echo "== 5. an expired, unchanged page is revalidated with its ETag"
age=$(( $(date +%s) - start ))
first=$(status "$proxy/privacy")
sleep 1
then=$(status "$proxy/privacy")
# The copy's access log: the revalidation is a conditional GET answered 304 without a body.
answer=$(grep -h 'GET /privacy ' "$work/logs/a.log" "$work/logs/b.log" | tail -1 | sed 's/.*GET \/privacy [^ ]* //')
echo "/privacy, cached ${age} s ago: $first (served while nginx revalidates), then $then; the copy answered the revalidation: ${answer}"
[[ "$answer" == 304* ]] || fail "the expired page was not revalidated with a 304 (the copy answered $answer)"
[ "$then" = HIT ] || fail "the revalidated page is not served from the cache again (got $then)"
echo "all checks passed"
