#!/usr/bin/env bash
# Refresh the vendored Swagger UI and Redoc files in server/assets/ from the npm registry.
#
#   scripts/update-docs-assets.sh                  # versions pinned below
#   SWAGGER_UI_VERSION=5.x.y REDOC_VERSION=2.x.y scripts/update-docs-assets.sh
#
# Afterwards update the versions and sizes in server/assets/README.md and look at
# `git diff --stat server/assets`.
set -euo pipefail

SWAGGER_UI_VERSION="${SWAGGER_UI_VERSION:-5.35.0}"
REDOC_VERSION="${REDOC_VERSION:-2.5.4}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
assets="$root/server/assets"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "swagger-ui-dist@${SWAGGER_UI_VERSION}" "redoc@${REDOC_VERSION}" >/dev/null
mkdir swagger redoc
tar -xzf "swagger-ui-dist-${SWAGGER_UI_VERSION}.tgz" -C swagger
tar -xzf "redoc-${REDOC_VERSION}.tgz" -C redoc

# Copy a file, dropping source-map comments (JS `//# sourceMappingURL=...` lines and
# the CSS `/*# sourceMappingURL=... */` comment): we do not ship the maps.
copy_stripped() {
    sed -E -e '/^[[:space:]]*\/\/# sourceMappingURL=/d' \
        -e '/^[[:space:]]*\/\*# sourceMappingURL=.*\*\/[[:space:]]*$/d' "$1" >"$2"
}

mkdir -p "$assets"
copy_stripped swagger/package/swagger-ui-bundle.js "$assets/swagger-ui-bundle.js"
copy_stripped swagger/package/swagger-ui.css "$assets/swagger-ui.css"
copy_stripped swagger/package/swagger-ui-standalone-preset.js "$assets/swagger-ui-standalone-preset.js"
copy_stripped redoc/package/bundles/redoc.standalone.js "$assets/redoc.standalone.js"
cp swagger/package/LICENSE "$assets/swagger-ui.LICENSE"
cp redoc/package/LICENSE "$assets/redoc.LICENSE"

# Redoc's sidebar footer ("API docs by Redocly") loads its logo from cdn.redoc.ly.
# Point it at an empty data: URL instead: the image fails to decode (or is refused by
# the CSP), Redoc's onError handler hides it, and no request leaves the machine.
cdn_logo='https://cdn.redoc.ly/redoc/logo-mini.svg'
if grep -qF "$cdn_logo" "$assets/redoc.standalone.js"; then
    sed -i "s#\"${cdn_logo}\"#\"data:,\"#g" "$assets/redoc.standalone.js"
fi

# Nothing we ship may still point at a CDN or a source map.
status=0
for f in swagger-ui-bundle.js swagger-ui.css swagger-ui-standalone-preset.js redoc.standalone.js; do
    if tail -n 3 "$assets/$f" | grep -q 'sourceMappingURL='; then
        echo "error: $f still ends with a sourceMappingURL comment" >&2
        status=1
    fi
    if grep -qE 'fonts\.googleapis|fonts\.gstatic|cdn\.redoc\.ly|unpkg\.com|cdn\.jsdelivr' "$assets/$f"; then
        echo "warning: $f references a CDN host:" >&2
        grep -oE '.{60}(fonts\.googleapis|fonts\.gstatic|cdn\.redoc\.ly|unpkg\.com|cdn\.jsdelivr).{60}' "$assets/$f" >&2 || true
    fi
done

echo "swagger-ui-dist ${SWAGGER_UI_VERSION}, redoc ${REDOC_VERSION}:"
(cd "$assets" && wc -c swagger-ui-bundle.js swagger-ui.css swagger-ui-standalone-preset.js \
    redoc.standalone.js swagger-ui.LICENSE redoc.LICENSE)
exit "$status"
