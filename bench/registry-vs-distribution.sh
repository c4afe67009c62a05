#!/usr/bin/env bash
# Issue 4 section 3: Berth beside CNCF Distribution (Debian's docker-registry), both on 127.0.0.1 with
# filesystem storage in fresh folders, driven in one run by the same client
# (dev.berth.benchmarks.server.RegistryLoad): (a) monolithic push of 1 GiB, (b) its pull, (c) a
# 256 MiB chunked push in 8 MiB chunks, (d) manifest GET by tag at concurrency 32 for GET_SECONDS
# (Berth as a RAM user with 100 policies, bearer token; Distribution without auth), (e) 100 small
# images by 16 clients. Prints each figure and the ratio Berth / Distribution, and the largest
# resident memory of the Berth server sampled every 0.2 s. Usage: bench/registry-vs-distribution.sh [GET_SECONDS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
get_seconds=${1:-30}
. "$root/scripts/jdk.sh"
berth_select_jdk
command -v docker-registry >/dev/null || { echo "bench: docker-registry is missing (apt-get install docker-registry)" >&2; exit 2; }
"$root/berth" --version >/dev/null
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package) >&2
work=$(mktemp -d /tmp/berth-registry-bench.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

"$root/berth" serve --data-dir "$work/berth" --listen 127.0.0.1:0 >"$work/berth.log" 2>&1 &
berth_pid=$!; pids+=("$berth_pid")
port=$(free_port)
mkdir -p "$work/distribution"
cat >"$work/distribution.yml" <<YAML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $work/distribution
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: bench-secret
YAML
docker-registry serve "$work/distribution.yml" >"$work/distribution.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 600); do grep -q '^ready ' "$work/berth.log" && break; sleep 0.1; done
berth=$(sed -n 's|^ready http://||p' "$work/berth.log")
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/v2/" && break; sleep 0.1; done

# The Berth process is the java child of the launcher's exec: the same pid.
( peak=0; while kill -0 "$berth_pid" 2>/dev/null; do
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$berth_pid/status" 2>/dev/null || echo 0)
      [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$work/peak"
      sleep 0.2
  done ) &
pids+=("$!")

echo "command: bench/registry-vs-distribution.sh $get_seconds   ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
"$JAVA_HOME/bin/java" -Xmx512m -cp "$root/benchmarks/target/benchmarks.jar" dev.berth.benchmarks.server.RegistryLoad \
    "$berth" "$work/berth/bootstrap-credentials" "127.0.0.1:$port" "$get_seconds"
echo "Berth's largest resident memory during the run: $(( $(cat "$work/peak") / 1024 )) MB (limit 512 MB)"
