#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (Debian's postgresql package, no Docker).
#   eval "$(bash .ci/postgres.sh start)"   initdb in a temporary directory, start it on a free loopback
#                                          port, create role/database "authoring", print the exports
#                                          AUTHORING_TEST_PG_URL / _USER / _PASSWORD the tests read
#   eval "$(bash .ci/postgres.sh start durable)"  the same with PostgreSQL's default durability (fsync,
#                                          synchronous commit): what benchmarks must measure
#   bash .ci/postgres.sh stop <dir>        stop it and delete the directory (AUTHORING_TEST_PG_DIR)
# Works as root (the cluster runs as the "postgres" user) or as any user that may run initdb.
set -euo pipefail

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
    echo "$bin"
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    local p
    for p in $(shuf -i 20000-45000 -n 50); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    echo "no free port found" >&2; exit 1
}

case "${1:-}" in
start)
    BIN=$(pg_bin)
    DIR=$(mktemp -d /tmp/authoring-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
    PORT=$(free_port)
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
    # Room for the tests' pools (two instances x 16 + contract suites) and fast, disposable storage;
    # "durable" keeps PostgreSQL's defaults, so a benchmark pays for the commits a user's server pays for.
    STORAGE="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${2:-}" = durable ] && STORAGE=""
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300 $STORAGE" \
        >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    as_owner "$BIN/psql" -q -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE authoring LOGIN CREATEDB PASSWORD 'authoring'" \
        -c "CREATE DATABASE authoring OWNER authoring" >/dev/null
    echo "export AUTHORING_TEST_PG_DIR=$DIR"
    echo "export AUTHORING_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$PORT/authoring"
    echo "export AUTHORING_TEST_PG_USER=authoring"
    echo "export AUTHORING_TEST_PG_PASSWORD=authoring"
    ;;
stop)
    DIR=${2:-${AUTHORING_TEST_PG_DIR:-}}
    [ -n "$DIR" ] && [ -d "$DIR/data" ] || exit 0
    as_owner "$(pg_bin)/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
*)
    echo "usage: $0 start [durable] | stop <dir>" >&2; exit 2 ;;
esac
