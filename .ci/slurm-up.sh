#!/usr/bin/env bash
# Starts a private single-node Slurm (Debian's slurmctld + slurmd, auth/none, no munge) on localhost.
# Usage: .ci/slurm-up.sh DIR   -- everything (config, state, spool, pids, logs) lives under DIR.
# Prints "SLURM_CONF=DIR/slurm.conf" on success; exits non-zero when Slurm cannot be installed or started.
# Installs the packages with apt-get when they are missing and we are root. Stop it with .ci/slurm-down.sh DIR.
set -euo pipefail
dir="${1:?usage: slurm-up.sh DIR}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null; then
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
    echo "slurm-up: Slurm is not installed and apt-get is not usable here" >&2
    exit 3
  fi
  export DEBIAN_FRONTEND=noninteractive
  # apt-get update only when the package is unknown (it is slow and hits the network)
  if ! apt-cache show slurmctld >/dev/null 2>&1; then
    apt-get update -qq >&2 || true
  fi
  apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client >&2 || {
    echo "slurm-up: apt-get install of slurmctld slurmd slurm-client failed" >&2
    exit 3
  }
fi

host="$(hostname -s)"
mkdir -p "$dir/state" "$dir/spool" "$dir/log"
node_line="$(slurmd -C | head -1)"           # NodeName=<host> CPUs=... RealMemory=...
node_line="${node_line/NodeName=$host/NodeName=$host NodeAddr=127.0.0.1}"
cat > "$dir/slurm.conf" <<CONF
ClusterName=lowfreq
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/none
CredType=cred/none
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
SchedulerParameters=batch_sched_delay=0
DependencyParameters=kill_invalid_depend
MailProg=/bin/true
MinJobAge=3600
ReturnToService=2
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
$node_line State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"

wait_for_file() { for _ in $(seq 1 100); do [[ -s "$1" ]] && return 0; sleep 0.1; done; return 1; }
slurmctld -f "$SLURM_CONF" -i
wait_for_file "$dir/slurmctld.pid" || { echo "slurm-up: slurmctld did not start; see $dir/log/slurmctld.log" >&2; exit 4; }
slurmd -f "$SLURM_CONF"
wait_for_file "$dir/slurmd.pid" || { echo "slurm-up: slurmd did not start; see $dir/log/slurmd.log" >&2; exit 4; }
for _ in $(seq 1 150); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    echo "SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.2
done
echo "slurm-up: the node did not become idle; see $dir/log/" >&2
exit 4
