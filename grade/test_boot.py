#!/usr/bin/python3
"""Graders for the kernel's foundation: boot on any number of harts and any
memory size, separate address spaces, preemption, faults that kill only the
faulting program, and kernel calls that reject bad arguments.
"""

import re

import pytest

from harness import assert_nothing_leaked, checks_passed, free_pages_at_boot

PAGE = 4096


@pytest.mark.parametrize("cpus", [1, 2, 4])
def test_boots_on_every_hart_and_runs_programs(machines, cpus):
    machine = machines.boot(cpus=cpus)
    machine.wait_for(rf"^kernel: booting on hart \d+; {cpus} harts, 128 MiB of RAM at 0x80000000$")
    machine.wait_for(r"^\$ ")
    # Harts may come online after the prompt has appeared, even mid-line.
    for hart in range(cpus):
        machine.wait_for(rf"kernel: hart {hart} online$")
    online = re.findall(r"kernel: hart (\d+) online$", machine.transcript, re.MULTILINE)
    assert sorted(online) == [str(h) for h in range(cpus)], f"harts online: {online}"
    # The shell reads the console through the console server: type a command.
    machine.shell("echo typed at the console")
    machine.wait_for(r"^typed at the console$")
    machine.shell("no-such-program")
    machine.wait_for(r"^sh: no-such-program: no such program$")


def test_separate_address_spaces(machines):
    machine = machines.boot(cpus=1)
    machine.shell("hello 1 & hello 2 & hello 3 & wait")
    addresses = set()
    for number in (1, 2, 3):
        match = machine.wait_for(rf"^hello {number}: pid \d+, my_number at (0x[0-9a-f]+) still holds {number}$")
        addresses.add(match.group(1))
    assert len(addresses) == 1, "the same variable should sit at the same virtual address in each process"


@pytest.mark.parametrize("memory,mib", [("64M", 64), ("512M", 512)])
def test_memory_size_comes_from_the_device_tree(machines, memory, mib):
    machine = machines.boot(memory=memory, init="badcalls")
    machine.wait_for(rf"^kernel: booting on hart \d+; 2 harts, {mib} MiB of RAM at 0x80000000$")
    pages = free_pages_at_boot(machine)
    # All of RAM but OpenSBI's 2 MiB, the kernel, the device tree and the boot image.
    total = mib * 1024 * 1024 // PAGE
    assert total - 1024 < pages < total - 512, f"{pages} pages free out of {total}"
    machine.wait_for(r"^badcalls: OK")
    assert_nothing_leaked(machine, pages)


@pytest.mark.parametrize("cpus", [1, 4])
def test_cpu_bound_programs_are_preempted(machines, cpus):
    machine = machines.boot(cpus=cpus, init="preempt")
    pages = free_pages_at_boot(machine)
    machine.wait_for(r"^preempt: both finished, status 0 and 0$", timeout=60)
    rounds = [line for line in machine.lines(r"^spin [AB]: round \d+$")]
    assert len(rounds) == 16, rounds
    # Neither spinner ever gives up the CPU by itself: only timer preemption
    # lets the other one start before the first has finished.
    assert rounds.index("spin B: round 1") < rounds.index("spin A: round 8"), rounds
    assert rounds.index("spin A: round 1") < rounds.index("spin B: round 8"), rounds
    assert_nothing_leaked(machine, pages)


FAULTS = {
    "null-read": ("load page fault", 0xD),
    "text-write": ("store page fault", 0xF),
    "kernel-read": ("load page fault", 0xD),
    "kernel-write": ("store page fault", 0xF),
    "null-jump": ("instruction page fault", 0xC),
    "illegal": ("illegal instruction", 0x2),
    "ebreak": ("breakpoint", 0x3),
    "float": ("illegal instruction", 0x2),
    "stack-overflow": ("store page fault", 0xF),
}


def test_a_fault_kills_only_the_faulting_program(machines):
    machine = machines.boot(cpus=2, init="faulttest")
    pages = free_pages_at_boot(machine)
    machine.wait_for(r"^faulttest: OK \(0 failures\)$", timeout=60)
    kills = machine.lines(r"^kernel: killed pid")
    assert len(kills) == len(FAULTS), kills
    for kill, (kind, (name, code)) in zip(kills, FAULTS.items()):
        assert re.fullmatch(
            rf"kernel: killed pid \d+ \(fault\): {name} \(scause {code:#x}\), sepc=0x[0-9a-f]+, stval=0x[0-9a-f]+",
            kill), f"{kind}: {kill}"
        assert f"faulttest: {kind}: killed" in machine.transcript
    assert "stval=0xffffffc080200000" in kills[2], "kernel-read should report the kernel address"
    assert "stval=0x0" in kills[0], "null-read should report address 0"
    assert_nothing_leaked(machine, pages)


@pytest.mark.parametrize("cpus", [1, 4])
def test_bad_arguments_get_errors(machines, cpus):
    machine = machines.boot(cpus=cpus, init="badcalls")
    pages = free_pages_at_boot(machine)
    assert checks_passed(machine, "badcalls") >= 35
    machine.wait_for(r"^badcalls: OK \(0 failures\)$")
    assert_nothing_leaked(machine, pages)


def test_unknown_init_program_is_reported(machines):
    machine = machines.boot(init="no-such-init")
    machine.wait_for(r"^kernel: cannot start init=no-such-init: no such program in the boot image")
    machine.wait_for_exit()
