#!/usr/bin/python3
"""Runs the IPC benchmark (grade/programs/ipcbench.c) under QEMU's -icount shift=0,
where the cycle counter counts guest instructions, and collects its figures.

Used by `make bench` (bench/run.py) and by grade/test_bench.py.
"""

import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "grade"))
import harness  # noqa: E402

# The bars from the IPC issue, in instructions per operation on one hart.
TARGETS = {"null_syscall": 110, "ipc_roundtrip_32": 400}

FIGURE = re.compile(r"^bench: ([a-z_0-9]+) (\d+)$", re.MULTILINE)


NOTE = re.compile(r"^bench: (notify returns .*)$", re.MULTILINE)


def run_benchmark(timeout=120, notes=None):
    """Boots ipcbench on one hart with -icount shift=0; returns {name: instructions per operation}.
    Figures the benchmark could not measure are missing; why goes into the list notes, if given."""
    machine = harness.boot("ipcbench", init="ipcbench", cpus=1, extra=("-icount", "shift=0"))
    try:
        machine.wait_for(r"^bench: (done|icount is off)", timeout=timeout)
        if "icount is off" in machine.transcript:
            raise harness.BootFailure("the benchmark found icount off and refused to report")
        if notes is not None:
            notes.extend(NOTE.findall(machine.transcript))
        return {name: int(value) for name, value in FIGURE.findall(machine.transcript)}
    finally:
        machine.close()
