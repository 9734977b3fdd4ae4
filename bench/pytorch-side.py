#!/usr/bin/env python3
"""The PyTorch side of bench/vs-pytorch.sh: the same workloads as lowfreq, in plain PyTorch.

Subcommands (each prints one line in the format of the lowfreq command it is compared with):
  steps W        ResNet-18 of width W (tools/make-resnet18.py's network: the architecture of
                 lowfreq's CIFAR ResNet-18) on random [0,1] images: a training step, inference and
                 the input gradient, images/s, as `lowfreq bench tensorflow --width W`.
  epoch          The whole training run of `lowfreq train` (see train_run below) on CIFAR-10.
  torchscript F  Logits and input gradient of a TorchScript file, as `lowfreq bench pytorch F`.
Needs Debian's python3-torch (torchvision is not used). Timing: the mean over --steps steps
after --warmup untimed ones, as lowfreq times them.
"""
import argparse
import importlib.util
import os
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def resnet18(width, classes=10):
    """tools/make-resnet18.py's network, initialised as lowfreq initialises its own."""
    spec = importlib.util.spec_from_file_location("make_resnet18", os.path.join(ROOT, "tools", "make-resnet18.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.ResNet18(width, classes)
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            # He-normal, fan-out (lowfreq's NetworkBuilder and torchvision's ResNet); BN stays 1/0,
            # the head keeps PyTorch's uniform(+-1/sqrt(fan-in)), which is lowfreq's too
            nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
    return model


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


def sgd(model, lr, weight_decay):
    """SGD momentum 0.9 with weight decay on convolution and dense kernels only, as lowfreq."""
    decayed = [p for n, p in model.named_parameters() if p.dim() > 1]
    others = [p for n, p in model.named_parameters() if p.dim() <= 1]
    return torch.optim.SGD([{"params": decayed, "weight_decay": weight_decay},
                            {"params": others, "weight_decay": 0.0}], lr=lr, momentum=0.9)


def timed(step, warmup, steps, batch):
    for _ in range(warmup):
        step()
    t = time.perf_counter()
    for _ in range(steps):
        step()
    return steps * batch / (time.perf_counter() - t)


def steps_command(a):
    torch.manual_seed(0)
    model = resnet18(a.width)
    g = torch.Generator().manual_seed(1)
    x = torch.rand(a.batch_size, 3, 32, 32, generator=g)
    y = torch.randint(0, 10, (a.batch_size,), generator=g)
    opt = sgd(model, 0.01, 1e-4)

    def train_step():
        model.train()
        opt.zero_grad(set_to_none=True)
        F.cross_entropy(model(x), y).backward()
        opt.step()

    def inference():
        with torch.inference_mode():
            model(x)

    def input_gradient():
        # only d loss / d images, as lowfreq's gradient graph and any attack: no weight gradients
        xi = x.clone().requires_grad_(True)
        loss = F.cross_entropy(model(xi), y, reduction="sum")
        return torch.autograd.grad(loss, xi)[0]

    rates = {"train": timed(train_step, a.warmup, a.steps, a.batch_size)}
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    rates["inference"] = timed(inference, a.warmup, a.steps, a.batch_size)
    rates["input-gradient"] = timed(input_gradient, a.warmup, a.steps, a.batch_size)
    print(f"python resnet18 w{a.width} ({parameter_count(model)} parameters) batch {a.batch_size} "
          f"[threads={torch.get_num_threads()} torch={torch.__version__}]: train {rates['train']:.1f}, "
          f"inference {rates['inference']:.1f}, input-gradient {rates['input-gradient']:.1f} images/s", flush=True)


def read_cifar(root, files):
    raw = np.concatenate([np.fromfile(os.path.join(root, "cifar-10-batches-bin", f), dtype=np.uint8).reshape(-1, 3073)
                          for f in files])
    return (torch.from_numpy(raw[:, 1:].astype(np.float32) / 255.0).reshape(-1, 3, 32, 32),
            torch.from_numpy(raw[:, 0].astype(np.int64)))


def augment(x, g):
    """Per image: reflect-pad 4, a random 32 px crop, a horizontal flip with probability 1/2."""
    b = x.shape[0]
    padded = F.pad(x, (4, 4, 4, 4), mode="reflect")
    dy = torch.randint(0, 9, (b, 1), generator=g)
    dx = torch.randint(0, 9, (b, 1), generator=g)
    flip = torch.rand(b, generator=g) < 0.5
    r = torch.arange(32)
    rows = (dy + r)[:, None, :, None]
    cols = torch.where(flip[:, None], dx + 31 - r, dx + r)[:, None, None, :]
    return padded[torch.arange(b)[:, None, None, None], torch.arange(3)[None, :, None, None], rows, cols]


def evaluate(model, x, y, batch):
    model.eval()
    loss, correct = 0.0, 0
    with torch.inference_mode():
        for i in range(0, len(x), batch):
            logits = model(x[i:i + batch])
            loss += F.cross_entropy(logits, y[i:i + batch], reduction="sum").item()
            correct += (logits.argmax(1) == y[i:i + batch]).sum().item()
    return loss / len(x), correct / len(x)


def epoch_command(a):
    """lowfreq train's recipe (docs/METHODS.md section 5): 95/5 train/validation split from the seed,
    per-image reflect-pad-4 crop + flip, SGD momentum 0.9, weight decay 1e-4 on kernels, lr
    lr * 0.3^floor((epoch mod 12)/4), batch 128 (a last batch of one image dropped), after each
    epoch a validation pass and a checkpoint of the best epoch, at the end a test pass."""
    t0 = time.perf_counter()
    torch.manual_seed(a.seed)
    g = torch.Generator().manual_seed(a.seed)
    x, y = read_cifar(a.data, [f"data_batch_{i}.bin" for i in range(1, 6)])
    xt, yt = read_cifar(a.data, ["test_batch.bin"])
    order = torch.randperm(len(x), generator=g)
    nval = round(len(x) * 0.05)
    xv, yv = x[order[:nval]], y[order[:nval]]
    xtr, ytr = x[order[nval:]], y[order[nval:]]
    model = resnet18(a.width)
    opt = sgd(model, a.lr, 1e-4)
    best, best_state = float("inf"), None
    for epoch in range(a.epochs):
        for group in opt.param_groups:
            group["lr"] = a.lr * 0.3 ** ((epoch % 12) // 4)
        model.train()
        perm = torch.randperm(len(xtr), generator=g)
        n = len(xtr)
        steps = n // a.batch_size if n % a.batch_size == 1 else (n + a.batch_size - 1) // a.batch_size
        te = time.perf_counter()
        for s in range(steps):
            idx = perm[s * a.batch_size:(s + 1) * a.batch_size]
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(model(augment(xtr[idx], g)), ytr[idx]).backward()
            opt.step()
        train_seconds = time.perf_counter() - te
        val_loss, val_acc = evaluate(model, xv, yv, a.batch_size)
        if val_loss < best:
            best, best_state = val_loss, {k: v.clone() for k, v in model.state_dict().items()}
        print(f"python epoch {epoch + 1}: {n / train_seconds:.1f} training images/s, validation loss {val_loss:.4f} "
              f"accuracy {val_acc:.4f}", flush=True)
    model.load_state_dict(best_state)
    test_loss, test_acc = evaluate(model, xt, yt, a.batch_size)
    print(f"python train w{a.width} ({parameter_count(model)} parameters) {a.epochs} epoch(s) "
          f"[threads={torch.get_num_threads()}]: test accuracy {test_acc:.4f}, "
          f"{time.perf_counter() - t0:.1f} s in the process", flush=True)


def torchscript_command(a):
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

    tl = timed(logits, a.warmup, a.steps, a.batch_size)
    tg = timed(gradient, a.warmup, a.steps, a.batch_size)
    name = a.file.rsplit("/", 1)[-1]
    print(f"python {name} batch {a.batch_size}: logits {tl:.1f} images/s, input gradient {tg:.1f} images/s")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=0, help="torch threads (0 = PyTorch's default)")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("steps")
    s.add_argument("width", type=int)
    e = sub.add_parser("epoch")
    e.add_argument("--width", type=int, default=16)
    e.add_argument("--epochs", type=int, default=1)
    e.add_argument("--lr", type=float, default=0.05)
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--data", required=True, help="folder holding cifar-10-batches-bin/")
    t = sub.add_parser("torchscript")
    t.add_argument("file")
    t.add_argument("--size", type=int, default=32)
    t.add_argument("--classes", type=int, default=10)
    a = p.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    {"steps": steps_command, "epoch": epoch_command, "torchscript": torchscript_command}[a.command](a)


if __name__ == "__main__":
    main()
