#!/usr/bin/env bash
# Issue 3 section 5: starts `berth serve` on its embedded defaults in a fresh data folder on a free
# loopback port, fills the account with 1,000 users and 1,000 custom policies, then drives signed,
# authorized GetUser calls of a RAM user and AssumeRole calls at concurrency 16 for a bounded time,
# and reads the server's resident memory. With `wrk` installed it then sends GetUser calls signed
# ahead of time (each with its own nonce) from `wrk`, so the load generator's signing does not take
# the server's cores. Usage: bench/identity-load.sh [SECONDS] [CONCURRENCY]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-20}
concurrency=${2:-16}
. "$root/scripts/jdk.sh"
berth_select_jdk
"$root/berth" --version >/dev/null
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package) >&2
data=$(mktemp -d /tmp/berth-load.XXXXXX)
"$root/berth" serve --data-dir "$data/data" --listen 127.0.0.1:0 >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 500); do grep -q '^ready ' "$data/serve.log" && break; sleep 0.02; done
endpoint=$(sed -n 's|^ready http://||p' "$data/serve.log")
"$JAVA_HOME/bin/java" -cp "$root/benchmarks/target/benchmarks.jar" dev.berth.benchmarks.server.IdentityLoad \
    "$endpoint" "$data/data/bootstrap-credentials" "$seconds" "$concurrency" "$pid" "$data/presigned.txt"
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"; }
if command -v wrk >/dev/null; then
    before=$(cpu_ticks)
    wrk -t1 -c"$concurrency" -d"${seconds}s" --latency -s "$root/bench/wrk-presigned.lua" "http://$endpoint" -- "$data/presigned.txt" \
        | sed 's/^/wrk GetUser (presigned): /'
    echo "wrk GetUser (presigned): the server used $(( ($(cpu_ticks) - before) * 10 )) ms of CPU in all"
else
    echo "wrk is not installed: no presigned run (apt-get install wrk)"
fi
echo "server resident memory after the load: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
