# Process settings recommended for tile servers (README, Deployment and Benchmarks), sourced by example/run.sh, the
# load test and before benchmarks; each keeps a value already set.
# A 4 MiB gen0 budget keeps the per-tile garbage in cache-warm pages.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x400000}"
# glibc's defaults unmap the decoders' tile-sized buffers on free and fault them in again for the next tile, with an
# arena per busy thread: fixed thresholds and two arenas keep them in reuse.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-1048576}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-33554432}"
