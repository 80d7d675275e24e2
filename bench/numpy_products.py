"""Single-thread numpy (OpenBLAS) GFLOP/s for the products of an NMF iteration.

Called by bench/numpy.ts with OPENBLAS_NUM_THREADS=1 and a JSON list of [m, n, k] shapes;
prints one JSON object: versions, the BLAS numpy was built with, and GFLOP/s per product
(process CPU time, best of several batches after a warm-up), keyed by "m×n×k" and the product's name.
"""
import json
import sys
import time

import numpy as np


def best_seconds(f, budget=0.25, min_reps=3, max_reps=200):
    """Smallest process CPU time of one call of f (as bench/timing.ts: warm-up, batches of ≥ 2 ms)."""
    f()
    batch = 1
    while True:
        t = time.perf_counter()
        for _ in range(batch):
            f()
        if time.perf_counter() - t >= 0.002 or batch >= 1 << 16:
            break
        batch *= 2
    best = float("inf")
    start = time.perf_counter()
    for r in range(max_reps):
        c = time.process_time()
        for _ in range(batch):
            f()
        best = min(best, (time.process_time() - c) / batch)
        if r + 1 >= min_reps and time.perf_counter() - start > budget:
            break
    return best


def blas_name():
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # older numpy: no dict mode
        return "unknown BLAS"


def main():
    shapes = json.loads(sys.argv[1])
    rng = np.random.default_rng(1)
    out = {"numpy": np.__version__, "python": sys.version.split()[0], "blas": blas_name(), "results": {}}
    for m, n, k in shapes:
        V = rng.random((m, n))
        W = rng.random((m, k))
        H = rng.random((k, n))
        WtW = W.T @ W
        HHt = H @ H.T
        V32, W32, H32 = (x.astype(np.float32) for x in (V, W, H))
        products = {
            "WtV": (lambda: W.T @ V, 2 * m * n * k),
            "VHt": (lambda: V @ H.T, 2 * m * n * k),
            "WH": (lambda: W @ H, 2 * m * n * k),
            "WtW_H": (lambda: WtW @ H, 2 * k * k * n),
            "W_HHt": (lambda: W @ HHt, 2 * m * k * k),
            "WtW": (lambda: W.T @ W, 2 * m * k * k),
            "HHt": (lambda: H @ H.T, 2 * n * k * k),
            # the peers of the float32 mode's products (sgemm)
            "WtV_f32": (lambda: W32.T @ V32, 2 * m * n * k),
            "VHt_f32": (lambda: V32 @ H32.T, 2 * m * n * k),
        }
        out["results"][f"{m}x{n}x{k}"] = {
            name: flops / best_seconds(f) / 1e9 for name, (f, flops) in products.items()
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
