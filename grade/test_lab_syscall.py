#!/usr/bin/python3
"""Grader for lab syscall (labs/syscall/README.md): trace, sysinfo, backtrace.

Most tests boot grade/programs/syscalltest as the first program with one
PART; it checks results itself and prints a verdict carrying this boot's
token, and the test reads the kernel's own lines (trace: ..., the backtrace)
from the console. The pm test types at the shell.
"""

import re

import pytest

from harness import passed_with_token, symbolize_backtrace

TRACE_LINE = re.compile(r"^trace: pid (\d+) (\w+) -> (-?\d+)$")


def run_part(machines, part, timeout=60):
    """Boots syscalltest for one part; returns the machine once its verdict is in, failing on FAILED."""
    machine = machines.boot(init="syscalltest", cpus=2, bootargs=part, token=True)
    passed_with_token(machine, "syscalltest", timeout)
    # The kernel powers off once the last process has exited: wait for that rather than kill QEMU meanwhile.
    machine.wait_for_exit()
    return machine


def traced_calls(machine, pid=None):
    """The (pid, call name, result) of every trace line, in order; only pid's if given."""
    calls = []
    for line in machine.lines(r"^trace: "):
        match = TRACE_LINE.match(line)
        assert match, f"a trace line not of the form 'trace: pid N NAME -> RESULT': {line!r}"
        call = (int(match.group(1)), match.group(2), int(match.group(3)))
        if pid is None or call[0] == pid:
            calls.append(call)
    return calls


def number_after(machine, pattern):
    return int(machine.wait_for(pattern).group(1))


@pytest.mark.points(10)
def test_trace_prints_the_calls_of_a_process(machines):
    """trace: a traced call prints pid, name and result"""
    machine = run_part(machines, "trace")
    pid = number_after(machine, r"^syscalltest: pid (\d+)\n")
    calls = traced_calls(machine)
    assert calls == [(pid, "getpid", pid)] * 3, f"expected three getpid lines for pid {pid}, got {calls}"


@pytest.mark.points(5)
def test_trace_prints_only_the_calls_in_the_mask(machines):
    """trace: only the calls in the mask print"""
    machine = run_part(machines, "mask")
    pid = number_after(machine, r"^syscalltest: pid (\d+)\n")
    ticks = number_after(machine, r"^syscalltest: uptime said (\d+)\n")
    expected = [(pid, "trace", 0), (pid, "uptime", ticks), (pid, "sleep", -1), (pid, "sleep", 0),
                (pid, "sysinfo", -2)]
    assert traced_calls(machine) == expected, "\n".join(machine.lines(r"^trace: "))


@pytest.mark.points(10)
def test_trace_is_inherited_by_children(machines):
    """trace: children inherit the mask; spawn_traced"""
    machine = run_part(machines, "inherit")
    match = machine.wait_for(r"^syscalltest: children traced (\d+) untraced (\d+) spawn_traced (\d+)\n")
    traced, untraced, by_spawn_traced = (int(n) for n in match.groups())
    grandchild = number_after(machine, rf"^syscalltest: child {traced} started grandchild (\d+)\n")
    lines = "\n".join(machine.lines(r"^trace: "))
    for pid, who in [(traced, "a child spawned while the mask was set"), (grandchild, "that child's child"),
                     (by_spawn_traced, "a child started by spawn_traced")]:
        assert traced_calls(machine, pid) == [(pid, "getpid", pid)] * 3, f"{who} (pid {pid}):\n{lines}"
    assert traced_calls(machine, untraced) == [], f"a child spawned after trace(0) is traced:\n{lines}"
    assert traced_calls(machine, 1) == [], f"the parent made no traced calls:\n{lines}"


@pytest.mark.points(5)
def test_trace_from_the_shell_through_pm(machines):
    """trace: the trace program, through pm, from the shell"""
    machine = machines.boot(cpus=2)
    pm = number_after(machine, r"^init: started pm as pid (\d+)\n")
    # Calls 7 (spawn_image), 22 (trace) and 23 (sysinfo): pm's own trace and spawn_image calls print too.
    machine.shell("trace 0xc00080 sysinfo")
    machine.wait_for(r"^processes: \d+\n")
    machine.shell("sysinfo")  # not traced: the mask went to that one child only
    machine.shell("echo finished")
    machine.wait_for(r"^finished\n")
    lines = "\n".join(machine.lines(r"^trace: ")) or "no trace lines"
    spawned = [call[2] for call in traced_calls(machine, pm) if call[1] == "spawn_image"]
    assert len(spawned) == 1, f"pm (pid {pm}) should print one spawn_image line:\n{lines}"
    expected = [(pm, "trace", 0), (pm, "spawn_image", spawned[0]), (spawned[0], "sysinfo", 0)]
    assert traced_calls(machine) == expected, lines
    assert not machine.lines(r"^sh: .* exited with status"), "\n".join(machine.lines(r"^sh: "))


@pytest.mark.points(10)
def test_sysinfo_free_memory(machines):
    """sysinfo: free pages fall by the pages mapped and come back"""
    run_part(machines, "memory")


@pytest.mark.points(5)
def test_sysinfo_processes(machines):
    """sysinfo: processes count a child until it is waited for"""
    run_part(machines, "processes")


@pytest.mark.points(5)
def test_sysinfo_bad_pointers(machines):
    """sysinfo: a bad pointer is E_FAULT, not a panic"""
    run_part(machines, "badpointer")


@pytest.mark.points(10)
def test_backtrace_names_the_call_and_its_callers(machines):
    """backtrace: names sys_backtrace, the dispatch, trap_from_ecall, trap_vector"""
    machine = run_part(machines, "backtrace")
    symbolised = symbolize_backtrace(machine.transcript)
    names = re.findall(r"^\s+#\d+ 0x[0-9a-f]+ in (\S+)", symbolised, re.MULTILINE)
    # The system-call dispatch is inlined into trap_from_user; addr2line may name either. A call
    # that missed the fast paths came through trap_from_ecall (kernel/trap.c) on its way.
    names = ["syscall_dispatch" if name == "trap_from_user" else name for name in names]
    assert names == ["sys_backtrace", "syscall_dispatch", "trap_from_ecall", "trap_vector"], (
        "the backtrace names " + (", ".join(names) or "nothing (no '  #N 0xADDRESS' lines)") + ":\n"
        + symbolised)
