#!/usr/bin/env bash
# The kill test (issue 13): runs a small TensorFlow experiment once without interruption, then
# again in a second store while killing 'lowfreq run' with SIGKILL 20 times at random moments,
# lets the second run finish, and checks that
#   - the collected CSV equals the uninterrupted run's (creation times left out), and
#   - no temporary file (hidden name) is left in STORE/jobs.
# Needs LOWFREQ_DATA (CIFAR-10 binaries). Usage: bench/kill-test.sh [kills=20] [max-seconds-between]
# The default gap is a quarter of the reference run's time, so the kills spread over the whole run.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kills="${1:-20}"
gap="${2:-}"
: "${LOWFREQ_DATA:?set LOWFREQ_DATA to the folder holding cifar-10-batches-bin}"
work="$(mktemp -d "${TMPDIR:-/tmp}/lowfreq-kill.XXXXXX")"
export LOWFREQ_CRASH_DIR="$work"
cat >"$work/kill.yaml" <<'YAML'
name: kill
dataset: cifar10
seed: 0
model_defaults:
  backend: tensorflow
  arch: resnet18
  width: 4
  epochs: 2
  batch_size: 64
  learning_rate: 0.05
  train_limit: 512
  test_limit: 128
  threads: 2
models:
  - name: base
  - name: blur
    blur_sigma: 1.0
probes:
  - probe: hybrid
    limit: 64
    options: {seeds: 1}
attacks:
  - norm: linf
    n: 8
report: true
YAML
lf() { "$root/lowfreq" --quiet "$@"; }
without_created() { # drops created_utc, the last column of a collected table (notes may hold commas)
  [[ "$(head -1 "$1")" == *,created_utc ]] || { echo "unexpected header in $1" >&2; return 1; }
  sed 's/,[^,]*$//' "$1" | sort
}

echo "reference run ..."
t0=$(date +%s)
lf run "$work/kill.yaml" --store "$work/ref" >"$work/ref.log" 2>&1 || { echo "reference run failed"; tail "$work/ref.log"; exit 1; }
took=$(($(date +%s) - t0))
echo "reference run: $took s"
gap="${gap:-$((took / 4 > 5 ? took / 4 : 5))}"
echo "killing $kills times, each 1 to $gap s after the start of a run"

for ((k = 1; k <= kills; k++)); do
  "$root/lowfreq" --quiet run "$work/kill.yaml" --store "$work/killed" >>"$work/killed.log" 2>&1 &
  pid=$!
  sleep "$((RANDOM % gap + 1)).$((RANDOM % 10))"
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid"
    wait "$pid" 2>/dev/null
    echo "kill $k: SIGKILL after the run had $(ls "$work/killed/jobs" 2>/dev/null | wc -l) finished job(s)"
  else
    wait "$pid"
    echo "kill $k: the run had already ended ($(ls "$work/killed/jobs" | wc -l) jobs)"
  fi
done
sleep 1
lf run "$work/kill.yaml" --store "$work/killed" >>"$work/killed.log" 2>&1 || { echo "final run failed"; tail "$work/killed.log"; exit 1; }

lf collect "$work/ref" --out "$work/ref.csv" >/dev/null && lf collect "$work/killed" --out "$work/killed.csv" >/dev/null
status=0
if diff <(without_created "$work/ref.csv") <(without_created "$work/killed.csv") >"$work/diff.txt"; then
  echo "collected CSV: identical ($(($(wc -l <"$work/ref.csv") - 1)) rows)"
else
  echo "collected CSV: DIFFERENT (see $work/diff.txt)"; head -20 "$work/diff.txt"; status=1
fi
temps=$(find "$work/killed/jobs" -name '.*' | wc -l)
echo "temporary files in jobs/: $temps"
((temps == 0)) || { find "$work/killed/jobs" -name '.*' | head; status=1; }
orphans=$(pgrep -f "run-job .*--store $work/killed" | wc -l)
echo "job processes left running: $orphans"
((orphans == 0)) || status=1
echo "work folder: $work"
exit $status
