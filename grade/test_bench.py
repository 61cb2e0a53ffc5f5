#!/usr/bin/python3
"""The IPC benchmark runs, counts instructions exactly (so two runs agree),
refuses to report without icount, and holds the IPC issue's bars.
"""

import os
import sys

import pytest

import harness

sys.path.insert(0, os.path.join(harness.ROOT, "bench"))
from ipcbench import TARGETS, run_benchmark  # noqa: E402

EXPECTED = {"null_syscall", "ipc_roundtrip_0", "ipc_roundtrip_32", "ipc_roundtrip_200",
            "ipc_send_queued_32", "ipc_recv_queued_32", "ipc_queued_send_recv_32", "notify_wake"}


@pytest.fixture(scope="module")
def figures():
    return run_benchmark()


def test_benchmark_reports_every_figure(figures):
    assert set(figures) == EXPECTED, figures
    assert all(value > 0 for value in figures.values()), figures
    # A round trip cannot be cheaper than the system call it is made of.
    assert figures["ipc_roundtrip_0"] > 2 * figures["null_syscall"], figures
    assert figures["ipc_roundtrip_200"] > figures["ipc_roundtrip_0"], figures


def test_benchmark_is_deterministic(figures):
    assert run_benchmark() == figures


def test_benchmark_refuses_without_icount(machines):
    machine = machines.boot(init="ipcbench", cpus=1)
    machine.wait_for(r"^bench: icount is off, so cycles are not instructions: refusing to report$")


@pytest.mark.parametrize("name", ["null_syscall", "ipc_roundtrip_32"])
def test_benchmark_holds_the_bar(figures, name):
    assert figures[name] <= TARGETS[name], f"{name}: {figures[name]} instructions, bar {TARGETS[name]}"
