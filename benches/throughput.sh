#!/usr/bin/env bash
# End-to-end throughput of `factlint check --format json` on the generated
# benchmark corpus, beside a bare ripgrep pass over the same files in the
# same run (numbers before words: the cheapest look at what factlint reads).
#
# Usage: benches/throughput.sh [ARTICLES...]     (default: 1000 10000)
#   CORPUS_DIR=path  where corpora are generated (default target/bench-corpus)
#
# Prints, per corpus size: size in MB; rg and factlint CPU seconds (user +
# system); factlint MB/s per core with 1 and 2 threads; the ratio to rg;
# wall time and peak RSS. Method and results: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v rg >/dev/null || {
  echo "needs ripgrep: apt-get install ripgrep (or cargo install ripgrep)" >&2
  exit 2
}
cargo build --release --quiet
bin=target/release/factlint
root=${CORPUS_DIR:-target/bench-corpus}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

# "user sys wall rss_kb" of a command; its own output is discarded.
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -o "$log" -f "%U %S %e %M" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$log"
  rm -f "$log"
}

printf '%-8s %8s %8s %8s %8s %8s %8s %8s %9s\n' articles MB rg_cpu fl_cpu1 MBps/core x_rg fl_wall2 MBps2 peak_MB
for n in "${sizes[@]}"; do
  dir=$root/$n
  [ -d "$dir" ] || cargo xtask corpus --articles "$n" --out "$dir"
  bytes=$(find "$dir" -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
  read -r ru rs _ _ <<<"$(measure rg -j1 -c '[0-9]+ [a-z]+' "$dir")"
  read -r fu fs fw1 frss <<<"$(measure env RAYON_NUM_THREADS=1 "$bin" check "$dir" --format json --quiet)"
  read -r gu gs gw grss <<<"$(measure env RAYON_NUM_THREADS=2 "$bin" check "$dir" --format json --quiet)"
  awk -v n="$n" -v b="$bytes" -v ru="$ru" -v rs="$rs" -v fu="$fu" -v fs="$fs" \
      -v gw="$gw" -v rss1="$frss" -v rss2="$grss" 'BEGIN {
    mb = b / 1e6; rg = ru + rs; fl = fu + fs; if (rg < 0.01) rg = 0.01
    peak = (rss1 > rss2 ? rss1 : rss2) / 1024
    printf "%-8d %8.1f %8.2f %8.2f %8.1f %8.0f %8.2f %8.1f %9.0f\n", n, mb, rg, fl, mb / fl, fl / rg, gw, mb / gw, peak
  }'
done
