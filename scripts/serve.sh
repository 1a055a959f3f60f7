#!/usr/bin/env bash
# Sets up and builds what is missing, then serves the portal: the server with the embedded
# SQLite store (data/orgdesk.db), demo data and the web app. Ctrl+C stops it.
# Usage: scripts/serve.sh [server flags...]   e.g. --port 9090
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build.sh
mkdir -p data
echo
exec build/native/src/server/orgdesk-server --demo --db data/orgdesk.db \
    --web-root build/web/dist --port "${ORGDESK_PORT:-8080}" "$@"
