#!/usr/bin/env bash
# Issue 4, "Speed, side by side with Distribution": starts `berth serve` (embedded H2, fresh data
# folder) and Debian's Distribution (`/usr/bin/docker-registry`, filesystem storage, no auth), each on
# a free port of 127.0.0.1, and drives both with the same Java client in one run
# (dev.berth.benchmarks.registry.RegistryComparison): (a) a monolithic push of a 1 GiB blob, (b) its
# pull, (c) a chunked push of 256 MiB in 8 MiB chunks, (d) manifest GETs by tag at concurrency 32
# for 30 s, Berth's caller a RAM user with 100 policies, (e) 100 small images pushed by 16 clients.
# Blobs are written to a temporary file beforehand and streamed from it; both servers are warmed up
# first, and `sync` settles the disk before each measured transfer. It samples both servers'
# resident memory throughout, prints each server's CPU time per transfer, and ends with a Markdown
# table with the ratio Berth / Distribution of each figure (above 1: Berth is faster).
#
# Usage: bench/registry-vs-distribution.sh [name=value ...]
#   names: blob-mib (1024), chunked-mib (256), chunk-mib (8), seconds (30), concurrency (32),
#   images (100), clients (16), rounds (1; the median is reported), figures (abcde)
# Environment: BERTH_JAVA_OPTS is passed to the Berth server's JVM (e.g. a heap bound; a profile of
# (d) alone: `figures=d` with -XX:StartFlightRecording=delay=12s,duration=20s,filename=/tmp/d.jfr,settings=profile,
# a recording that ends while the server runs); BENCH_TIME_LIMIT (seconds, default 1800) bounds
# the client's run. Bounded, listens on 127.0.0.1 only, and stops both servers and removes its
# temporary folder however it ends.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
limit=${BENCH_TIME_LIMIT:-1800}
distribution=/usr/bin/docker-registry
[ -x "$distribution" ] || { echo "Distribution is needed (Debian: apt-get install docker-registry)" >&2; exit 3; }
. "$root/scripts/jdk.sh"
berth_select_jdk
"$root/berth" --version >/dev/null   # builds the server when needed, outside the measurement
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package) >&2

work=$(mktemp -d /tmp/berth-vs-distribution.XXXXXX)
berth_pid=""
registry_pid=""
client_pid=""
cleanup() {
    local status=$?
    if [ "$status" -ne 0 ]; then
        for log in "$work/berth.log" "$work/distribution.log"; do
            [ -s "$log" ] && { echo "--- the last lines of $(basename "$log"):" >&2; tail -n 20 "$log" >&2; }
        done
    fi
    for pid in $client_pid $berth_pid $registry_pid; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in $client_pid $berth_pid $registry_pid; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

await_line() { # log file, pattern, what: waits up to 30 s for a line of the log
    for _ in $(seq 1 300); do
        grep -q "$2" "$1" && return 0
        sleep 0.1
    done
    echo "$3 did not start:" >&2
    cat "$1" >&2
    exit 1
}

listening_address() { # pid: the 127.0.0.1:port on which the process listens, from its sockets' inodes in /proc/net/tcp
    local inodes port
    inodes=$(find "/proc/$1/fd" -lname 'socket:*' -printf '%l\n' 2>/dev/null | tr -dc '0-9\n' | paste -sd ' ')
    [ -n "$inodes" ] || return 0
    port=$(awk -v inodes=" $inodes " '$4 == "0A" && index(inodes, " " $10 " ") && $2 ~ /^0100007F:/ {
        print substr($2, 10); exit }' /proc/net/tcp)
    [ -z "$port" ] || echo "127.0.0.1:$((16#$port))"
}

"$root/berth" serve --data-dir "$work/berth" --listen 127.0.0.1:0 >"$work/berth.log" 2>&1 &
berth_pid=$!
await_line "$work/berth.log" '^ready ' "Berth"
berth_address=$(sed -n 's|^ready http://||p' "$work/berth.log" | head -n 1)

mkdir -p "$work/distribution/storage"
cat >"$work/distribution/config.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $work/distribution/storage
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:0
  secret: berth-benchmark-secret
EOF
"$distribution" serve "$work/distribution/config.yml" >"$work/distribution.log" 2>&1 &
registry_pid=$!
registry_address=""
for _ in $(seq 1 300); do   # at level warn (info logs every request) it does not log its port: read it from /proc
    registry_address=$(listening_address "$registry_pid")
    [ -n "$registry_address" ] && break
    kill -0 "$registry_pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$registry_address" ] || { echo "Distribution did not start:" >&2; cat "$work/distribution.log" >&2; exit 1; }

echo "## Command"
echo
echo "\`bench/registry-vs-distribution.sh${*:+ $*}\`${BERTH_JAVA_OPTS:+ with BERTH_JAVA_OPTS=\`$BERTH_JAVA_OPTS\`}"
echo
echo "- machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average before the run $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "- Berth: $("$root/berth" --version 2>&1 | head -n 1), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1), embedded H2, data on $(df --output=fstype "$work" | tail -n 1)"
echo "- Distribution: $(dpkg-query -W -f '${Package} ${Version}' docker-registry 2>/dev/null || echo "$distribution"), filesystem storage, no auth"
echo "- measured $(date -u +%Y-%m-%d), the client on the same machine as both servers"
echo
echo "## Progress"
echo
# In the background, so that a TERM or INT sent to this script interrupts the wait and the trap stops all three.
timeout --signal=TERM --kill-after=10 "$limit" \
    "$JAVA_HOME/bin/java" -cp "$root/benchmarks/target/benchmarks.jar" dev.berth.benchmarks.registry.RegistryComparison \
    "berth=$berth_address" "credentials=$work/berth/bootstrap-credentials" "berth-pid=$berth_pid" \
    "distribution=$registry_address" "distribution-pid=$registry_pid" "$@" &
client_pid=$!
wait "$client_pid"
