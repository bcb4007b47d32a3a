#!/usr/bin/env bash
# Restore a folder written by backup.sh into an EMPTY database and a media folder.
#   createdb familientisch_restored
#   DATABASE_URL=postgres://user@host:5432/familientisch_restored MEDIA_ROOT=/srv/media \
#       deploy/restore.sh backups/20250101T030000Z
# Stop the app servers and the worker first when restoring over the live site's media.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the (empty) database to restore into}"
source="${1:?usage: deploy/restore.sh BACKUP_FOLDER}"

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
    --dbname="$DATABASE_URL" "$source/database.dump"

if [[ -f "$source/media.tar.gz" ]]; then
    : "${MEDIA_ROOT:?MEDIA_ROOT must name the folder to restore the media into}"
    mkdir -p "$MEDIA_ROOT"
    tar --extract --gzip --file="$source/media.tar.gz" --directory="$MEDIA_ROOT"
fi
