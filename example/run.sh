#!/usr/bin/env bash
# Runs the demo server on http://localhost:5080 (SQLite, local files, in-memory cache), installing what it needs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/src/install-native-deps.sh"
cd "$root/example/LargeImage.Example"
# A 4 MiB gen0 budget keeps the per-tile garbage in cache-warm pages (README, Benchmarks notes).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x400000}"
exec dotnet run -c Release -- "$@"
