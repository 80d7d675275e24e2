"""scikit-learn's side of bench/sklearn.ts, run under Debian's /usr/bin/python3 (python3-sklearn).

A small server on stdin/stdout, one JSON object per line each way:
  first line out   {"ready": {...versions...}}, or {"skip": reason} when sklearn cannot be imported
  {"cmd": "load", "dir": D, "m": m, "n": n, "k": k}
      reads D/V.f64 (m×n), D/W0.f64 (m×k), D/H0.f64 (k×n): raw little-endian f64, row-major
  {"cmd": "trajectory", "solver": "cd"|"mu"|"mu-kl", "init": "custom"|"nndsvda", "iterations": N, "transpose": bool}
      relative errors ‖V−WH‖_F/‖V‖_F after each of N iterations, from a chain of public
      NMF(max_iter=1).fit_transform calls, each starting from the last one's W, H (neither
      solver keeps state between iterations, so the chain gives exactly one max_iter=N run's
      numbers; `time` checks that). transpose=True factorizes Vᵀ ≈ H₀ᵀW₀ᵀ instead: sklearn
      then updates H before W in each iteration, which is the order of our solvers.
  {"cmd": "time", "solver": ..., "init": ..., "maxIter": N, "repeats": R}
      wall and CPU time (time.process_time) of one fresh NMF(max_iter=N).fit_transform (input
      checks, the init and the final error included, as a user pays them), the fastest of R,
      and whether its error is bit-identical to the trajectory's after N iterations
  {"cmd": "quit"}
Every NMF is solver 'cd' or 'mu' with beta_loss='frobenius' (or 'mu-kl': mu with beta_loss='kullback-leibler'), alpha_W=alpha_H=l1_ratio=0, tol=0
(no early stop), random_state=0 (fixes nndsvda's randomized SVD).
"""
import json
import os
import platform
import sys
import time

# single-threaded BLAS and OpenMP: set before numpy loads its libraries
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"


def reply(obj):
    """Writes one JSON line on stdout."""
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


try:
    import numpy as np
    import scipy
    import sklearn
    from sklearn.decomposition import NMF
except ImportError as e:
    reply({"skip": f"{e} (under {sys.executable}; Debian: apt-get install -y python3-sklearn)"})
    sys.exit(0)

try:
    from threadpoolctl import threadpool_info, threadpool_limits
except ImportError:  # no threadpoolctl: the environment variables above are all there is
    threadpool_info = threadpool_limits = None


def versions():
    """Python, sklearn, numpy and scipy versions and the BLAS / OpenMP pools as threadpoolctl sees them."""
    pools = []
    if threadpool_info:
        for p in threadpool_info():
            pools.append({key: p.get(key) for key in ("internal_api", "prefix", "version", "num_threads", "architecture", "threading_layer")})
    return {
        "python": platform.python_version(),
        "executable": sys.executable,
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "threadpoolctl": threadpool_info is not None,
        "pools": pools,
    }


def model(solver, init, max_iter):
    """sklearn's NMF as the bench compares it: no penalty, no early stop; Frobenius loss, or KL for 'mu-kl'."""
    beta_loss = "kullback-leibler" if solver == "mu-kl" else "frobenius"
    return NMF(
        n_components=state["k"], init=init, solver="mu" if solver == "mu-kl" else solver, beta_loss=beta_loss,
        tol=0, max_iter=max_iter, random_state=0, alpha_W=0.0, alpha_H=0.0, l1_ratio=0.0,
    )


def fit(solver, init, max_iter, X, W, H):
    """One fit_transform of X (n_samples×n_features) from W, H (ignored unless init='custom'); returns W, H, ‖X−WH‖_F."""
    nmf = model(solver, init, max_iter)
    if init == "custom":
        W_out = nmf.fit_transform(X, W=W.copy(), H=H.copy())
    else:
        W_out = nmf.fit_transform(X)
    return W_out, nmf.components_, nmf.reconstruction_err_


def read(path, rows, cols):
    data = np.fromfile(path, dtype="<f8")
    if data.size != rows * cols:
        raise ValueError(f"{path}: {data.size} values, expected {rows}×{cols}")
    return data.reshape(rows, cols)


state = {}
trajectories = {}


def load(cmd):
    m, n, k = cmd["m"], cmd["n"], cmd["k"]
    V = read(os.path.join(cmd["dir"], "V.f64"), m, n)
    W0 = read(os.path.join(cmd["dir"], "W0.f64"), m, k)
    H0 = read(os.path.join(cmd["dir"], "H0.f64"), k, n)
    state.update(V=V, W0=W0, H0=H0, k=k, normV=float(np.linalg.norm(V)))
    initial = float(np.linalg.norm(V - W0 @ H0)) / state["normV"]
    return {"normV": state["normV"], "initRelError": initial}


def nndsvda_init_rel_error():
    """Relative error of sklearn's own NNDSVDa start (a private helper; None if it has moved)."""
    try:
        from sklearn.decomposition._nmf import _initialize_nmf
        W, H = _initialize_nmf(state["V"], state["k"], init="nndsvda", random_state=0)
    except Exception:  # noqa: BLE001 - informational only
        return None
    return float(np.linalg.norm(state["V"] - W @ H)) / state["normV"]


def trajectory(cmd):
    solver, init, N, transpose = cmd["solver"], cmd["init"], cmd["iterations"], cmd["transpose"]
    if transpose and init != "custom":
        raise ValueError("transpose needs init 'custom'")
    V, normV = state["V"], state["normV"]
    X, W, H = (V.T, state["H0"].T, state["W0"].T) if transpose else (V, state["W0"], state["H0"])
    errors = []
    t0 = time.perf_counter()
    for it in range(N):
        W, H, err = fit(solver, init if it == 0 else "custom", 1, X, W, H)
        errors.append(float(err) / normV)
    seconds = time.perf_counter() - t0
    trajectories[(solver, init, transpose)] = errors
    out = {"relErrors": errors, "chainSeconds": seconds}
    if init == "nndsvda":
        out["initRelError"] = nndsvda_init_rel_error()
    return out


def timed(cmd):
    solver, init, N, repeats = cmd["solver"], cmd["init"], cmd["maxIter"], cmd.get("repeats", 1)
    V, W0, H0 = state["V"], state["W0"], state["H0"]
    seconds = []
    cpu = []
    err = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        c0 = time.process_time()
        _, _, err = fit(solver, init, N, V, W0, H0)
        cpu.append(time.process_time() - c0)
        seconds.append(time.perf_counter() - t0)
    rel = float(err) / state["normV"]
    known = trajectories.get((solver, init, False))
    matches = bool(known is not None and len(known) >= N and known[N - 1] == rel)
    return {"seconds": min(seconds), "cpuSeconds": min(cpu), "allSeconds": seconds, "relError": rel, "matchesTrajectory": matches}


COMMANDS = {"load": load, "trajectory": trajectory, "time": timed}


def serve():
    reply({"ready": versions()})
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["cmd"] == "quit":
            break
        try:
            reply({"ok": COMMANDS[cmd["cmd"]](cmd)})
        except Exception as e:  # noqa: BLE001 - reported to the TypeScript side, which stops
            reply({"error": f"{type(e).__name__}: {e}"})


if __name__ == "__main__":
    if threadpool_limits:
        with threadpool_limits(limits=1):
            serve()
    else:
        serve()
