#!/usr/bin/env bash
# Side by side: `lowfreq bench pytorch` (libtorch through the pytorch backend) and PyTorch in Python
# (tools/bench-pytorch.py) on the same TorchScript files, alternating the two programs ROUNDS times,
# then the median of the per-round ratios Java / Python of images/s (1.0 = same speed).
# Usage: tools/bench-pytorch.sh ROUNDS FILE.pt [FILE.pt ...]   (extra options via BENCH_ARGS)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="$1"; shift
args=${BENCH_ARGS:---batch-size 128 --steps 10 --warmup 2}
for file in "$@"; do
  log="$(mktemp)"
  for ((r = 1; r <= rounds; r++)); do
    "$root/lowfreq" -q bench pytorch "$file" $args | tee -a "$log"
    python3 "$root/tools/bench-pytorch.py" "$file" $args | tee -a "$log"
  done
  python3 - "$log" "$file" <<'PY'
import re, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
def rates(prefix):
    return [tuple(map(float, re.findall(r"([0-9.]+) images/s", l))) for l in lines if l.startswith(prefix)]
java, py = rates("java"), rates("python")
for k, what in enumerate(("logits", "input gradient")):
    ratios = [j[k] / p[k] for j, p in zip(java, py)]
    print(f"{sys.argv[2]}: {what}: median java {statistics.median(j[k] for j in java):.1f} images/s, "
          f"python {statistics.median(p[k] for p in py):.1f} images/s, median ratio java/python "
          f"{statistics.median(ratios):.3f} over {len(ratios)} rounds")
PY
  rm -f "$log"
done
