#!/usr/bin/env python3
"""Render a `bench/run --json FILE` result as the Markdown table used in bench/RESULTS.md.

    bench/tools/results_table.py FILE
"""

import json
import sys


def main(path):
    with open(path) as f:
        d = json.load(f)
    print(f"`bench/run` mode {d['mode']}, {d['reps']} rep(s), {d['time']}")
    print()
    print("| benchmark      | scale     | python3 s | spindle s | ratio | py MiB | sp MiB |")
    print("|----------------|-----------|-----------|-----------|-------|--------|--------|")
    for b in d["benchmarks"]:
        if b["status"] != "PASS":
            print(f"| {b['name']:<14} | {b['scale']:<9} | {b['status']} | | | | |")
            continue
        print(f"| {b['name']:<14} | {b['scale']:<9} | {b['python_median']:<9.3f} | "
              f"{b['spindle_median']:<9.3f} | {b['ratio']:<5.2f} | {b['python_rss_mib']:<6.1f} | "
              f"{b['spindle_rss_mib']:<6.1f} |")
    print()
    print(f"Geometric mean: {d['geomean_ratio']:.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip())
    main(sys.argv[1])
