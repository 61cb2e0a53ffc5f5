#!/usr/bin/python3
"""GDB works the way docs/debugging.md says: `make qemu-gdb` waits for GDB,
the root .gdbinit loads the kernel's symbols and connects, a breakpoint in a
kernel function stops during boot with a sensible backtrace and variables,
and the boot finishes once GDB lets go.
"""

import os
import subprocess

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
    machine.wait_for(r"^init: pid 1, starting 3 demo programs$")
    machine.wait_for(r"^\$ ")
