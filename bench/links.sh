#!/usr/bin/env bash
# Runs only the links benchmark of bench/README.md: the links of one report among 1,000,000 seeded reports and their
# blind indexes, beside the bare index probe, on SQLite, and on PostgreSQL when BENCH_POSTGRES holds an admin connection string. In-process, bounded, cleans up after itself.
# Exit status: 0 every target met; 3 a target missed; anything else: the run broke.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
results="$root/bench/out/$(date -u +%Y%m%dT%H%M%SZ)-links"
mkdir -p "$results"
command -v dotnet >/dev/null || { echo "bench: the .NET SDK is missing" >&2; exit 1; }
echo "building (Release)..." >&2
dotnet build "$root/bench/Links/Links.csproj" -c Release -o "$root/bench/out/build/links" -nologo >"$results/build.log" 2>&1 \
  || { tail -30 "$results/build.log" >&2; echo "bench: build failed (see $results/build.log)" >&2; exit 1; }
[[ -n "${BENCH_POSTGRES:-}" ]] || echo "PostgreSQL will be skipped: set BENCH_POSTGRES (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres)" >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$results/summary.txt"
set +e
(cd "$results" && timeout 1200 dotnet "$root/bench/out/build/links/Links.dll" \
  --rows "${BENCH_LINKS_ROWS:-1000000}" --iterations "${BENCH_LINKS_ITERATIONS:-300}" "$@") >"$results/links.txt" 2>&1
code=$?
set -e
{ grep -E '^LINKS ' "$results/links.txt" || true; } | tee -a "$results/summary.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/summary.txt"
echo "Full output: $results"
exit "$code"
