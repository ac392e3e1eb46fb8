#!/usr/bin/env bash
# Installs what the tests drive for real, builds, and runs the whole suite. Prints "N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash src/install-native-deps.sh --test

# The S3-compatible server the remote-file tests start (s3rver); installed only when missing.
s3rver="test/LargeImage.MinimalApi.Tests/Sources/Remote/s3rver"
if command -v npm >/dev/null && [[ ! -d "$s3rver/node_modules/s3rver" ]]; then
  (cd "$s3rver" && npm ci --no-audit --no-fund)
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test LargeImage.MinimalApi.sln -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?

summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -1 || true)
if [[ -n "$summary" ]]; then
  read -r failed passed skipped < <(echo "$summary" | sed -E 's/[^0-9]+/ /g')
  echo "$passed passed, $failed failed, $skipped skipped"
fi
exit $status
