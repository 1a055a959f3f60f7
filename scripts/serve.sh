#!/usr/bin/env bash
# Sets up and builds what is missing, then serves the portal: the server with the embedded
# SQLite store (data/orgdesk.db), demo data and the web app. Ctrl+C stops it.
# Usage: scripts/serve.sh [server flags...]   e.g. --port 9090, --db /tmp/other.db
# Every flag goes to the server; one of its defaults below is left out when the flag is given.
set -euo pipefail
cd "$(dirname "$0")/.."

# Whether the arguments after the first name the flag $1, as "--flag value" or "--flag=value".
given() {
    local flag=$1 argument
    shift
    for argument in "$@"; do
        [[ $argument == "$flag" || $argument == "$flag="* ]] && return 0
    done
    return 1
}

defaults=()
given --demo "$@" || defaults+=(--demo)
given --db "$@" || defaults+=(--db data/orgdesk.db)
given --web-root "$@" || defaults+=(--web-root build/web/dist)
given --port "$@" || defaults+=(--port "${ORGDESK_PORT:-8080}")

scripts/build.sh
mkdir -p data
echo
exec build/native/src/server/orgdesk-server "${defaults[@]}" "$@"
