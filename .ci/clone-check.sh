#!/usr/bin/env bash
# The "works anywhere" check: copies the repository's tracked files to a temporary folder with no
# ../shared next to it, points LOWFREQ_DATA at a folder that holds only the CIFAR-10 binaries, and
# runs there the commands that need resources which must travel with the code (frost images from
# the corruptions jar, the experiment files). Run by .ci/run; by hand:
#   .ci/clone-check.sh DATA_ROOT        (DATA_ROOT holds cifar-10-batches-bin/; default $LOWFREQ_DATA)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-${LOWFREQ_DATA:-}}"
if [[ -z "$data" || ! -f "$data/cifar-10-batches-bin/test_batch.bin" ]]; then
  echo "clone-check: pass a data root that holds cifar-10-batches-bin/ (or set LOWFREQ_DATA)" >&2
  exit 2
fi
data="$(cd "$data" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/lowfreq-clone-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/clone" "$work/data"
# tracked files only, as a clone has them (no target/, no ../shared)
(cd "$repo" && git ls-files -z | tar --null -T - -cf -) | tar -C "$work/clone" -xf -
ln -s "$data/cifar-10-batches-bin" "$work/data/cifar-10-batches-bin"
export LOWFREQ_DATA="$work/data"
unset LOWFREQ_FROST_DIR
cd "$work/clone"
step() { echo "clone-check: $*" >&2; "$@"; }
step ./lowfreq -q corrupt --corruptions frost,fog --limit 10 --out "$work/c"
step ./lowfreq -q train --backend reference --arch linear --epochs 1 --batch-size 32 --train-limit 200 --test-limit 50 \
  --out "$work/linear"
step ./lowfreq -q probe corruption --generate --limit 10 --model "$work/linear" --out "$work/probe"
step ./lowfreq plan experiments/paper-cifar10.yaml > "$work/plan.txt"
grep -q "experiment paper-cifar10" "$work/plan.txt"
[[ -f "$work/c/frost.npy" && -f "$work/probe/results.csv" ]]
echo "clone-check: ok (a copy without ../shared corrupts with frost from the jar, probes and plans the paper study)" >&2
