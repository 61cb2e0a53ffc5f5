#!/usr/bin/python3
"""Graders for the IPC programs: primes (a pipeline of processes, one per
prime) and pingpong (two processes bouncing a message), run as the first
program and from the shell.
"""

from harness import assert_nothing_leaked, checks_passed, free_pages_at_boot


def primes_up_to(n):
    return [p for p in range(2, n + 1) if all(p % d for d in range(2, p))]


def test_primes_pipeline(machines):
    machine = machines.boot(init="primes", cpus=2)
    pages = free_pages_at_boot(machine)
    machine.wait_for(r"^primes: done$", timeout=60)
    printed = [int(line.split()[1]) for line in machine.lines(r"^prime \d+$")]
    # Each stage prints its prime before it passes anything on, so the order is fixed.
    assert printed == primes_up_to(100), printed
    assert_nothing_leaked(machine, pages)


def test_programs_from_the_shell(machines):
    machine = machines.boot(cpus=2)
    machine.shell("primes 250")
    machine.wait_for(r"^primes: done$", timeout=60)
    printed = [int(line.split()[1]) for line in machine.lines(r"^prime \d+$")]
    assert printed == primes_up_to(250), printed
    machine.shell("pingpong 500")
    match = machine.wait_for(r"^pingpong: 500 round trips in (\d+) us \((\d+) per second\)$", timeout=60)
    assert int(match.group(1)) > 0 and int(match.group(2)) > 0
    machine.shell("primes 1")
    machine.wait_for(r"^usage: primes \[N\], with 2 <= N <= 250$")
    machine.wait_for(r"^sh: primes exited with status 1$")
    # Only that last, deliberate misuse may have failed.
    assert machine.lines(r"^sh: .* exited with status") == ["sh: primes exited with status 1"]


def test_shell_runs_commands_in_sequence_and_in_the_background(machines):
    machine = machines.boot(cpus=2)
    machine.shell("echo one; echo two;echo three")
    machine.wait_for(r"^three$")
    lines = machine.lines(r"^(one|two|three)$")
    assert lines == ["one", "two", "three"], lines
    # Twenty sleepers at once, then the built-in wait for all of them.
    machine.shell("sleep 1 & " * 20 + "echo started; wait; echo all done")
    machine.wait_for(r"^all done$", timeout=60)
    assert len(machine.lines(r"^\[\d+\]$")) == 20
    assert machine.transcript.index("started") < machine.transcript.index("all done")
    machine.shell("uptime; fault illegal & wait")
    machine.wait_for(r"^up \d+\.\d\d seconds \(\d+ ticks\)$")
    machine.wait_for(r"^sh: \[\d+\] exited with status -1$")
    assert machine.lines(r"^sh: .* exited with status") == [machine.lines(r"^sh: \[")[0]]


def test_malloc_and_free(machines):
    machine = machines.boot(init="malloctest", cpus=1)
    pages = free_pages_at_boot(machine)
    assert checks_passed(machine, "malloctest") == 8
    machine.wait_for(r"^malloctest: OK \(0 failures\)$")
    assert_nothing_leaked(machine, pages)
