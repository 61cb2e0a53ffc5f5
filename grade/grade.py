#!/usr/bin/python3
"""`make grade`: runs the lab graders, prints one line per test and the score.

    grade/grade.py            the lab this starter is for (labs/current); in the reference, every lab
    grade/grade.py LAB...     those labs

Each lab's grader is grade/test_lab_<lab>.py; its tests carry points with
@pytest.mark.points(n); a test may add lines under its result with
record_property("note", text), e.g. a figure it measured. The run writes
grade/results.json in Gradescope's format, and the transcript of every
failing test to grade/transcripts/.
The exit status is 0 only when every test passed.
"""

import json
import os
import sys
import time

import pytest

GRADE_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(GRADE_DIR)
sys.path.insert(0, os.path.join(ROOT, "labs"))
import labtool  # noqa: E402

RESULTS = os.path.join(GRADE_DIR, "results.json")
OUTPUT_LIMIT = 6000  # characters of failure text kept per test in results.json
# How the output of a skipped test, or of one marked as an expected failure, begins.
NOT_PASSED = "E   not passed: "


class Scoreboard:
    """A pytest plugin that keeps each test's points, outcome, time and failure text."""

    def __init__(self):
        self.tests = {}  # nodeid -> entry, in collection order

    def pytest_addoption(self, parser):
        # pytest's terminal report is off (the scoreboard prints instead), but its failure text still asks for this.
        parser.addoption("--verbose", dest="verbose", action="count", default=0)

    def pytest_collection_modifyitems(self, items):
        for item in items:
            props = dict(item.user_properties)
            if "points" in props:
                self.tests[item.nodeid] = {"name": props["title"], "max_score": props["points"],
                                           "passed": True, "ran": False, "seconds": 0.0, "output": "",
                                           "notes": []}

    def pytest_runtest_logreport(self, report):
        entry = self.tests.get(report.nodeid)
        if entry is None:
            return
        entry["seconds"] += report.duration
        entry["ran"] = entry["ran"] or report.when == "call"
        if report.when == "call":
            entry["notes"] = [value for name, value in report.user_properties if name == "note"]
        if report.failed:
            entry["passed"] = False
            entry["output"] += report.longreprtext[-OUTPUT_LIMIT:] + "\n"
        elif report.skipped:
            # A skipped test, or one marked as an expected failure, earns nothing.
            entry["passed"] = False
            entry["output"] += NOT_PASSED + getattr(report, "wasxfail", "skipped") + "\n"
        if report.when == "teardown":
            self.print_line(entry)

    @staticmethod
    def print_line(entry):
        passed = entry["passed"] and entry["ran"]
        score = entry["max_score"] if passed else 0
        print("%s  %2d/%-2d  %-66s %5.1f s" % ("PASS" if passed else "FAIL", score, entry["max_score"],
                                                entry["name"][:66], entry["seconds"]), flush=True)
        for note in entry["notes"]:
            print("          " + note[:100])
        # pytest's "E" lines say why; the full text is in results.json.
        reasons = [line[1:].strip() for line in entry["output"].split("\n") if line.startswith("E ")]
        for line in reasons[:6]:
            if line.startswith("assert "):
                break  # pytest's comparison of the values follows; the message above says it better
            print("          " + line[:100])


def lab_files(labs):
    files = []
    for lab in labs:
        path = os.path.join(GRADE_DIR, "test_lab_%s.py" % lab)
        if not os.path.exists(path):
            sys.exit("grade: no grader for lab %s (%s)" % (lab, path))
        files.append(path)
    return files


def write_results(tests, seconds):
    entries = []
    for entry in tests.values():
        passed = entry["passed"] and entry["ran"]
        output = entry["output"] if not passed else "\n".join(entry["notes"])
        if not entry["ran"] and not output:
            output = "the test did not run (see the pytest output above)"
        entries.append({"name": entry["name"], "score": entry["max_score"] if passed else 0,
                        "max_score": entry["max_score"], "status": "passed" if passed else "failed",
                        "output": output})
    results = {"score": sum(e["score"] for e in entries), "max_score": sum(e["max_score"] for e in entries),
               "execution_time": round(seconds, 1), "tests": entries}
    with open(RESULTS, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)
    return results


def main(argv):
    labs = argv[1:] or ([labtool.current_lab(ROOT)] if labtool.current_lab(ROOT) else labtool.LABS)
    for lab in labs:
        if lab not in labtool.LABS:
            sys.exit("grade: unknown lab '%s' (labs: %s)" % (lab, ", ".join(labtool.LABS)))
    print("grading lab%s %s" % ("s" if len(labs) > 1 else "", ", ".join(labs)), flush=True)
    scoreboard = Scoreboard()
    start = time.monotonic()
    # pytest's own report is switched off: the scoreboard prints one line per test instead.
    code = pytest.main(["-p", "no:terminal", "-p", "no:cacheprovider", "--rootdir", GRADE_DIR]
                       + lab_files(labs), plugins=[scoreboard])
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        print("grade: pytest stopped with %s (did the build fail? try `make`)" % code.name)
    results = write_results(scoreboard.tests, time.monotonic() - start)
    failed = [e for e in results["tests"] if e["status"] == "failed"]
    if failed:
        print("transcripts of the failing tests are in grade/transcripts/")
    print("Score: %d/%d" % (results["score"], results["max_score"]))
    return 0 if not failed and results["tests"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
