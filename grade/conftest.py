#!/usr/bin/python3
"""pytest glue for the graders: builds once, hands out machines, keeps transcripts.

The `machines` fixture boots QEMU through grade/harness.py and always kills
what it started; when a test fails, the console transcript of every machine
it used is written to grade/transcripts/<test>.log.
"""

import fcntl
import os
import re
import subprocess

import pytest

import harness

TRANSCRIPT_DIR = os.path.join(harness.ROOT, "grade", "transcripts")


@pytest.fixture(scope="session", autouse=True)
def built_system():
    """Runs `make all` once per session; the lock serialises parallel pytest workers."""
    os.makedirs(os.path.join(harness.ROOT, "build"), exist_ok=True)
    with open(os.path.join(harness.ROOT, "build", ".grade-lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = subprocess.run(["make", "-s", "all"], cwd=harness.ROOT, capture_output=True, text=True)
        fcntl.flock(lock, fcntl.LOCK_UN)
    if result.returncode != 0:
        pytest.exit("make all failed:\n" + result.stdout + result.stderr, returncode=2)


def pytest_configure(config):
    config.addinivalue_line("markers", "points(n): what the test is worth in `make grade` (grade/grade.py)")


def pytest_collection_modifyitems(items):
    """Lab graders mark each test with its points; grade.py reads them from the test reports."""
    for item in items:
        marker = item.get_closest_marker("points")
        if marker is not None:
            item.user_properties.append(("points", marker.args[0]))
            doc = (item.function.__doc__ or item.name).strip().split("\n")[0]
            item.user_properties.append(("title", doc))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.test_failed = report.failed


class MachineList:
    def __init__(self):
        self.started = []

    def boot(self, **options):
        machine = harness.boot(f"machine {len(self.started) + 1}", **options)
        self.started.append(machine)
        return machine

    def start(self, command, cwd=harness.ROOT):
        machine = harness.Machine(f"machine {len(self.started) + 1}", command, cwd=cwd)
        self.started.append(machine)
        return machine


@pytest.fixture
def machines(request):
    machine_list = MachineList()
    yield machine_list
    for machine in machine_list.started:
        machine.close()
    if getattr(request.node, "test_failed", False) and machine_list.started:
        os.makedirs(TRANSCRIPT_DIR, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        path = os.path.join(TRANSCRIPT_DIR, name + ".log")
        with open(path, "w") as out:
            for machine in machine_list.started:
                out.write(f"=== {machine.name}: {' '.join(machine.command)}\n{machine.transcript}\n")
