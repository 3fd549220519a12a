# syntax=docker/dockerfile:1
# Gatehouse: a release build, then a runtime image holding only the binary, the shared
# libraries it loads, CA certificates and a non-root user (scripts/image-rootfs.sh builds that
# tree; CI starts the same tree with scripts/image-check.sh, as there is no container daemon).

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p gatehouse \
    && scripts/image-rootfs.sh target/release/gatehouse /rootfs

FROM scratch
COPY --from=build /rootfs/ /
USER 65532:65532
WORKDIR /data
ENV HOST=0.0.0.0 \
    PORT=8000 \
    DATABASE_URL=sqlite:///data/gatehouse.sqlite3?mode=rwc \
    LOG_FORMAT=json \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=6s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/gatehouse", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/gatehouse"]
CMD ["serve"]
