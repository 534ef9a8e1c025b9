#!/usr/bin/env bash
# jobzone (release build) against nginx serving the identical bytes, on this machine, in one run.
# Rounds alternate between the two servers so both see the same machine load; each figure is
# the median of the rounds. Prints requests/s and the ratio jobzone/nginx for: a role page, a
# 304, a brotli request, a cached browse page and an uncached render (page cache off); then a
# 60 s saturation run, p50/p99 at 70% of peak, and a rebuild under load (errors must be 0).
#
# Usage: bench/vs-nginx.sh [ROUNDS] [SECONDS]    (defaults 3 rounds of 5 s)
# Needs nginx and wrk (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
secs=${2:-5}
conns=32

for tool in nginx wrk; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk >/dev/null; }
done
cargo build --release --quiet --bin jobzone

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cp -r content "$work/content"

port() { echo $((20000 + RANDOM % 20000)); }
wait_up() { for _ in $(seq 100); do curl -sf "$1/robots.txt" -o /dev/null && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }

# jobzone with its page cache, and a second one with the cache off (every request renders).
jz_port=$(port); nc_port=$(port); ng_port=$(port)
RUST_LOG=warn,jobzone::web::http::reload=info target/release/jobzone serve --addr 127.0.0.1:$jz_port --content "$work/content" \
  --catalogue "$work/catalogue.db" >"$work/jobzone.log" 2>&1 &
jz_pid=$!; pids+=($jz_pid)
wait_up "http://127.0.0.1:$jz_port"
RUST_LOG=warn target/release/jobzone serve --addr 127.0.0.1:$nc_port --content "$work/content" \
  --catalogue "$work/catalogue-nocache.db" --page-cache-mb 0 >"$work/nocache.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$nc_port"
jz=http://127.0.0.1:$jz_port; nc=http://127.0.0.1:$nc_port; ng=http://127.0.0.1:$ng_port

# The identical bytes for nginx: what jobzone serves, saved as files.
role=/roles/backend-api-developer-mid-level
browse="/roles?sort=title&zone=red"
mkdir -p "$work/www"
curl -sf "$jz$role" -o "$work/www/role.html"
curl -sf -H 'Accept-Encoding: br' "$jz$role" -o "$work/www/role.html.br"
curl -sf "$jz$browse" -o "$work/www/browse.html"
cat >"$work/nginx.conf" <<EOF
user root;
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; }
  server {
    listen 127.0.0.1:$ng_port;
    root $work/www;
    location = /role.br { default_type text/html; add_header Content-Encoding br; add_header Vary accept-encoding; try_files /role.html.br =404; }
  }
}
EOF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 50); do curl -sf "$ng/role.html" -o /dev/null && break; sleep 0.1; done

jz_etag=$(curl -sfI "$jz$role" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
ng_etag=$(curl -sfI "$ng/role.html" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
cmp -s <(curl -sf "$jz$role") <(curl -sf "$ng/role.html") || { echo "nginx is not serving jobzone's bytes" >&2; exit 1; }

# requests/s of one wrk run: URL [header]
rps() {
  local args=(-t2 -c$conns -d${secs}s)
  [ -n "${2:-}" ] && args+=(-H "$2")
  wrk "${args[@]}" "$1" | awk '/Requests\/sec/{print $2}'
}
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

# scenario NAME JOBZONE_URL NGINX_URL [JOBZONE_HEADER] [NGINX_HEADER]
scenario() {
  local name=$1 ju=$2 nu=$3 jh=${4:-} nh=${5:-} j=() n=()
  for _ in $(seq "$rounds"); do
    j+=("$(rps "$ju" "$jh")")
    n+=("$(rps "$nu" "$nh")")
  done
  local jm nm
  jm=$(printf '%s\n' "${j[@]}" | median); nm=$(printf '%s\n' "${n[@]}" | median)
  printf '%-28s jobzone %10.0f  nginx %10.0f  ratio %.2fx\n' "$name" "$jm" "$nm" "$(echo "$jm / $nm" | bc -l)"
}

echo "== jobzone vs nginx: $rounds alternating rounds of ${secs}s, wrk -t2 -c$conns, $(nproc) cores"
scenario "role page" "$jz$role" "$ng/role.html"
scenario "304 (If-None-Match)" "$jz$role" "$ng/role.html" "If-None-Match: $jz_etag" "If-None-Match: $ng_etag"
scenario "brotli role page" "$jz$role" "$ng/role.br" "Accept-Encoding: br" "Accept-Encoding: br"
scenario "cached browse page" "$jz$browse" "$ng/browse.html"
scenario "uncached render (no cache)" "$nc$role" "$ng/role.html"

# latency: URL SECONDS CONNECTIONS [wrk args...] -> "rps p50 p99 errors"
latency() {
  local url=$1 s=$2 c=$3; shift 3
  wrk -t2 -c"$c" -d"${s}s" --latency "$@" "$url" | awk '
    /^ +50%/{p50=$2} /^ +99%/{p99=$2} /Requests\/sec/{rps=$2}
    /Socket errors/{gsub(",", ""); e+=$4+$6+$8+$10} /Non-2xx/{e+=$NF}
    END{printf "%.0f req/s, p50 %s, p99 %s, errors %d\n", rps, p50, p99, e}'
}
rss() { awk '/VmRSS/{printf "%.1f MiB", $2/1024}' "/proc/$1/status"; }

echo "== saturation: 60 s, wrk -t2 -c64, role page"
sat=$(latency "$jz$role" 60 64)
echo "$sat; RSS $(rss $jz_pid)"
peak=$(echo "$sat" | awk '{print $1}')

# wrk cannot hold a fixed rate; each connection instead waits 10 ms after every answer, with
# enough connections that the total comes to about 70% of the peak.
rate=$(echo "$peak * 0.7" | bc -l | cut -d. -f1)
paced_conns=$(( (rate + 50) / 100 ))
echo "== at 70% of peak: aiming at $rate req/s with $paced_conns connections pausing 10 ms, 20 s"
echo 'function delay() return 10 end' >"$work/paced.lua"
paced=$(latency "$jz$role" 20 "$paced_conns" -s "$work/paced.lua")
echo "$paced" | awk '{p50=$4; p99=$6; sub(",", "", p50); sub(",", "", p99);
  u50=(p50 ~ /ms/)?1000:1; u99=(p99 ~ /ms/)?1000:1; gsub(/[a-z]/, "", p50); gsub(/[a-z]/, "", p99);
  printf "%s; p99/p50 %.1f\n", $0, (p99*u99)/(p50*u50)}'

echo "== rebuild under load: 20 s of requests while the content changes twice and SIGHUP arrives"
(
  sleep 4; sed -i 's/^title = "Backend\/API Developer"/title = "Backend API Developer"/' "$work/content/roles/backend-api-developer-mid-level.md"
  sleep 5; kill -HUP "$jz_pid"
  sleep 5; sed -i 's/^title = "Backend API Developer"/title = "Backend\/API Developer"/' "$work/content/roles/backend-api-developer-mid-level.md"
) &
editor=$!
under=$(latency "$jz$role" 20 64)
wait "$editor"
echo "$under; RSS $(rss $jz_pid); catalogue swaps: $(grep -c 'now serving the new catalogue' "$work/jobzone.log" || true)"
