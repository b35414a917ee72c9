#!/usr/bin/env python3
"""Prints the fastest and the median time per iteration of each criterion benchmark, from the
samples criterion keeps under target/criterion (the README's tables give min and median)."""
import glob, json, os, statistics

for path in sorted(glob.glob("target/criterion/**/new/sample.json", recursive=True)):
    with open(path) as f:
        sample = json.load(f)
    per_iter = [t / n for t, n in zip(sample["times"], sample["iters"]) if n]
    if not per_iter:
        continue
    name = os.path.relpath(os.path.dirname(os.path.dirname(path)), "target/criterion")
    print(f"{name:45} min {min(per_iter) / 1e6:9.3f} ms   median {statistics.median(per_iter) / 1e6:9.3f} ms")
