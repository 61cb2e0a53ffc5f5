#!/usr/bin/python3
"""Grader for lab ipc (labs/ipc/README.md): the call/reply fast path and notifications.

Correctness comes from grade/programs/ipclabtest (verdicts carry this boot's
token); speed from the IPC benchmark (ipcbench under -icount shift=0, where
the cycle counter counts guest instructions), held to the IPC bar.
"""

import os
import sys

import pytest

import harness

sys.path.insert(0, os.path.join(harness.ROOT, "bench"))
from ipcbench import TARGETS  # noqa: E402

FIGURE = r"^bench: ipc_roundtrip_32 (\d+)\n"


def run_part(machines, part, cpus):
    machine = machines.boot(init="ipclabtest", cpus=cpus, bootargs=part, token=True)
    harness.passed_with_token(machine, "ipclabtest", timeout=120)


@pytest.mark.points(15)
def test_calls(machines):
    """calls: payloads of 0..240 bytes, 2000 round trips, three clients (2 harts)"""
    run_part(machines, "calls", cpus=2)


@pytest.mark.points(10)
def test_calls_on_four_harts(machines):
    """calls on 4 harts: the same checks with more harts than processes"""
    run_part(machines, "calls", cpus=4)


@pytest.mark.points(15)
def test_notifications(machines):
    """notifications: wake a receiver, coalesce, refuse kernel bits, alarms"""
    run_part(machines, "notify", cpus=2)


@pytest.mark.points(20)
def test_round_trip_within_the_bar(machines):
    """fast path: a 32-byte call+reply round trip within the IPC bar (instructions, 1 hart)"""
    machine = machines.boot(init="ipcbench", cpus=1, extra=("-icount", "shift=0"), token=True)
    figure = int(machine.wait_for(FIGURE, timeout=120).group(1))
    bar = TARGETS["ipc_roundtrip_32"]
    print(f"ipc_roundtrip_32: {figure} instructions (bar {bar})")
    assert figure <= bar, f"a 32-byte round trip takes {figure} instructions; the bar is {bar}"
