#!/usr/bin/env bash
# Load test of the example server over loopback: starts it (Release) in a temp data dir on 127.0.0.1, drives it from
# test/LargeImage.MinimalApi.LoadTest in a separate process, prints tiles/s, p50/p90/p99 and errors per scenario and
# the server's RSS over many files, then stops the server and removes the data dir.
#
#   bash test/load/run-load.sh
#
# The in-process baseline (test/LargeImage.MinimalApi.Benchmarks --baseline: per-tile median on one thread, tiles/s on
# every core, for the JPEG pyramid's tiles re-encoded and as stored and for the EPSG:3857 PNG) is measured by the load
# test just before and just after its uncached scenarios, while the server idles; their throughput is printed as a
# ratio to the mean of both.
#
# Where lighttpd and iipimage-server or cgi-mapserver are installed (their packages start system services, so this
# script does not install them), IIPImage serves the same pyramid's JPEG tiles and MapServer the same COG's
# web-mercator PNG tiles to the same load generator in the same run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
port="${LOAD_PORT:-5099}"
url="http://127.0.0.1:$port"
# The server and the in-process baseline run with the settings the README recommends for tile servers, as
# example/run.sh sets them; the builds and the load generator do not need them. It execs, so call it only where bash
# has forked already (`&`, `$(…)`): the backgrounded server then keeps the pid $! reports.
as_server() { source "$root/example/server-env.sh" && exec "$@"; }
# Bounds of the memory run: a small rendered-bytes cache, reader cache and GDAL block cache (GDAL's own default is 5%
# of RAM), so RSS reaching a plateau is visible. The budget is what they may hold plus 16 MiB per open reader and
# 256 MiB for the managed heap and the runtime: RSS may grow by no more than that since start. The managed heap is
# held to its share with DOTNET_GCHeapHardLimit, as a container's memory limit holds it (.NET takes 75% of one):
# without a limit the server GC leaves evicted tiles in gen2 for as long as it can, and at 10 000 tiles/s of churn
# RSS grew by 682-852 MiB over four runs.
cache_mib=64
open_readers=16
gdal_cache_mib=256
managed_mib=256
rss_budget_mib=$((cache_mib + gdal_cache_mib + open_readers * 16 + managed_mib))

if curl -fs -o /dev/null "$url/"; then
  echo "Something already answers on $url; stop it or set LOAD_PORT." >&2
  exit 1
fi

dotnet build -c Release --nologo -v q "$root/example/LargeImage.Example" >/dev/null
dotnet build -c Release --nologo -v q "$root/test/LargeImage.MinimalApi.LoadTest" >/dev/null
dotnet build -c Release --nologo -v q "$root/test/LargeImage.MinimalApi.Benchmarks" >/dev/null

# Run by bash from the load test, with the server's process settings.
baseline_command="source '$root/example/server-env.sh' && exec dotnet '$root/test/LargeImage.MinimalApi.Benchmarks/bin/Release/net10.0/LargeImage.MinimalApi.Benchmarks.dll' --baseline"

data="$(mktemp -d -t largeimage-load-XXXXXX)"
server=""
peer=""
cleanup() {
  for pid in $server $peer; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$data"
}
trap cleanup EXIT

# The constant route (opt-in) returns as many bytes as the mean cached tile: the pyramid's 256² JPEG tiles as stored.
as_server env \
  Example__DataDirectory="$data" \
  Example__ConstantBytesLength=15000 \
  LargeImage__Cache__MemorySizeLimitBytes=$((cache_mib * 1024 * 1024)) \
  GDAL_CACHEMAX="$gdal_cache_mib" \
  DOTNET_GCHeapHardLimit="$(printf '0x%x' $((managed_mib * 1024 * 1024)))" \
  LargeImage__MaxOpenReaders="$open_readers" \
  Logging__LogLevel__Default=Warning \
  Urls="$url" \
  DOTNET_ENVIRONMENT=Production \
  "$root/example/LargeImage.Example/bin/Release/net10.0/LargeImage.Example" --contentRoot "$root/example/LargeImage.Example" &
server=$!

# First start seeds the demo images (the 16384² pyramid takes a while on a busy machine).
for _ in $(seq 1 600); do
  if curl -fs -o /dev/null "$url/api/image-file"; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then echo "the server exited" >&2; exit 1; fi
  sleep 1
done

# The peers, FastCGI apps behind one lighttpd with a process per core each: IIPImage with a tile cache the size of the
# rendered cache; MapServer with a raster layer of the file each request names (a validated runtime substitution),
# nearest resampling, PNG at zlib level 2 as this package writes it, and GDAL's block cache split between its
# processes so they hold what this package's does (MapServer 8 takes GDAL_CACHEMAX from its config file, not the
# environment). The load test asks IIPImage for its JPEG quality in each request.
iipsrv=/usr/lib/iipimage-server/iipsrv.fcgi
mapserv=/usr/bin/mapserv
peers="$data/peers"
peers_port=$((port + 1))
peer_args=()
if command -v lighttpd >/dev/null && [[ -x "$iipsrv" || -x "$mapserv" ]]; then
  mkdir "$peers"
  cat > "$peers/lighttpd.conf" <<EOF
server.modules = ("mod_fastcgi")
server.document-root = "$peers"
server.bind = "127.0.0.1"
server.port = $peers_port
server.errorlog = "$peers/error.log"
server.max-keep-alive-requests = 65535
fastcgi.server = ()
EOF
  if [[ -x "$iipsrv" ]]; then
    cat >> "$peers/lighttpd.conf" <<EOF
fastcgi.server += ("/iipsrv.fcgi" => ((
  "socket" => "$peers/iipsrv.socket", "bin-path" => "$iipsrv", "max-procs" => $(nproc), "check-local" => "disable",
  "bin-environment" => ("MAX_IMAGE_CACHE_SIZE" => "$cache_mib", "VERBOSITY" => "0")
)))
EOF
    peer_args+=(--iipimage-url "http://127.0.0.1:$peers_port/iipsrv.fcgi")
  fi
  if [[ -x "$mapserv" ]]; then
    cat > "$peers/cog.map" <<EOF
MAP
  EXTENT -20037508.34 -20037508.34 20037508.34 20037508.34
  PROJECTION
    "init=epsg:3857"
  END
  OUTPUTFORMAT
    NAME "png"
    DRIVER AGG/PNG
    MIMETYPE "image/png"
    IMAGEMODE RGBA
    TRANSPARENT ON
    FORMATOPTION "COMPRESSION=2"
  END
  WEB
    METADATA
      "wms_enable_request" "*"
      "wms_srs" "EPSG:3857"
      "wms_title" "cog"
    END
  END
  LAYER
    NAME "cog"
    TYPE RASTER
    STATUS ON
    VALIDATION
      "cog" "^/[^?*]+[.]tif$"
    END
    DATA "%cog%"
    PROJECTION
      "init=epsg:32633"
    END
    PROCESSING "RESAMPLE=NEAREST"
  END
END
EOF
    cat > "$peers/mapserver.conf" <<EOF
CONFIG
  ENV
    MS_MAPFILE "$peers/cog.map"
    GDAL_CACHEMAX "$((gdal_cache_mib / $(nproc)))"
  END
END
EOF
    cat >> "$peers/lighttpd.conf" <<EOF
fastcgi.server += ("/mapserv" => ((
  "socket" => "$peers/mapserv.socket", "bin-path" => "$mapserv", "max-procs" => $(nproc), "check-local" => "disable",
  "bin-environment" => ("MAPSERVER_CONFIG_FILE" => "$peers/mapserver.conf")
)))
EOF
    peer_args+=(--mapserver-url "http://127.0.0.1:$peers_port/mapserv")
  fi

  lighttpd -D -f "$peers/lighttpd.conf" &
  peer=$!
  sleep 1
  if kill -0 "$peer" 2>/dev/null; then
    peer_args+=(--peers-pid "$peer")
    echo "Peers behind lighttpd (pid $peer) on 127.0.0.1:$peers_port, $(nproc) processes each: $(dpkg-query -W -f='${Package} ${Version}; ' iipimage-server cgi-mapserver 2>/dev/null)"
  else
    echo "No peers: lighttpd did not start on port $peers_port."
    peer=""
    peer_args=()
  fi
else
  echo "No peers: apt-get install lighttpd and iipimage-server or cgi-mapserver to measure IIPImage or MapServer in the same run."
fi

echo "Server pid $server on $url; rendered cache ${cache_mib} MiB, ${open_readers} open readers, GDAL cache ${gdal_cache_mib} MiB, managed heap at most ${managed_mib} MiB; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/test/LargeImage.MinimalApi.LoadTest/bin/Release/net10.0/LargeImage.MinimalApi.LoadTest" --url "$url" --pid "$server" --rss-budget-mib "$rss_budget_mib" \
  --baseline-command "$baseline_command" "${peer_args[@]}"
echo "Load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
