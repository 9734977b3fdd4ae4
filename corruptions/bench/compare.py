"""Side-by-side CPU time per image: lowfreq against the reference generator, on the same first N
CIFAR-10 test images, the two programs run alternately ROUNDS times; prints the medians and
their ratio per corruption (the table of docs/BENCHMARKS.md, section Corruptions).

    python3 corruptions/bench/compare.py make_cifar_c.py DATA_ROOT [N] [ROUNDS] [names]

Run from the repository root. lowfreq runs single-threaded, like the reference; frost comes from
the copies in the jar for both. See reference_timing.py for what the reference side needs.
"""
import os
import statistics
import subprocess
import sys

FROST = "corruptions/src/main/resources/org/lowfreq/corruptions/frost"


def table(cmd, env=None):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    cpu = {}
    for line in out.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2].replace(".", "", 1).isdigit():
            cpu[cells[0]] = float(cells[2])
    return cpu


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    make_c, data_root = sys.argv[1], sys.argv[2]
    n = sys.argv[3] if len(sys.argv) > 3 else "500"
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    names = sys.argv[5] if len(sys.argv) > 5 else "all"
    here = os.path.dirname(os.path.abspath(__file__))
    ours_cmd = ["./lowfreq", "bench", "corruptions", "--dataset", "cifar10", "--images", n, "--threads", "1",
                "--corruptions", names, "--data-dir", data_root]
    ref_cmd = [sys.executable, os.path.join(here, "reference_timing.py"), make_c, data_root, FROST, n]
    if names != "all":
        ref_cmd.append(names)
    ours, ref = [], []
    for r in range(rounds):
        ours.append(table(ours_cmd))
        ref.append(table(ref_cmd))
        print(f"round {r + 1} of {rounds} done", file=sys.stderr, flush=True)
    print(f"| corruption | lowfreq CPU µs/image | reference CPU µs/image | speed-up |")
    print("|---|---|---|---|")
    for name in ours[0]:
        a = statistics.median(t[name] for t in ours)
        b = statistics.median(t[name] for t in ref)
        print(f"| {name} | {a:.1f} | {b:.1f} | {b / a:.1f}x |")
    print(f"(medians of {rounds} alternating runs, {n} images x 5 severities each)")


if __name__ == "__main__":
    main()
