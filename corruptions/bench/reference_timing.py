"""CPU seconds per 32 px image of the parts of the reference CIFAR-10-C generator that need only
numpy and scipy (skimage's gaussian is scipy.ndimage.gaussian_filter with mode='nearest',
truncate=4; its s&p noise is two random choices per value). Run: python3 reference_timing.py"""
import time
import numpy as np
from scipy.ndimage import gaussian_filter, zoom as scizoom

rng = np.random.default_rng(0)
imgs = rng.integers(0, 256, size=(200, 32, 32, 3)).astype(np.uint8)


def gaussian(x, sigma):
    return gaussian_filter(x, sigma=(sigma, sigma, 0), mode='nearest', truncate=4.0)


def gaussian_noise(x, c=.10):
    x = np.array(x) / 255.
    return np.clip(x + np.random.normal(size=x.shape, scale=c), 0, 1) * 255


def shot_noise(x, c=50):
    x = np.array(x) / 255.
    return np.clip(np.random.poisson(x * c) / c, 0, 1) * 255


def impulse_noise(x, c=.07):
    x = np.array(x) / 255.
    flipped = np.random.choice([True, False], size=x.shape, p=[c, 1 - c])
    salted = np.random.choice([True, False], size=x.shape, p=[0.5, 0.5])
    x[flipped & salted] = 1
    x[flipped & ~salted] = 0
    return np.clip(x, 0, 1) * 255


def speckle_noise(x, c=.2):
    x = np.array(x) / 255.
    return np.clip(x + x * np.random.normal(size=x.shape, scale=c), 0, 1) * 255


def gaussian_blur(x, c=1):
    return np.clip(gaussian(np.array(x) / 255., c), 0, 1) * 255


def glass_blur(x, c=(0.4, 1, 2)):
    x = np.uint8(gaussian(np.array(x) / 255., c[0]) * 255)
    for i in range(c[2]):
        for h in range(32 - c[1], c[1], -1):
            for w in range(32 - c[1], c[1], -1):
                dx, dy = np.random.randint(-c[1], c[1], size=(2,))
                h_prime, w_prime = h + dy, w + dx
                x[h, w], x[h_prime, w_prime] = x[h_prime, w_prime], x[h, w]
    return np.clip(gaussian(x / 255., c[0]), 0, 1) * 255


def clipped_zoom(img, zoom_factor):
    h = img.shape[0]
    ch = int(np.ceil(h / zoom_factor))
    top = (h - ch) // 2
    img = scizoom(img[top:top + ch, top:top + ch], (zoom_factor, zoom_factor, 1), order=1)
    trim_top = (img.shape[0] - h) // 2
    return img[trim_top:trim_top + h, trim_top:trim_top + h]


def zoom_blur(x, c=np.arange(1, 1.26, 0.01)):
    x = (np.array(x) / 255.).astype(np.float32)
    out = np.zeros_like(x)
    for z in c:
        out += clipped_zoom(x, z)
    return np.clip((x + out) / (len(c) + 1), 0, 1) * 255


def plasma_fractal(mapsize=32, wibbledecay=3):
    maparray = np.empty((mapsize, mapsize), dtype=np.float64)
    maparray[0, 0] = 0
    stepsize = mapsize
    wibble = 100

    def wibbledmean(array):
        return array / 4 + wibble * np.random.uniform(-wibble, wibble, array.shape)

    def fillsquares():
        cornerref = maparray[0:mapsize:stepsize, 0:mapsize:stepsize]
        squareaccum = cornerref + np.roll(cornerref, shift=-1, axis=0)
        squareaccum += np.roll(squareaccum, shift=-1, axis=1)
        maparray[stepsize // 2:mapsize:stepsize, stepsize // 2:mapsize:stepsize] = wibbledmean(squareaccum)

    def filldiamonds():
        drgrid = maparray[stepsize // 2:mapsize:stepsize, stepsize // 2:mapsize:stepsize]
        ulgrid = maparray[0:mapsize:stepsize, 0:mapsize:stepsize]
        ltsum = drgrid + np.roll(drgrid, 1, axis=0) + ulgrid + np.roll(ulgrid, -1, axis=1)
        maparray[0:mapsize:stepsize, stepsize // 2:mapsize:stepsize] = wibbledmean(ltsum)
        ttsum = drgrid + np.roll(drgrid, 1, axis=1) + ulgrid + np.roll(ulgrid, -1, axis=0)
        maparray[stepsize // 2:mapsize:stepsize, 0:mapsize:stepsize] = wibbledmean(ttsum)

    while stepsize >= 2:
        fillsquares()
        filldiamonds()
        stepsize //= 2
        wibble /= wibbledecay
    maparray -= maparray.min()
    return maparray / maparray.max()


def fog(x, c=(1.5, 1.75)):
    x = np.array(x) / 255.
    max_val = x.max()
    x += c[0] * plasma_fractal(wibbledecay=c[1])[:32, :32][..., np.newaxis]
    return np.clip(x * max_val / (max_val + c[0]), 0, 1) * 255


def contrast(x, c=0.15):
    x = np.array(x) / 255.
    means = np.mean(x, axis=(0, 1), keepdims=True)
    return np.clip((x - means) * c + means, 0, 1) * 255


for f in [gaussian_noise, shot_noise, impulse_noise, speckle_noise, gaussian_blur, glass_blur, zoom_blur, fog,
          contrast]:
    n = 40 if f is glass_blur else 200
    t = time.process_time()
    for i in range(n):
        np.uint8(f(imgs[i]))
    print(f"{f.__name__}: {1e6 * (time.process_time() - t) / n:.0f} CPU us/image (severity 5)")
