# Sourced by ./run-tests: starts a throwaway PostgreSQL on 127.0.0.1 and a free port for the store
# tests, exports BERTH_TEST_POSTGRES_URL and BERTH_TEST_POSTGRES_USER, and stops it on exit.

berth_start_postgres() {
    local bin port dir as_postgres=()
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ]; then
        echo "run-tests: PostgreSQL is not installed (Debian: apt-get install postgresql); the PostgreSQL store tests will fail" >&2
        return 0
    fi
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
    done
    dir=$(mktemp -d /tmp/berth-postgres.XXXXXX)
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$dir"
        as_postgres=(runuser -u postgres --)
    fi
    "${as_postgres[@]}" "$bin/initdb" -D "$dir/data" -U berth --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    "${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null \
        || { cat "$dir/server.log" >&2; return 1; }
    "${as_postgres[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U berth berth_test
    export BERTH_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/berth_test"
    export BERTH_TEST_POSTGRES_USER=berth
    BERTH_POSTGRES_STOP=("${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop)
    BERTH_POSTGRES_DIR=$dir
    trap berth_stop_postgres EXIT
    echo "run-tests: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}

berth_stop_postgres() {
    "${BERTH_POSTGRES_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$BERTH_POSTGRES_DIR"
}
