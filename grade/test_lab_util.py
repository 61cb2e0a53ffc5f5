#!/usr/bin/python3
"""Grader for lab util (labs/util/README.md): sleep, pingpong, primes, gather.

Each test boots grade/programs/utiltest as the first program, which runs the
student's program as a child and reports how it ended; the test reads the
program's own lines from the console. Verdicts must carry this boot's token.
"""

import pytest

from harness import passed_with_token
from test_programs import primes_up_to


def run_part(machines, part, timeout=60):
    """Boots utiltest for one part; returns the machine once its verdict is in, failing on FAILED."""
    machine = machines.boot(init="utiltest", cpus=2, bootargs=part, token=True)
    passed_with_token(machine, "utiltest", timeout)
    return machine


@pytest.mark.points(10)
def test_sleep(machines):
    """sleep: waits the given seconds, usage error without one"""
    run_part(machines, "sleep")


@pytest.mark.points(10)
def test_pingpong(machines):
    """pingpong: 100 round trips between two processes"""
    machine = run_part(machines, "pingpong")
    assert machine.lines(r"^pingpong: 100 round trips in \d+ us \(\d+ per second\)$"), "no rate line"


@pytest.mark.points(20)
def test_primes(machines):
    """primes: a pipeline of processes prints the primes up to 100"""
    machine = run_part(machines, "primes")
    printed = [int(line.split()[1]) for line in machine.lines(r"^prime \d+$")]
    assert printed == primes_up_to(100), printed
    assert machine.lines(r"^primes: done$"), "no 'primes: done' line"


@pytest.mark.points(10)
def test_gather(machines):
    """gather: answers printed in the order the workers started"""
    machine = run_part(machines, "gather")
    answers = machine.lines(r"^gather: worker \d+ \(pid \d+\) answered -?\d+$")
    indexes = [int(line.split()[2]) for line in answers]
    values = [int(line.split()[-1]) for line in answers]
    pids = {line.split()[4] for line in answers}
    assert indexes == [1, 2, 3, 4, 5, 6], "\n".join(answers)
    assert values == [i * i for i in indexes], "\n".join(answers)
    assert len(pids) == 6, "the answers should come from six different workers"
    assert machine.lines(r"^gather: done$"), "no 'gather: done' line"
