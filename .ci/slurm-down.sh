#!/usr/bin/env bash
# Stops the Slurm started by .ci/slurm-up.sh DIR: cancels its jobs, then stops the daemons by pid file.
set -uo pipefail
dir="${1:?usage: slurm-down.sh DIR}"
export SLURM_CONF="$dir/slurm.conf"
[[ -f "$SLURM_CONF" ]] && command -v scancel >/dev/null && scancel --full --quiet --user="$(id -un)" 2>/dev/null
for daemon in slurmd slurmctld; do
  pidfile="$dir/$daemon.pid"
  [[ -s "$pidfile" ]] || continue
  pid="$(cat "$pidfile")"
  kill -TERM "$pid" 2>/dev/null || continue
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  rm -f "$pidfile"
done
exit 0
