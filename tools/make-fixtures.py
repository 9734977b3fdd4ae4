#!/usr/bin/env python3
"""Makes the small test models of backend-pytorch, backend-onnx and `lowfreq import`.

One tiny network with fixed weights is written three ways, so tests can check that the three
backends compute the same logits:

  tiny-mlp.pt                  TorchScript (torch.jit.trace), takes normalised NCHW images
  tiny-mlp.onnx                the same module exported with torch.onnx.export (opset 13)
  tiny-mlp-reference/          the same weights for lowfreq's pure-Java reference backend
                               (weights.bin + model-card.json); the reference backend has no
                               convolution and takes [0,1] NHWC pixels, so the network is an MLP
                               (3072 -> 8 tanh -> 10) and the script folds the normalisation and
                               the NCHW flattening order into the first layer's weights
  wrong-classes.pt             a TorchScript model with 7 outputs (for the import refusal)
  wrong-input.onnx             an ONNX model declaring 1 x 28 x 28 inputs (for the import refusal)
  tiny-mlp.pth                 the state_dict checkpoint the others are exported from (the start
                               of the walk in docs/IMPORTING.md)

With --data DIR (a folder holding cifar-10-batches-bin/) the MLP is first trained for a few epochs
of plain SGD on 10,000 CIFAR-10 training images (seed 0, one thread, so the weights are the same on
every run); without it the weights stay at their seeded initialisation.

Needs Debian's python3-torch and python3-onnx (apt-get install python3-torch python3-onnx).
Usage: python3 tools/make-fixtures.py --data "$LOWFREQ_DATA" --out tools/fixtures
"""
import argparse
import json
import os
import struct

# one BLAS thread: OpenBLAS splits sums by its own thread count otherwise, and the rounding (and so
# the trained weights) would then depend on the machine
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"

import numpy as np
import torch
from torch import nn

MEAN = (0.4914, 0.4822, 0.4465)
STD = (0.2470, 0.2435, 0.2616)
CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
HIDDEN = 8


class TinyMlp(nn.Module):
    """Flattens normalised NCHW images (PyTorch's own order) into a tanh MLP."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3 * 32 * 32, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, 10)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(torch.flatten(x, 1))))


class WrongClasses(nn.Module):
    """Seven outputs: the class count of no data set lowfreq knows."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 7)

    def forward(self, x):
        return self.fc(x.mean(dim=(2, 3)))


class GrayscaleMlp(nn.Module):
    """Declares 1 x 28 x 28 inputs (a Fashion-MNIST shape)."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 10)

    def forward(self, x):
        return self.fc(x.mean(dim=(2, 3)))


def read_cifar(root, limit):
    """The first `limit` training images as float NCHW in [0,1] and their labels."""
    raw = np.fromfile(os.path.join(root, "cifar-10-batches-bin", "data_batch_1.bin"), dtype=np.uint8)
    raw = raw.reshape(-1, 3073)[:limit]
    labels = torch.from_numpy(raw[:, 0].astype(np.int64))
    images = torch.from_numpy(raw[:, 1:].astype(np.float32) / 255.0).reshape(-1, 3, 32, 32)
    return images, labels


def normalise(x):
    mean = torch.tensor(MEAN).view(1, 3, 1, 1)
    std = torch.tensor(STD).view(1, 3, 1, 1)
    return (x - mean) / std


def train(model, data_root):
    images, labels = read_cifar(data_root, 10000)
    x = normalise(images)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    g = torch.Generator().manual_seed(0)
    for epoch in range(8):
        order = torch.randperm(len(x), generator=g)
        for i in range(0, len(x), 64):
            idx = order[i:i + 64]
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(x[idx]), labels[idx])
            loss.backward()
            opt.step()
        with torch.no_grad():
            acc = (model(x).argmax(1) == labels).float().mean().item()
        print(f"epoch {epoch + 1}: loss {loss.item():.3f}, training accuracy {acc:.3f}")


def crc32c(data):
    """CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as java.util.zip.CRC32C computes it."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def write_reference(model, out_dir):
    """weights.bin of lowfreq's reference backend: big-endian floats after an "LFR2" header, then
    the CRC-32C of every byte before it (the backend refuses a file whose checksum does not match).

    The reference MLP computes W1' p + b1' on [0,1] NHWC pixels p. With x = (p_c - m_c) / s_c in
    NCHW order, W1 x + b1 = sum_{c,y,x} W1[h, c*1024 + y*32 + x] (p[(y*32+x)*3+c] - m_c) / s_c + b1,
    so W1'[h, (y*32+x)*3+c] = W1[h, c*1024+y*32+x] / s_c and b1' = b1 - sum W1 m_c / s_c.
    """
    w1 = model.fc1.weight.detach().double().numpy().reshape(HIDDEN, 3, 32, 32)
    b1 = model.fc1.bias.detach().double().numpy()
    mean = np.array(MEAN, dtype=np.float64).reshape(1, 3, 1, 1)
    std = np.array(STD, dtype=np.float32).astype(np.float64).reshape(1, 3, 1, 1)
    w1n = w1 / std
    b1n = b1 - (w1n * mean).sum(axis=(1, 2, 3))
    w1nhwc = w1n.transpose(0, 2, 3, 1).reshape(HIDDEN, -1)  # [h, y, x, c]
    w2 = model.fc2.weight.detach().double().numpy()
    b2 = model.fc2.bias.detach().double().numpy()
    os.makedirs(out_dir, exist_ok=True)
    body = struct.pack(">iiii", 0x4C465232, 3072, HIDDEN, 10)
    body += b"".join(a.astype(">f4").tobytes() for a in (w1nhwc, b1n, w2, b2))
    with open(os.path.join(out_dir, "weights.bin"), "wb") as f:
        f.write(body + struct.pack(">I", crc32c(body)))
    card = {
        "name": "tiny-mlp-reference", "family": "imported", "arch": "mlp", "backend": "reference",
        "input_height": 32, "input_width": 32, "input_channels": 3, "input_range": "[0,1]",
        "class_names": CLASSES, "blur_sigma": 0, "pca_k": 0, "dataset": "cifar10", "seed": 0,
        "clean_accuracy": "NaN",
        "properties": {"source": "tools/make-fixtures.py: tiny-mlp.pth with the normalisation folded in"},
    }
    with open(os.path.join(out_dir, "model-card.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")


def export_onnx(model, example, path, input_shape=None):
    torch.onnx.export(model, example, path, input_names=["images"], output_names=["logits"],
                      dynamic_axes={"images": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding cifar-10-batches-bin/ (trains the MLP briefly)")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures"))
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)
    os.makedirs(args.out, exist_ok=True)

    model = TinyMlp()
    if args.data:
        train(model, args.data)
    model.eval()
    torch.save(model.state_dict(), os.path.join(args.out, "tiny-mlp.pth"))

    example = torch.zeros(1, 3, 32, 32)
    torch.jit.trace(model, example).save(os.path.join(args.out, "tiny-mlp.pt"))
    export_onnx(model, example, os.path.join(args.out, "tiny-mlp.onnx"))
    write_reference(model, os.path.join(args.out, "tiny-mlp-reference"))

    wrong = WrongClasses().eval()
    torch.jit.trace(wrong, example).save(os.path.join(args.out, "wrong-classes.pt"))
    gray = GrayscaleMlp().eval()
    torch.onnx.export(gray, torch.zeros(1, 1, 28, 28), os.path.join(args.out, "wrong-input.onnx"),
                      input_names=["images"], output_names=["logits"], opset_version=13)

    # known logits for two fixed images, so a test can also check the files against PyTorch itself
    probe = torch.stack([torch.full((3, 32, 32), 0.5), torch.linspace(0, 1, 3072).reshape(3, 32, 32)])
    with torch.no_grad():
        logits = model(normalise(probe))
    with open(os.path.join(args.out, "tiny-mlp-logits.json"), "w") as f:
        json.dump({"images": ["all pixels 0.5", "NCHW linspace(0,1,3072)"],
                   "logits": [[round(float(v), 7) for v in row] for row in logits]}, f, indent=1)
        f.write("\n")
    for name in sorted(os.listdir(args.out)):
        path = os.path.join(args.out, name)
        if os.path.isfile(path):
            print(f"{name}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
