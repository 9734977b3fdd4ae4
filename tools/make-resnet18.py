#!/usr/bin/env python3
"""Traces the CIFAR ResNet-18 of lowfreq's TensorFlow backend in PyTorch, for `lowfreq bench pytorch`.

Same architecture as backend-tensorflow's resnet18 (32 px): 3x3/1 stem without max-pool, basic
blocks [2, 2, 2, 2] with channels w, 2w, 4w, 8w, global average pool, linear head; batch norm in
eval mode. Takes [0,1] NCHW images with the CIFAR-10 normalisation inside the module.

With --data DIR (a folder holding cifar-10-batches-bin/) and --epochs E > 0 it is first trained
briefly (SGD momentum 0.9, lr 0.05, batch 128, random crop + flip, seed 0) on the first
--train-images images of the training split;
otherwise its weights stay at the seeded initialisation (enough for speed measurements).

Needs Debian's python3-torch. Usage:
  python3 tools/make-resnet18.py --width 16 --out resnet18-w16.pt
  python3 tools/make-resnet18.py --width 16 --epochs 1 --data "$LOWFREQ_DATA" --out resnet18-w16-trained.pt
"""
import argparse
import os

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

MEAN = (0.4914, 0.4822, 0.4465)
STD = (0.2470, 0.2435, 0.2616)


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + self.shortcut(x))


class ResNet18(nn.Module):
    def __init__(self, width, classes=10):
        super().__init__()
        self.register_buffer("mean", torch.tensor(MEAN).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(STD).view(1, 3, 1, 1))
        self.conv1 = nn.Conv2d(3, width, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        layers, cin = [], width
        for i, stride in enumerate((1, 2, 2, 2)):
            cout = width * 2 ** i
            layers += [BasicBlock(cin, cout, stride), BasicBlock(cout, cout, 1)]
            cin = cout
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x):
        x = (x - self.mean) / self.std
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layers(x)
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def read_train(root):
    parts = [np.fromfile(os.path.join(root, "cifar-10-batches-bin", f"data_batch_{i}.bin"), dtype=np.uint8)
             .reshape(-1, 3073) for i in range(1, 6)]
    raw = np.concatenate(parts)
    return (torch.from_numpy(raw[:, 1:].astype(np.float32) / 255.0).reshape(-1, 3, 32, 32),
            torch.from_numpy(raw[:, 0].astype(np.int64)))


def train(model, root, epochs, limit):
    x, y = read_train(root)
    x, y = x[:limit], y[:limit]
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-4)
    g = torch.Generator().manual_seed(0)
    model.train()
    for epoch in range(epochs):
        order = torch.randperm(len(x), generator=g)
        for step, i in enumerate(range(0, len(x), 128)):
            idx = order[i:i + 128]
            xb = F.pad(x[idx], (4, 4, 4, 4), mode="reflect")
            dx, dy = torch.randint(0, 9, (2,), generator=g).tolist()
            xb = xb[:, :, dy:dy + 32, dx:dx + 32]
            if torch.rand(1, generator=g).item() < 0.5:
                xb = xb.flip(3)
            opt.zero_grad()
            loss = F.cross_entropy(model(xb), y[idx])
            loss.backward()
            opt.step()
            if step % 50 == 0:
                print(f"epoch {epoch + 1} step {step}: loss {loss.item():.3f}", flush=True)
    model.eval()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--width", type=int, default=16)
    p.add_argument("--epochs", type=int, default=0)
    p.add_argument("--data")
    p.add_argument("--train-images", type=int, default=50000, help="train on the first N images")
    p.add_argument("--threads", type=int, default=0, help="torch threads (0 = default)")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    torch.manual_seed(0)
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    model = ResNet18(a.width)
    if a.epochs > 0:
        if not a.data:
            p.error("--epochs needs --data")
        train(model, a.data, a.epochs, a.train_images)
    model.eval()
    torch.jit.trace(model, torch.zeros(1, 3, 32, 32)).save(a.out)
    print(f"wrote {a.out} ({os.path.getsize(a.out)} bytes)")


if __name__ == "__main__":
    main()
