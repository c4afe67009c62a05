#!/usr/bin/env bash
# Starts `berth serve` on its embedded defaults in a fresh data folder, measures the time from launch
# to the `ready` line (first start, with bootstrap, and a second start), and the resident memory of
# the idle server after 10 seconds. Bounded: it stops the server itself.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/berth" --version >/dev/null   # builds when needed, outside the measurement
data=$(mktemp -d /tmp/berth-bench.XXXXXX)
trap 'rm -rf "$data"' EXIT

start_once() {
    local log=$data/serve.log begin pid
    begin=$(date +%s%N)
    "$root/berth" serve --data-dir "$data/data" --listen 127.0.0.1:0 >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 300); do
        grep -q '^ready ' "$log" && break
        sleep 0.01
    done
    grep -q '^ready ' "$log" || { cat "$log" >&2; kill "$pid"; exit 1; }
    echo "$(( ($(date +%s%N) - begin) / 1000000 )) $pid"
}

read -r first pid < <(start_once)
echo "first start (bootstrap): ready after ${first} ms"
sleep 10
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "idle resident memory: $((rss / 1024)) MB"
kill "$pid"; wait "$pid" 2>/dev/null || true
read -r second pid < <(start_once)
echo "second start: ready after ${second} ms"
kill "$pid"; wait "$pid" 2>/dev/null || true
