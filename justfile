# Gatehouse recipes. `just --list` shows them.

set shell := ["bash", "-euo", "pipefail", "-c"]

generator_version := "7.26.0"

# List the recipes.
default:
    @just --list

# Regenerate generated/ from openapi.yaml (openapi-generator rust-axum + our template overrides).
generate:
    scripts/generate.sh

# Fail when generated/ is out of step with openapi.yaml.
check-generated: generate
    git diff --exit-code --stat -- generated
    test -z "$(git status --porcelain -- generated)"

# Format check and clippy with warnings denied.
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings

# Run the service with no configuration (SQLite file, console e-mail, 127.0.0.1:8000).
run:
    cargo run --release -p gatehouse -- serve

# The whole test suite on SQLite (default) — the README's test command.
test:
    cargo nextest run --workspace

# The same suite on PostgreSQL and Redis.
test-postgres database_url="postgres://postgres@127.0.0.1:5432/test" redis_url="redis://127.0.0.1:6379":
    scripts/drop-test-databases.sh {{database_url}}
    TEST_DATABASE_URL={{database_url}} TEST_REDIS_URL={{redis_url}} cargo nextest run --workspace

# Check the container image without a daemon: assemble its root filesystem as the Dockerfile
# does and start the release binary chrooted in it (scripts/image-check.sh).
image-check:
    cargo build --locked --release -p gatehouse --bin gatehouse
    scripts/image-check.sh

# Load benchmark (release build, wrk, bounded in time) on SQLite and PostgreSQL.
bench:
    scripts/bench.sh

# Contract checks (contract/run.sh): spec lint, generated TypeScript client (tsc strict + Node
# flow), generated Python client (mypy --strict + pytest walk), Rust client examples, Schemathesis against a release build on SQLite and
# PostgreSQL, docs in headless Chromium. `just contract lint ts` runs only those steps.
contract *steps:
    contract/run.sh {{steps}}

# Fault-injected soak of the multi-instance shape (nginx, two instances, private PostgreSQL and Redis, SMTP sink); SECONDS of mixed load (CI runs 60).
soak seconds="60":
    ops/soak/run.sh {{seconds}}
