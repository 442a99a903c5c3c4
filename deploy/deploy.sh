#!/usr/bin/env bash
# Deploys the current main on this machine: fetch, install, build, migrate, rolling restart.
# Run as the user owning /opt/swigs (with rights to `systemctl restart swigs@*`), e.g. from CI:
#   ssh deploy@host /opt/swigs/deploy/deploy.sh
#
# Migrations run before the restart, while the previous version still serves: write them
# expand-then-contract (add a column, deploy, stop using the old one, drop it in a later release),
# so that both versions work on the migrated schema during the rolling restart.
set -euo pipefail
cd "${SWIGS_HOME:-/opt/swigs}"

if [ -f /etc/swigs/swigs.env ]; then
  set -a; . /etc/swigs/swigs.env; set +a
fi

echo "==> git pull"
git fetch --quiet origin
git merge --ff-only origin/main

echo "==> npm install"
npm install --no-audit --no-fund

echo "==> build"
npm run build

if [ -n "${DATABASE_URL:-}" ]; then
  echo "==> migrate"
  node apps/api/bin/swigs.mjs migrate
else
  # The embedded database belongs to the running server: it migrates when it restarts.
  echo "==> embedded database: migrations run when the server restarts"
fi

echo "==> rolling restart"
"$(dirname "$0")/rolling-restart.sh" ${SWIGS_PORTS:-3001 3002 3003}
