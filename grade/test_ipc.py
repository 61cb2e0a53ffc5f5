#!/usr/bin/python3
"""Graders for message-passing IPC (docs/ipc.md): the semantics of every
call (grade/programs/ipctest.c), and a stress test of many processes exchanging
100,000 checksummed messages (grade/programs/ipcstress.c).
"""

import pytest

from harness import assert_nothing_leaked, checks_passed, free_pages_at_boot


@pytest.mark.parametrize("cpus", [1, 4])
def test_ipc_semantics(machines, cpus):
    machine = machines.boot(cpus=cpus, init="ipctest")
    pages = free_pages_at_boot(machine)
    assert checks_passed(machine, "ipctest") == 44
    machine.wait_for(r"^ipctest: OK \(0 failures\)$")
    assert_nothing_leaked(machine, pages)


@pytest.mark.parametrize("cpus", [1, 4])
def test_ipc_stress_loses_nothing(machines, cpus):
    machine = machines.boot(cpus=cpus, init="ipcstress")
    pages = free_pages_at_boot(machine)
    machine.wait_for(r"^ipcstress: (OK|FAILED)", timeout=180)
    consumers = machine.lines(r"^ipcstress: consumer \d+: 25000 messages, 0 errors$")
    assert len(consumers) == 4, "\n".join(machine.lines(r"^ipcstress"))
    machine.wait_for(r"^ipcstress: OK \(0 failures\)$")
    assert_nothing_leaked(machine, pages)
