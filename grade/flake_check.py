#!/usr/bin/python3
"""`make flake-check`: every lab's grader, N runs in a row (default 20) on the
reference, stopping at the first run that is not full marks. A grader that fails
now and then teaches students to ignore it, so this must say 20/20 before a
grader ships. The graders boot on 2 harts unless a test asks otherwise.

    grade/flake_check.py [RUNS] [LAB...]
"""

import os
import subprocess
import sys
import time

GRADE_DIR = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(GRADE_DIR), "labs"))
import labtool  # noqa: E402


def main(argv):
    runs = int(argv[1]) if len(argv) > 1 else 20
    labs = argv[2:] or labtool.LABS
    start = time.monotonic()
    for run in range(1, runs + 1):
        result = subprocess.run([sys.executable, os.path.join(GRADE_DIR, "grade.py"), *labs],
                                capture_output=True, text=True)
        score = [line for line in result.stdout.splitlines() if line.startswith("Score:")]
        print("run %2d/%d: %s" % (run, runs, score[-1] if score else "no score"), flush=True)
        if result.returncode != 0:
            print(result.stdout)
            print("flake-check: run %d of %d failed (transcripts in grade/transcripts/)" % (run, runs))
            return 1
    print("flake-check: %d runs in a row passed every test of %s (%.0f s)"
          % (runs, ", ".join(labs), time.monotonic() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
