#!/usr/bin/env bash
# Assembles the runtime image's whole root filesystem in ROOTFS: the gatehouse binary, the
# shared libraries it loads (as ldd lists them), CA certificates, a non-root user and a
# writable /data. The Dockerfile's runtime stage is `FROM scratch` + this directory and
# nothing else, so `scripts/image-check.sh` can start the very same tree without a container
# daemon. Usage: scripts/image-rootfs.sh BINARY ROOTFS
set -euo pipefail

binary="$1"
root="$2"
uid=65532

rm -rf "$root"
mkdir -p "$root/usr/local/bin" "$root/etc/ssl/certs" "$root/data" "$root/tmp"
install -m 0755 "$binary" "$root/usr/local/bin/gatehouse"

# The dynamic loader and every library the binary links (glibc's DNS and files lookups are
# inside libc.so.6 since glibc 2.34, so no NSS modules are needed).
libraries=$(ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }')
for library in $libraries; do
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
done

# Outbound TLS (SMTP, OTLP collectors) verifies against the system's roots.
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"

printf 'root:x:0:0:root:/root:/sbin/nologin\ngatehouse:x:%d:%d:gatehouse:/data:/sbin/nologin\n' "$uid" "$uid" \
    >"$root/etc/passwd"
printf 'root:x:0:\ngatehouse:x:%d:\n' "$uid" >"$root/etc/group"
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
chmod 1777 "$root/tmp"
chown "$uid:$uid" "$root/data"
chmod 0750 "$root/data"

echo "root filesystem in $root: $(du -sh "$root" | cut -f1), $(find "$root" -type f | wc -l) files"
