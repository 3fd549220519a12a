#!/usr/bin/env bash
# `just soak [SECONDS]`: builds the release binary, installs nginx when it is missing, and runs
# the fault-injected soak (ops/soak/soak.py) for SECONDS of load (default 60). Extra arguments
# go to soak.py, e.g. `ops/soak/run.sh 60 --sabotage smtp-stays-down`.
set -euo pipefail

seconds="${1:-60}"
shift || true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

cargo build --release --locked -p gatehouse
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in
  /*) ;;
  *) target_dir="$root/$target_dir" ;;
esac
binary="$target_dir/release/gatehouse"

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  echo "soak: installing nginx" >&2
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 \
    || $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx
fi
export PATH="$PATH:/usr/sbin:/sbin"

exec python3 ops/soak/soak.py --binary "$binary" --seconds "$seconds" "$@"
