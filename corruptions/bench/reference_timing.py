"""CPU time per image of the reference CIFAR-10-C generator, per corruption, on the first N
CIFAR-10 test images (all five severities), for the side-by-side comparison in docs/BENCHMARKS.md.

This script holds none of the reference's code. It loads the corruption functions from your copy
of make_cifar_c.py (hendrycks/robustness, ImageNet-C/create_c/, Apache-2.0): the part of that
file above its "End Distortions" marker, without its torch imports, with the frost file names
pointed at FROST_DIR. Each image is corrupted as the generator does, np.uint8(f(PIL image, s)).

Needs (Debian 12 packages): python3-numpy python3-scipy python3-skimage python3-opencv
python3-pil python3-wand (ImageMagick), the versions of corruptions/README.md.

    python3 corruptions/bench/reference_timing.py make_cifar_c.py DATA_ROOT FROST_DIR [N] [names]

DATA_ROOT holds cifar-10-batches-bin/; FROST_DIR holds frost1.png .. frost6.jpg (e.g. the
copies in corruptions/src/main/resources/org/lowfreq/corruptions/frost). Prints a table with
the same columns as 'lowfreq bench corruptions --dataset cifar10 --images N --threads 1'.
"""
import os
import sys
import time

import numpy as np
from PIL import Image

MARKER = "# /////////////// End Distortions ///////////////"
ORDER = ["gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur", "glass_blur", "motion_blur",
         "zoom_blur", "snow", "frost", "fog", "brightness", "contrast", "elastic_transform", "pixelate",
         "jpeg_compression", "speckle_noise", "gaussian_blur", "spatter", "saturate"]


def load_reference(path, frost_dir):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    if MARKER not in source:
        sys.exit(f"{path} does not look like make_cifar_c.py (no '{MARKER}' line)")
    source = source.split(MARKER)[0]
    kept = [line for line in source.splitlines() if "torch" not in line]
    source = "\n".join(kept).replace("'./frost", "'" + os.path.join(frost_dir, "frost"))
    namespace = {}
    exec(compile(source, path, "exec"), namespace)
    return namespace


def cifar_test(data_root, n):
    with open(os.path.join(data_root, "cifar-10-batches-bin", "test_batch.bin"), "rb") as f:
        raw = f.read(n * 3073)
    rows = np.frombuffer(raw, np.uint8).reshape(n, 3073)
    return [Image.fromarray(np.ascontiguousarray(r[1:].reshape(3, 32, 32).transpose(1, 2, 0))) for r in rows]


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    ref = load_reference(sys.argv[1], sys.argv[3])
    images = cifar_test(sys.argv[2], int(sys.argv[4]) if len(sys.argv) > 4 else 500)
    names = sys.argv[5].split(",") if len(sys.argv) > 5 else ORDER
    np.random.seed(0)
    print(f"| corruption | images/s, cifar10 {len(images)} images | CPU µs/image, cifar10 {len(images)} images |")
    print("|---|---|---|")
    total = 0.0
    for name in names:
        f = ref[name]
        np.uint8(f(images[0], 1))  # imports and caches warmed, as in the Java run's untimed pass
        wall, cpu = time.perf_counter(), time.process_time()
        for s in range(1, 6):
            for img in images:
                np.uint8(f(img, s))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        per = 1e6 * cpu / (5 * len(images))
        total += per
        print(f"| {name} | {5 * len(images) / wall:.0f} | {per:.1f} |", flush=True)
    print(f"| all (sum of CPU per image) | | {total:.1f} |")


if __name__ == "__main__":
    main()
