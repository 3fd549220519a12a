#!/usr/bin/env bash
# Regenerates generated/ from openapi.yaml. Deterministic: same spec, same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
version=7.26.0
if ! command -v openapi-generator-cli >/dev/null || ! openapi-generator-cli version 2>/dev/null | grep -q "$version"; then
  python3 -m pip install --quiet "openapi-generator-cli==$version"
fi
rm -rf generated
openapi-generator-cli generate \
  --input-spec openapi.yaml \
  --generator-name rust-axum \
  --template-dir generator/templates \
  --output generated \
  --additional-properties=hideGenerationTimestamp=true,packageName=gatehouse-api,allowBlockingValidator=true,allowBlockingResponseSerialize=true \
  > /dev/null
# The generator does not format its output; rustfmt makes it stable and readable.
find generated -name '*.rs' -print0 | xargs -0 rustfmt --edition 2024
