"""Time-to-quality plot of bench/quality.ts: CPU seconds against relative error, ours (the best
initialization of each solver) as curves, RcppML and scikit-learn as the points where they reach
the target.  Usage: python3 quality_plot.py time-to-quality.json out.png"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

data = json.load(open(sys.argv[1]))
cases = data["results"]
fig, axes = plt.subplots(1, len(cases), figsize=(6.4 * len(cases), 4.8))
if len(cases) == 1:
    axes = [axes]
for ax, case in zip(axes, cases):
    target = case["target"]
    best = {}
    for row in case["rows"]:
        if row["who"] != "ours":
            continue
        key = row["method"]
        t = row["seconds"] if row["seconds"] is not None else float("inf")
        if key not in best or t < best[key][0]:
            best[key] = (t, row)
    for key, (_, row) in sorted(best.items()):
        xs = [max(p[0], 1e-4) for p in row["curve"]]
        ys = [p[1] for p in row["curve"]]
        ax.plot(xs, ys, label=f"ours {row['method']} + {row['init']}")
    for row in case["rows"]:
        if row["who"] == "ours" or row["seconds"] is None:
            continue
        ax.plot([row["seconds"]], [row["finalRelError"]], "o", label=f"{row['who']} {row['method']} ({row['init']})")
    ax.axhline(target, color="gray", linestyle="--", linewidth=0.8, label=f"target {target:.6f}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(target * 0.98, target * 3)
    ax.set_xlabel("CPU seconds (initialization included)")
    ax.set_ylabel("relative error ‖V−WH‖/‖V‖")
    ax.set_title(f"{case['m']}×{case['n']}, k = {case['k']} (load {data['load']:.1f})")
    ax.legend(fontsize=7)
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=100)
