#!/usr/bin/env bash
# Dump the PostgreSQL database (custom format) and the media folder (tar) into one folder.
#   DATABASE_URL=postgres://user@host:5432/name deploy/backup.sh [FOLDER]
# FOLDER defaults to backups/<UTC time>. The media folder is the one the app uses: the script
# asks Django (with DJANGO_SETTINGS_MODULE and the interpreter PYTHON, default .venv/bin/python),
# so MEDIA_ROOT needs no repeating here and its default (./media) is found too. Media on S3 are
# not in the tar: back the bucket up with its own versioning or replication. What was backed up
# (or why the media were not) is said on stderr; stdout is the folder.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to back up}"
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
target="${1:-backups/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$target"

pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump" "$DATABASE_URL"
echo "database: $target/database.dump" >&2

# Empty when the default storage is not a folder on this host (S3).
media_root="$(cd "$root" && "$python" manage.py shell --no-imports -c '
from django.core.files.storage import FileSystemStorage, default_storage
print(default_storage.location if isinstance(default_storage, FileSystemStorage) else "")')"

if [[ -z "$media_root" ]]; then
    echo "media: not on this host (object storage): not in this backup" >&2
elif [[ -d "$media_root" ]]; then
    tar --create --gzip --file="$target/media.tar.gz" --directory="$media_root" .
    echo "media: $media_root in $target/media.tar.gz" >&2
else
    echo "media: $media_root does not exist (nothing uploaded yet): not in this backup" >&2
fi
echo "$target"
