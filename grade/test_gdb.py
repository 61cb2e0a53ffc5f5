#!/usr/bin/python3
"""GDB works the way docs/debugging.md says: `make qemu-gdb` waits for GDB,
the root .gdbinit loads the kernel's symbols and connects, a breakpoint in a
kernel function stops during boot with a sensible backtrace and variables,
and the boot finishes once GDB lets go.
"""

import os
import re
import subprocess

import pytest

import harness


def run_gdb(port, commands):
    """Runs gdb-multiarch in batch mode with the project's .gdbinit and the given commands."""
    command = ["gdb-multiarch", "-q", "-batch", "-iex", f"set auto-load safe-path {harness.ROOT}"]
    for line in commands:
        command += ["-ex", line]
    environment = dict(os.environ, GDBPORT=str(port))
    return subprocess.run(command, cwd=harness.ROOT, env=environment, capture_output=True, text=True,
                          timeout=harness.scaled(60))


def test_gdb_stops_in_the_kernel_during_boot(machines):
    port = harness.free_tcp_port()
    machine = machines.start(["make", "-s", "qemu-gdb", f"GDBPORT={port}", "CPUS=2"])
    machine.wait_for(rf"QEMU is waiting for GDB on port {port}")
    harness.wait_for_listening_port(port)
    # QEMU must not run a single instruction before GDB is attached.
    assert "OpenSBI" not in machine.transcript

    result = run_gdb(port, [
        "break proc_create",
        "continue",
        "backtrace",
        "print boot_info.hart_count",
        "print args->pointers[0]",
        "delete",
        "detach",
    ])
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Breakpoint 1, proc_create" in output, output
    # The boot hart creates init from kernel_main through start_init.
    assert "start_init" in output and "kernel_main" in output, output
    assert "$1 = 2" in output, output
    assert '$2 = ' in output and '"init"' in output, output
    machine.wait_for(r"^init: pid 1, starting pm and the servers$")
    machine.wait_for(r"^\$ ")


def test_a_kernel_panic_shows_the_cause_and_a_symbolised_backtrace(machines):
    """No user input can make the kernel panic, so GDB plants a bug: init's
    first kernel call, the console_write of its first line, reaches
    sys_console_write with a null process pointer."""
    port = harness.free_tcp_port()
    machine = machines.start(["make", "-s", "qemu-gdb", f"GDBPORT={port}", "CPUS=1"])
    harness.wait_for_listening_port(port)
    result = run_gdb(port, ["break sys_console_write", "continue", "set var $a0 = 0", "delete", "detach"])
    assert result.returncode == 0 and "Breakpoint 1, sys_console_write" in result.stdout, \
        result.stdout + result.stderr

    with pytest.raises(harness.BootFailure) as failure:
        machine.wait_for(r"^init: pid 1")
    report = str(failure.value)
    assert "the kernel panicked" in report
    # p->frame.regs[REG_A0] is a word a few dozen bytes into struct proc, so the load faults near address 0.
    match = re.search(r"^panic: trap in kernel: load page fault \(scause 0xd\), sepc=0xffffffc0[0-9a-f]+, "
                      r"stval=(0x[0-9a-f]+)$", report, re.MULTILINE)
    assert match and 0 < int(match.group(1), 16) < 0x1000, report
    assert "on hart 0, process 1 (init)" in report
    assert re.search(r"#0 0x[0-9a-f]+ in sys_console_write at .*kernel/console.c:\d+", report), report
    # Its caller is trap_from_user, where the system-call dispatch (syscall.h) is inlined, so addr2line
    # names the inlined function; the chain goes on at the trap vector.
    assert re.search(r"#1 0x[0-9a-f]+ in (syscall_dispatch|trap_from_user) at .*kernel/(syscall.h|trap.c):\d+",
                     report), report
    assert re.search(r"#2 0x[0-9a-f]+ in trap_vector at .*kernel/trap_entry.S:\d+", report), report
