#!/usr/bin/env bash
# Benchmark (not a test): builds a release binary, serves tests/bench/bench.apigw.json and measures
# it with wrk at 1 and 50 connections, side by side with nginx's `return 200` (one worker) in the
# same run. Prints req/s, p50, p99, peak RSS, startup to first answer and Lambda cold start.
# Usage: tests/bench/run.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}
BUILD=${BUILD_DIR:-build-release}
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install wrk nginx-light curl)"; exit 2; }
done
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" --target apigw-studio -j"$(nproc)" >/dev/null

TMP=$(mktemp -d)
NGINX_PORT=18080
REST_PORT=18090
HTTP_PORT=18091
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

cat > "$TMP/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; location / { return 200 'ok'; } }
}
NGINX
nginx -c "$TMP/nginx.conf" & PIDS+=($!)
NGINX_MASTER=$!

now_ms() { date +%s%3N; }
start=$(now_ms)
"$BUILD/app/apigw-studio" serve tests/bench/bench.apigw.json --port $REST_PORT --quiet \
  --trace-db "$TMP/traces.sqlite" >"$TMP/serve.log" 2>&1 & PIDS+=($!)
APP=$!
until curl -fs -o /dev/null "http://127.0.0.1:$REST_PORT/bench/mock"; do sleep 0.002; done
STARTUP=$(( $(now_ms) - start ))
until curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/"; do sleep 0.01; done

cold() { curl -s -o /dev/null -w '%{time_total}' "$1" | awk '{printf "%.0f", $1*1000}'; }
COLD_PY=$(cold "http://127.0.0.1:$REST_PORT/bench/py")
COLD_NODE=$(cold "http://127.0.0.1:$REST_PORT/bench/node")

# wrk → "req/s p50 p99" (latencies in ms)
measure() {
  local url=$1 conns=$2 threads=1
  [ "$conns" -gt 1 ] && threads=2
  wrk -t"$threads" -c"$conns" -d"${DURATION}s" --latency "$url" >"$TMP/wrk.txt" 2>&1 || true
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps=$2 }
    /^ +50%/ { p50=ms($2) }
    /^ +99%/ { p99=ms($2) }
    /Non-2xx/ { bad=$NF }
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (bad==""?0:bad) }' "$TMP/wrk.txt"
}
rss_mb() { awk '/VmHWM/ { printf "%.1f", $2/1024 }' "/proc/$1/status"; }

printf '\napigw-studio benchmark (%ss per run, %s cores, wrk on the same machine)\n\n' "$DURATION" "$(nproc)"
printf '%-26s %5s %10s %8s %8s %7s | %10s %8s %6s\n' scenario conns 'req/s' 'p50 ms' 'p99 ms' non2xx 'nginx r/s' 'ng p99' ratio
for conns in 1 50; do
  read -r NG_RPS NG_P50 NG_P99 _ < <(measure "http://127.0.0.1:$NGINX_PORT/" "$conns")
  for scenario in "MOCK (REST)|http://127.0.0.1:$REST_PORT/bench/mock" \
                  "HTTP_PROXY→nginx (REST)|http://127.0.0.1:$REST_PORT/bench/proxy" \
                  "Lambda Python (REST)|http://127.0.0.1:$REST_PORT/bench/py" \
                  "Lambda Node (REST)|http://127.0.0.1:$REST_PORT/bench/node" \
                  "Lambda Python (HTTP v2)|http://127.0.0.1:$HTTP_PORT/py" \
                  "Lambda Node (HTTP v2)|http://127.0.0.1:$HTTP_PORT/node"; do
    name=${scenario%%|*}; url=${scenario#*|}
    read -r RPS P50 P99 BAD < <(measure "$url" "$conns")
    ratio=$(awk -v a="$RPS" -v b="$NG_RPS" 'BEGIN { if (b > 0) printf "%.2f", a/b; else print "-" }')
    printf '%-26s %5s %10s %8s %8s %7s | %10s %8s %6s\n' "$name" "$conns" "$RPS" "$P50" "$P99" "$BAD" "$NG_RPS" "$NG_P99" "$ratio"
  done
done
# The same warm Python routes with the SQLite history off: what the Lambda path itself sustains,
# without the history writer sharing the two cores.
"$BUILD/app/apigw-studio" serve tests/bench/bench.apigw.json --port $((REST_PORT + 10)) --quiet \
  --no-history >"$TMP/serve-nohist.log" 2>&1 & PIDS+=($!)
until curl -fs -o /dev/null "http://127.0.0.1:$((REST_PORT + 10))/bench/mock"; do sleep 0.01; done
curl -fs -o /dev/null "http://127.0.0.1:$((REST_PORT + 10))/bench/py"
curl -fs -o /dev/null "http://127.0.0.1:$((HTTP_PORT + 10))/py"
for scenario in "Lambda Python (REST), no history|http://127.0.0.1:$((REST_PORT + 10))/bench/py" \
                "Lambda Python (HTTP v2), no hist.|http://127.0.0.1:$((HTTP_PORT + 10))/py"; do
  name=${scenario%%|*}; url=${scenario#*|}
  read -r RPS P50 P99 BAD < <(measure "$url" 50)
  ratio=$(awk -v a="$RPS" -v b="$NG_RPS" 'BEGIN { if (b > 0) printf "%.2f", a/b; else print "-" }')
  printf '%-26s %5s %10s %8s %8s %7s | %10s %8s %6s\n' "$name" 50 "$RPS" "$P50" "$P99" "$BAD" "$NG_RPS" "$NG_P99" "$ratio"
done
NGINX_WORKER=$(pgrep -P "$NGINX_MASTER" | head -1 || true)
printf '\nstartup to first answer: %s ms\n' "$STARTUP"
printf 'Lambda cold start (first call, incl. process start): Python %s ms, Node %s ms (python3 is %s)\n' \
  "$COLD_PY" "$COLD_NODE" "$(command -v python3)"
printf 'peak RSS: apigw-studio %s MB (incl. function processes: no), nginx worker %s MB\n' \
  "$(rss_mb "$APP")" "$( [ -n "$NGINX_WORKER" ] && rss_mb "$NGINX_WORKER" || echo '?')"
kill -TERM "$APP"; wait "$APP" 2>/dev/null || true  # graceful stop flushes the trace store
printf 'traces in the SQLite history after the run: %s\n' \
  "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from traces").fetchone()[0])' "$TMP/traces.sqlite" 2>/dev/null || echo '?')"
