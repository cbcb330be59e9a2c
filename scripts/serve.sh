#!/usr/bin/env bash
# Serves the demo page (release build) at http://127.0.0.1:8080/: ./scripts/serve.sh
# Extra arguments go to `trunk serve`, e.g. ./scripts/serve.sh --port 9000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/setup.sh
. scripts/setup.sh

port=8080
args=("$@")
for i in "${!args[@]}"; do
  case "${args[$i]}" in
    --port=*) port=${args[$i]#--port=} ;;
    --port) port=${args[$((i + 1))]:-$port} ;;
  esac
done
echo
echo "serve: building, then serving the demo at http://127.0.0.1:$port/ (embedding example: http://127.0.0.1:$port/embed.html); Ctrl-C stops"
exec trunk serve --release --offline "$@"
