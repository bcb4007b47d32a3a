#!/usr/bin/env bash
# Dump the PostgreSQL database (custom format) and the media folder (tar) into one folder.
#   DATABASE_URL=postgres://user@host:5432/name MEDIA_ROOT=/srv/media deploy/backup.sh [FOLDER]
# FOLDER defaults to backups/<UTC time>. Media on S3 is not in the tar: back the bucket up with
# its own versioning or replication.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to back up}"
target="${1:-backups/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$target"

pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump" "$DATABASE_URL"

if [[ -n "${MEDIA_ROOT:-}" && -d "$MEDIA_ROOT" ]]; then
    tar --create --gzip --file="$target/media.tar.gz" --directory="$MEDIA_ROOT" .
fi
echo "$target"
