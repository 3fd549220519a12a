#!/usr/bin/env bash
# Checks the container image without a container daemon: assembles the runtime root
# filesystem exactly as the Dockerfile's build stage does (scripts/image-rootfs.sh), checks
# that the runtime stage copies nothing else, and starts the release binary chrooted in that
# tree as the image's user, with the image's environment: it must serve, pass its own
# HEALTHCHECK, register a user and write its database under /data.
# Usage: scripts/image-check.sh [BINARY] (default target/release/gatehouse)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

binary="${1:-${CARGO_TARGET_DIR:-target}/release/gatehouse}"
[[ -x "$binary" ]] || { echo "no release binary at $binary (cargo build --release -p gatehouse)" >&2; exit 1; }
work="$(mktemp -d)"
root="$work/rootfs"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# 1. The runtime stage is FROM scratch plus the assembled tree, and its commands exist there.
python3 - Dockerfile >"$work/image.env" <<'PY'
import re, shlex, sys
text = open(sys.argv[1]).read().replace("\\\n", " ")
stages = re.split(r"(?m)^FROM\s+", text)
runtime = stages[-1]
lines = [l.strip() for l in runtime.splitlines()[1:] if l.strip() and not l.strip().startswith("#")]
assert runtime.split()[0] == "scratch", "the runtime stage must be FROM scratch"
copies = [l for l in lines if l.split()[0] in ("COPY", "ADD")]
assert copies == ["COPY --from=build /rootfs/ /"], f"the runtime stage copies more than the assembled tree: {copies}"
build = stages[-2]
assert "scripts/image-rootfs.sh target/release/gatehouse /rootfs" in build, "the build stage must assemble /rootfs with scripts/image-rootfs.sh"
for l in lines:
    if l.startswith("ENV "):
        for pair in shlex.split(l[4:]):
            print(pair)
for needle in ('ENTRYPOINT ["/usr/local/bin/gatehouse"]', 'CMD ["/usr/local/bin/gatehouse", "healthcheck"]'):
    assert needle in runtime, f"missing: {needle}"
PY
user=$(sed -n 's/^USER \([0-9:]*\).*/\1/p' Dockerfile)
[[ "$user" == "65532:65532" ]] || { echo "the image must run as 65532:65532, not ${user:-root}" >&2; exit 1; }

# 2. The tree, as the build stage makes it.
scripts/image-rootfs.sh "$binary" "$root"

# 3. Start it as the image would, on loopback (HOST and PORT overridden for this machine).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mapfile -t image_env <"$work/image.env"
chroot_bin="$(command -v chroot)"
# No outside calls from this machine: the offline breached-password list still applies.
image_command=(env -i "${image_env[@]}" HOST=127.0.0.1 PORT="$port" ALLOWED_HOSTS=localhost,127.0.0.1 PWNED_PASSWORDS_URL=off
    "$chroot_bin" --userspec=65532:65532 "$root" /usr/local/bin/gatehouse)
run_in_image() { "${image_command[@]}" "$@"; }
cd "$work"
# Started directly (not through the function) so that $! is the server itself: env and chroot
# exec it.
"${image_command[@]}" serve >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    if run_in_image healthcheck >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/serve.log" >&2; echo "the server died in the image tree" >&2; exit 1; fi
    sleep 0.2
done
run_in_image healthcheck || { cat "$work/serve.log" >&2; echo "HEALTHCHECK failed" >&2; exit 1; }

status=$(python3 - "$port" <<'PY'
import json, sys, urllib.error, urllib.request
body = json.dumps({"email": "image@example.com", "password": "correct horse battery staple"}).encode()
request = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/api/v1/auth/register", data=body,
                                 headers={"Content-Type": "application/json"})
try:
    print(urllib.request.urlopen(request, timeout=10).status)
except urllib.error.HTTPError as e:
    print(e.code)
PY
)
[[ "$status" == 202 ]] || { cat "$work/serve.log" >&2; echo "register answered $status" >&2; exit 1; }
runs_as=$(awk '/^Uid:/ { print $2 }' "/proc/$server_pid/status")
[[ "$runs_as" == 65532 ]] || { echo "the server runs as uid $runs_as, not 65532" >&2; exit 1; }
owner=$(stat -c %u "$root/data/gatehouse.sqlite3")
[[ "$owner" == 65532 ]] || { echo "the database under /data is owned by $owner" >&2; exit 1; }
grep -q '"message":"request"' "$work/serve.log" || { echo "no JSON request log line" >&2; exit 1; }

echo "image check passed: $(find "$root" -type f | wc -l) files, $(du -sh "$root" | cut -f1); served, healthy, registered a user as uid 65532"
