#!/usr/bin/python3
"""OpenBLAS SGEMM (numpy.matmul) at the shapes `neurolc bench sgemm` times, timed the same way.

The Figure 7 shapes and 1000^3 are those of ../shared/peers/sgemm_bench.py; the Figure 12 network (2-500x5-1,
batch 100) adds its three products of a 500x500 layer: forward X @ W, the learning channel delta @ W.T (a transposed
view, as numpy passes it to sgemm) and the weight gradient O.T @ delta. Names, shapes, calls per trial and the
method (max(5, calls/10) warm-up calls, three trials, median of the trials' mean time per call) match
src/RateAdapters/Benchmarks/SgemmShape.cs and SgemmBench.cs, so the two tools print comparable lines.
Usage (set the BLAS and the thread count explicitly, as ../shared/peers/README.md says):
  OPENBLAS_CORETYPE=SkylakeX LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread \
      /usr/bin/python3 bench/sgemm_peer.py --threads 1 [--shapes fig7|fig12|large|all]
"""
import argparse
import os
import statistics
import time

ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--shapes", choices=["fig7", "fig12", "large", "all"], default="all")
args = ap.parse_args()
os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
os.environ["OMP_NUM_THREADS"] = str(args.threads)
import numpy as np  # noqa: E402

# name, network, transpose A, transpose B, m, n, k, calls per trial (SgemmShape.All)
SHAPES = [
    ("fwd 100x784x100", "fig7", False, False, 100, 100, 784, 2000),
    ("wgrad 784x100x100 (A^T)", "fig7", True, False, 784, 100, 100, 2000),
    ("hidden 100x100x100", "fig7", False, False, 100, 100, 100, 10000),
    ("fwd 100x500x500", "fig12", False, False, 100, 500, 500, 400),
    ("delta 100x500x500 (B^T)", "fig12", False, True, 100, 500, 500, 400),
    ("wgrad 500x100x500 (A^T)", "fig12", True, False, 500, 500, 100, 400),
    ("big 1000x1000x1000", "large", False, False, 1000, 1000, 1000, 20),
]

rng = np.random.default_rng(0)
print(f"threads={args.threads} OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE')} "
      f"LD_LIBRARY_PATH={os.environ.get('LD_LIBRARY_PATH')}")
for name, network, ta, tb, m, n, k, calls in SHAPES:
    if args.shapes not in ("all", network):
        continue
    a = rng.uniform(-1, 1, (k, m) if ta else (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, k) if tb else (k, n)).astype(np.float32)
    op_a = a.T if ta else a
    op_b = b.T if tb else b
    out = np.empty((m, n), np.float32)
    flops = 2.0 * m * n * k
    for _ in range(max(5, calls // 10)):
        np.matmul(op_a, op_b, out=out)
    trials = []
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(calls):
            np.matmul(op_a, op_b, out=out)
        trials.append((time.perf_counter() - t0) / calls)
    t = statistics.median(trials)
    print(f"{name:26s} {t * 1e6:9.1f} us/call  {flops / t / 1e9:7.1f} GFLOP/s  "
          f"(trials {', '.join(f'{flops / x / 1e9:.1f}' for x in trials)})", flush=True)
