#!/usr/bin/env bash
# Drops the per-test databases (gh_test_*) that earlier PostgreSQL test runs left behind.
# Tests do not drop their own: DROP DATABASE forces a checkpoint and would triple the run time.
set -euo pipefail
url="${1:?usage: drop-test-databases.sh POSTGRES_URL}"
psql "$url" -v ON_ERROR_STOP=1 -tAc \
  "SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE);', datname) FROM pg_database WHERE datname LIKE 'gh\_test\_%'" \
  | psql "$url" -v ON_ERROR_STOP=1 -q
