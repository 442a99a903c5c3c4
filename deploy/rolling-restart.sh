#!/usr/bin/env bash
# Restarts the API instances one at a time, waiting for each to be ready again before touching
# the next, so that nginx always has instances to send requests to. Each instance drains on
# SIGTERM (readiness 503, requests in flight finish) before it stops.
#
#   deploy/rolling-restart.sh                 # swigs@3001, swigs@3002, swigs@3003 via systemctl
#   deploy/rolling-restart.sh 3001 3002       # some instances only
#   RESTART_CMD='docker compose restart api-{n}' READY_URL='http://127.0.0.1:{port}/readyz' deploy/rolling-restart.sh 3001 3002 3003
#
# RESTART_CMD and READY_URL are templates: {port} is the instance's port, {n} its position (1, 2, 3).
set -euo pipefail

ports=("$@")
[ ${#ports[@]} -gt 0 ] || ports=(3001 3002 3003)
restart_cmd=${RESTART_CMD:-'systemctl restart swigs@{port}'}
ready_url=${READY_URL:-'http://127.0.0.1:{port}/readyz'}
ready_timeout=${READY_TIMEOUT_SECONDS:-90}

n=0
for port in "${ports[@]}"; do
  n=$((n + 1))
  cmd=${restart_cmd//\{port\}/$port}; cmd=${cmd//\{n\}/$n}
  url=${ready_url//\{port\}/$port}; url=${url//\{n\}/$n}
  echo "==> restarting instance $n (port $port): $cmd"
  bash -c "$cmd"
  deadline=$((SECONDS + ready_timeout))
  until curl -fsS --max-time 2 "$url" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "Instance on port $port is not ready after ${ready_timeout}s: stopping here, the others keep running." >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "    ready: $url"
done
echo "All ${#ports[@]} instances restarted."
