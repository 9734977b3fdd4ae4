#!/usr/bin/env bash
# lowfreq against PyTorch on this machine, side by side: the two programs run in alternation
# (the order swapped every round), each pair gives a ratio lowfreq/PyTorch of speed, and the
# median over the rounds is printed. See bench/README.md.
#
#   bench/vs-pytorch.sh                                  # widths 16 and 64, step workloads + 1-epoch training, 3 rounds
#   bench/vs-pytorch.sh --widths 16 --workloads steps --rounds 1   # a quick look
#   bench/vs-pytorch.sh --torchscript resnet18-w16.pt    # the pytorch backend against PyTorch on one TorchScript file
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  cat <<'EOF'
Usage: bench/vs-pytorch.sh [options]
  --widths LIST      ResNet-18 widths of the step workloads (default 16,64)
  --workloads LIST   steps (train step, inference, input gradient on random images) and/or
                     epoch (a whole `lowfreq train --epochs 1` run against the same recipe in PyTorch)
                     (default steps,epoch)
  --rounds N         alternating pairs per comparison, at least 1; quote medians of >= 3 (default 3)
  --threads N        compute threads of both programs (default: the number of CPUs, nproc)
  --steps N          timed steps per workload (default 10 at width <= 32, 3 above)
  --warmup N         untimed steps first (default 2 at width <= 32, 1 above)
  --epoch-width W    width of the training run (default 16)
  --data-dir DIR     data root holding cifar-10-batches-bin/ (default $LOWFREQ_DATA, else ~/.cache/lowfreq)
  --torchscript F    instead: `lowfreq bench pytorch F` (the pytorch backend) against PyTorch on the same file
  --python P         Python with torch (default /usr/bin/python3, Debian's, where python3-torch installs)
Installs Debian's python3-torch with apt-get when P cannot import torch.
EOF
}

widths=16,64 workloads=steps,epoch rounds=3 threads="$(nproc)" steps="" warmup="" epoch_width=16
data="${LOWFREQ_DATA:-$HOME/.cache/lowfreq}" torchscript="" python=/usr/bin/python3
while (($#)); do
  case "$1" in
    --widths) widths="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --epoch-width) epoch_width="$2"; shift 2 ;;
    --data-dir) data="$2"; shift 2 ;;
    --torchscript) torchscript="$2"; shift 2 ;;
    --python) python="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "vs-pytorch: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
for v in "$rounds" "$threads"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "vs-pytorch: --rounds and --threads take a whole number >= 1, got '$v'" >&2; exit 2; }
done
for w in ${workloads//,/ }; do
  [[ "$w" == steps || "$w" == epoch ]] || { echo "vs-pytorch: unknown workload '$w' (steps, epoch)" >&2; exit 2; }
done

if [[ -z "$torchscript" && ",$workloads," == *,epoch,* && ! -d "$data/cifar-10-batches-bin" ]]; then
  echo "vs-pytorch: no cifar-10-batches-bin in $data; pass --data-dir or set LOWFREQ_DATA (./lowfreq data fetch cifar10 downloads it)" >&2
  exit 1
fi
[[ -z "$torchscript" || -f "$torchscript" ]] || { echo "vs-pytorch: no file $torchscript (tools/make-resnet18.py makes one)" >&2; exit 1; }

if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "vs-pytorch: $python cannot import torch; installing Debian's python3-torch" >&2
  sudo=""; (( EUID == 0 )) || sudo=sudo
  $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch >&2
  "$python" -c 'import torch' || { echo "vs-pytorch: still no torch for $python; pass --python" >&2; exit 1; }
fi
side=("$python" "$root/bench/pytorch-side.py" --threads "$threads")

work="$(mktemp -d "${TMPDIR:-/tmp}/vs-pytorch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
log="$work/log"
echo "vs-pytorch: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), threads $threads, rounds $rounds"
echo "vs-pytorch: lowfreq $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?'), PyTorch $("$python" -c 'import torch; print(torch.__version__)')"
busy="$(awk -v n="$(nproc)" '{ print ($1 > 0.5 * n) ? $1 : "" }' /proc/loadavg)"
if [[ -n "$busy" ]]; then
  echo "vs-pytorch: warning: load average $busy on $(nproc) CPUs: other processes are running, so the ratios are unreliable" \
    "(PyTorch's OpenMP threads spin-wait and suffer most; --threads 1 is less affected)" >&2
fi
"$root/lowfreq" -q plugins >/dev/null # builds lowfreq first if needed, so no build is timed

load() { cut -d' ' -f1-3 /proc/loadavg; }
# run TAG COMMAND...: runs one side, keeps its output lines in the log, tagged; its wall seconds too
run() {
  local tag="$1"; shift
  local t0 t1 out
  t0=$(date +%s.%N)
  out="$("$@" 2>"$work/stderr")" || { echo "vs-pytorch: failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
  t1=$(date +%s.%N)
  echo "$out" | sed "s/^/  /"
  echo "$out" | sed "s|^|$tag |" >>"$log"
  echo "$tag wall $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') load $(load)" >>"$log"
}
# pair ROUND TAG LOWFREQ-COMMAND -- PYTHON-COMMAND: the two in alternating order
pair() {
  local round="$1" tag="$2"; shift 2
  local lf=() py=()
  while [[ "$1" != "--" ]]; do lf+=("$1"); shift; done
  shift; py=("$@")
  echo "round $round, $tag (load average $(load)):"
  if (( round % 2 == 1 )); then run "$tag lowfreq" "${lf[@]}"; run "$tag python" "${py[@]}"
  else run "$tag python" "${py[@]}"; run "$tag lowfreq" "${lf[@]}"; fi
}

for ((r = 1; r <= rounds; r++)); do
  if [[ -n "$torchscript" ]]; then
    args=(--batch-size 128 --steps "${steps:-10}" --warmup "${warmup:-2}")
    pair "$r" "torchscript" "$root/lowfreq" -q bench pytorch "$torchscript" "${args[@]}" --threads "$threads" \
      -- "${side[@]}" "${args[@]}" torchscript "$torchscript"
    continue
  fi
  for wl in ${workloads//,/ }; do
    if [[ "$wl" == steps ]]; then
      for w in ${widths//,/ }; do
        s="${steps:-$( ((w <= 32)) && echo 10 || echo 3)}"; u="${warmup:-$( ((w <= 32)) && echo 2 || echo 1)}"
        pair "$r" "w$w" "$root/lowfreq" -q bench tensorflow --width "$w" --batch-size 128 --steps "$s" --warmup "$u" \
            --intra-op "$threads" --inter-op 1 \
          -- "${side[@]}" --batch-size 128 --steps "$s" --warmup "$u" steps "$w"
      done
    else
      pair "$r" "epoch" "$root/lowfreq" -q --data-dir "$data" train --width "$epoch_width" --epochs 1 --threads "$threads" \
          --out "$work/model-$r" \
        -- "${side[@]}" epoch --width "$epoch_width" --epochs 1 --data "$data"
    fi
  done
done

echo
echo "summary (ratio = lowfreq speed / PyTorch speed per alternating pair; > 1: lowfreq is faster):"
"$python" - "$log" <<'PY'
import re, statistics, sys
from collections import defaultdict
rates = defaultdict(list)  # (tag, side, workload) -> values in round order
for line in open(sys.argv[1]):
    tag, side, rest = line.split(" ", 2)
    m = re.match(r"wall ([0-9.]+) load (.*)", rest)
    if m:
        rates[(tag, side, "wall seconds")].append(float(m.group(1)))
        rates[(tag, side, "load")].append(m.group(2).strip())
        continue
    if " batch " not in rest:
        continue  # progress lines; each side's result is one line naming its batch
    for name, value in re.findall(r"(train|inference|input-gradient|logits|input gradient) ([0-9.]+)", rest):
        rates[(tag, side, name)].append(float(value))
    for value in re.findall(r"\(([0-9]+) parameters\)", rest):
        rates[(tag, side, "parameters")].append(int(value))
tags = sorted({k[0] for k in rates}, key=lambda t: (t == "epoch", int(t[1:]) if t[1:].isdigit() else 0))
for tag in tags:
    p = rates.get((tag, "lowfreq", "parameters")), rates.get((tag, "python", "parameters"))
    if p[0] and p[1]:
        same = "equal" if p[0][0] == p[1][0] else "DIFFERENT: the networks are not the same"
        print(f"{tag}: parameters lowfreq {p[0][0]}, PyTorch {p[1][0]} ({same})")
    names = ["wall seconds"] if tag == "epoch" else \
        [n for n in ("train", "inference", "input-gradient", "logits", "input gradient") if (tag, "lowfreq", n) in rates]
    for n in names:
        lf, py = rates[(tag, "lowfreq", n)], rates[(tag, "python", n)]
        # for wall seconds a shorter time is the faster program
        ratios = [b / a if n == "wall seconds" else a / b for a, b in zip(lf, py)]
        unit = "s" if n == "wall seconds" else "images/s"
        what = "whole 1-epoch training run" if n == "wall seconds" else n
        print(f"{tag} {what}: lowfreq {' '.join(f'{v:.1f}' for v in lf)} {unit}; PyTorch "
              f"{' '.join(f'{v:.1f}' for v in py)} {unit}; ratios {' '.join(f'{x:.2f}' for x in ratios)}; "
              f"median {statistics.median(ratios):.2f}x over {len(ratios)} pair(s)")
PY
echo "load average at the end: $(load)"
