#!/usr/bin/env bash
# Trains tiny TensorFlow ResNets (widths 4 and 8) many times with the default thread counts and
# fails at the first run that does not exit 0 (issue 13, item 1: these widths used to die with
# SIGABRT/SIGSEGV in oneDNN). Needs LOWFREQ_DATA (CIFAR-10 binaries).
#   bench/tiny-width-stress.sh [runs=20]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
: "${LOWFREQ_DATA:?set LOWFREQ_DATA to the folder holding cifar-10-batches-bin}"
work="$(mktemp -d "${TMPDIR:-/tmp}/lowfreq-stress.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/crash"
export LOWFREQ_CRASH_DIR="$work/crash"
cd "$work"
failed=0
for ((i = 1; i <= runs; i++)); do
  for width in 4 8; do
    out="$work/w$width-$i"
    "$root/lowfreq" train --width "$width" --train-limit 256 --test-limit 128 --epochs 1 --seed "$i" \
      --out "$out" >"$work/log" 2>&1
    rc=$?
    printf 'run %2d width %d exit %d\n' "$i" "$width" "$rc"
    if ((rc != 0)); then
      failed=$((failed + 1))
      tail -5 "$work/log"
    fi
    rm -rf "$out"
  done
done
strays=$(find "$work" -maxdepth 1 -name 'hs_err_pid*' -o -maxdepth 1 -name 'core*' | wc -l)
echo "runs: $((runs * 2)), failed: $failed, crash files in the working folder: $strays, in the crash folder: $(ls "$work/crash" | wc -l)"
((failed == 0))
