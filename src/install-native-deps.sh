#!/usr/bin/env bash
# Installs the system libraries the package loads at run time (GDAL, OpenSlide, TurboJPEG) and, with --test, what the test
# suite drives for real (GDAL command-line tools as the reference, redis-server, Chromium). Idempotent and quiet
# when everything is present. Debian/Ubuntu only; elsewhere it says what to install and carries on.
set -euo pipefail

packages=(libgdal32 gdal-bin libopenslide0 libturbojpeg0)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(redis-server chromium)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "warning: please install ${missing[*]} (no apt-get here); readers whose library is missing report unavailable" >&2
  exit 0
fi

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "Installing ${missing[*]} ..."
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
