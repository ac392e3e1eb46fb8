#!/usr/bin/env bash
# Runs the demo server on http://localhost:5080 (SQLite, local files, in-memory cache), installing what it needs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/src/install-native-deps.sh"
cd "$root/example/LargeImage.Example"
source "$root/example/server-env.sh"
exec dotnet run -c Release -- "$@"
