# Shell functions shared by scripts/bench.sh and contract/run.sh (sourced, not run).
#
# They use the caller's globals: `server_pid` (the gatehouse process to stop), `pg_admin_url`
# (where CREATE/DROP DATABASE go) and `pg_database` (the database to drop; empty when none),
# and print their warnings with the caller's `warn`.

# Stops the server by its PID: SIGTERM, up to 10 s for a graceful shutdown, then SIGKILL.
stop_server() {
    local pid="$server_pid"
    server_pid=""
    [[ -n "$pid" ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            warn "server $pid ignored SIGTERM for 10 s; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
}

# Drops the PostgreSQL database the script created, if any.
drop_pg_database() {
    local db="$pg_database"
    pg_database=""
    [[ -n "$db" ]] || return 0
    if ! psql "$pg_admin_url" -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1; then
        # PostgreSQL 13+: also end sessions still connected to it.
        psql "$pg_admin_url" -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null ||
            warn "could not drop database $db; drop it by hand"
    fi
}

# apt-get install, through sudo when not root, updating the package lists only if needed.
apt_install() {
    local sudo=""
    if [[ $EUID -ne 0 ]]; then
        command -v sudo >/dev/null || return 1
        sudo="sudo"
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" ||
        { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"; }
}

# pip may put console scripts in a directory that is not on PATH (pyenv shims need a rehash;
# a plain Python puts them next to the interpreter).
add_python_scripts_to_path() {
    if command -v pyenv >/dev/null; then
        pyenv rehash || true
    fi
    local dir
    dir="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
    case ":$PATH:" in
    *":$dir:"*) ;;
    *) export PATH="$PATH:$dir" ;;
    esac
}
