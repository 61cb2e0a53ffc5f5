#!/usr/bin/python3
"""make bench: runs the benchmarks, prints a table, writes bench/results.json.

Every figure is guest instructions per operation, counted exactly with
QEMU's -icount shift=0, so it is the same on any host.
"""

import json
import os
import sys

from ipcbench import TARGETS, run_benchmark

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results.json")


def main():
    notes = []
    figures = run_benchmark(notes=notes)
    if not figures:
        print("bench: no figures", file=sys.stderr)
        return 1
    with open(RESULTS, "w") as out:
        json.dump(figures, out, indent=2, sort_keys=True)
        out.write("\n")
    print(f"{'benchmark':<28}{'instructions/op':>16}{'target':>10}")
    for name, value in figures.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else f"{'<=' if value <= target else '>'} {target}"
        print(f"{name:<28}{value:>16}{verdict:>10}")
    for note in notes:
        print(f"not measured: {note}")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
