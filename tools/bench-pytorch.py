#!/usr/bin/env python3
"""PyTorch's own speed on a TorchScript file: the Python side of `lowfreq bench pytorch`.

Times exactly what the pytorch backend does per batch: logits under torch.inference_mode(), and the
cross-entropy input gradient (input requires grad, loss summed over the batch, backward), on random
[0,1] NCHW images, median seconds per batch after warm-up. Prints one line in the same format as
`lowfreq bench pytorch`. Needs Debian's python3-torch.
Usage: python3 tools/bench-pytorch.py resnet18-w16.pt --batch-size 128 --steps 10
"""
import argparse
import statistics
import time

import torch
import torch.nn.functional as F


def timed(step, warmup, steps):
    for _ in range(warmup):
        step()
    s = []
    for _ in range(steps):
        t = time.perf_counter()
        step()
        s.append(time.perf_counter() - t)
    return sorted(s)[steps // 2]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("file")
    p.add_argument("--size", type=int, default=32)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--threads", type=int, default=0)
    a = p.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    model = torch.jit.load(a.file).eval()
    g = torch.Generator().manual_seed(1)
    x = torch.rand(a.batch_size, 3, a.size, a.size, generator=g)
    targets = torch.arange(a.batch_size) % a.classes

    def logits():
        with torch.inference_mode():
            model(x)

    def gradient():
        xi = x.clone().requires_grad_(True)
        F.cross_entropy(model(xi), targets, reduction="sum").backward()
        return xi.grad

    tl = timed(logits, a.warmup, a.steps)
    tg = timed(gradient, a.warmup, a.steps)
    name = a.file.rsplit("/", 1)[-1]
    print(f"python {name} batch {a.batch_size}: logits {a.batch_size / tl:.1f} images/s, "
          f"input gradient {a.batch_size / tg:.1f} images/s")


if __name__ == "__main__":
    main()
