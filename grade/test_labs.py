#!/usr/bin/python3
"""The labs as a course: every starter works, and students can move from one lab to the next.

For each lab, the starter (labs/labtool.py) is written to a temporary
directory, built (with -Werror, as always), booted to the shell, and graded:
it must pass every earlier lab's grader and fail its own. Then the
carry-forward: a student who finished lab X merges lab/Y into their branch
without a conflict and keeps a working lab X. These tests only make sense in
the reference (main), so a starter skips them.
"""

import json
import os
import subprocess
import sys

import pytest

import harness

sys.path.insert(0, os.path.join(harness.ROOT, "labs"))
import labtool  # noqa: E402

GRADED_LABS = [lab for lab in labtool.LABS if os.path.exists(os.path.join(harness.ROOT, "grade", f"test_lab_{lab}.py"))]

pytestmark = pytest.mark.skipif(labtool.current_lab(harness.ROOT) is not None,
                                reason="starters are made from the reference, not from a starter")

STUDENT = ["-c", "user.name=A Student", "-c", "user.email=student@example.com"]


def run(command, cwd, timeout=600):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=harness.scaled(timeout))
    assert result.returncode == 0, f"{' '.join(command)} failed in {cwd}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    return result.stdout


def build(tree):
    run(["make", "-s", "-j2", "all"], tree)


def grade(tree, labs):
    """Runs the tree's own `make grade` for labs; returns {test title: "passed" or "failed"}."""
    subprocess.run([sys.executable, "grade/grade.py", *labs], cwd=tree, capture_output=True,
                   timeout=harness.scaled(900))
    with open(os.path.join(tree, "grade", "results.json"), encoding="utf-8") as f:
        results = json.load(f)
    assert results["tests"], f"no tests ran for {labs}"
    return {test["name"]: test["status"] for test in results["tests"]}


def boots_to_the_shell(tree):
    command = [part.replace(harness.ROOT, str(tree)) for part in harness.qemu_command(cpus=2)]
    machine = harness.Machine("starter", command, cwd=tree)
    try:
        machine.wait_for(r"^\$ ", timeout=30)
    finally:
        machine.close()


@pytest.mark.parametrize("lab", GRADED_LABS)
def test_starter_builds_boots_passes_earlier_labs_and_fails_its_own(lab, tmp_path):
    tree = tmp_path / lab
    labtool.write_starter(harness.ROOT, lab, str(tree))
    errors, counts = labtool.check(str(tree))
    assert not errors and sum(counts.values()) == 0, "the starter still holds lab markers"
    build(tree)
    boots_to_the_shell(tree)
    earlier = [other for other in labtool.LABS[: labtool.LABS.index(lab)] if other in GRADED_LABS]
    if earlier:
        failed = [name for name, status in grade(tree, earlier).items() if status != "passed"]
        assert not failed, f"the starter for {lab} fails earlier labs' tests: {failed}"
    own = grade(tree, [lab])
    assert "failed" in own.values(), f"the starter for {lab} passes its own grader: the lab asks nothing"


def git(args, cwd, check=True):
    result = subprocess.run(["git", *STUDENT, *args], cwd=cwd, capture_output=True, text=True)
    if check:
        assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result


def lab_branches(tmp_path):
    """A repository holding every lab/NAME branch, as `make lab-branches` makes them."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(["init", "-q"], repo)
    labtool.make_branches(harness.ROOT, str(repo))
    return repo


def files_of_the_lab(repo, finished, following):
    """The files lab/following changes on top of lab/finished, labs/current aside: lab finished's code."""
    return git(["diff", "--name-only", f"lab/{finished}", f"lab/{following}", "--", ".",
                ":!" + labtool.CURRENT_FILE], repo).stdout.split()


@pytest.mark.parametrize("finished,following", list(zip(GRADED_LABS, GRADED_LABS[1:])))
def test_a_student_who_finished_a_lab_merges_the_next_without_conflict(finished, following, tmp_path):
    repo = lab_branches(tmp_path)
    git(["checkout", "-q", "-b", "student", f"lab/{finished}"], repo)
    # The student writes lab X's solution (here: the reference's), one file at a time, and keeps notes.
    changed = files_of_the_lab(repo, finished, following)
    assert changed, f"lab/{following} carries nothing of lab {finished}"
    for name in changed:
        content = git(["show", f"lab/{following}:{name}"], repo).stdout
        (repo / name).write_text(content)
        git(["commit", "-q", "-am", f"my {name}"], repo)
    (repo / "my-notes.txt").write_text("what I learned\n")
    git(["add", "my-notes.txt"], repo)
    git(["commit", "-q", "-m", "notes"], repo)

    merge = git(["merge", "--no-edit", f"lab/{following}"], repo, check=False)
    assert merge.returncode == 0, f"the merge of lab/{following} conflicts:\n{merge.stdout}{merge.stderr}"
    assert (repo / labtool.CURRENT_FILE).read_text().strip() == following
    assert (repo / "my-notes.txt").exists()
    build(repo)
    assert set(grade(repo, [finished]).values()) == {"passed"}, f"lab {finished} no longer passes after the merge"
    assert "failed" in grade(repo, [following]).values(), f"lab {following} passes before the student wrote it"


@pytest.mark.parametrize("finished,following", list(zip(GRADED_LABS, GRADED_LABS[1:]))[:1])
def test_a_solution_unlike_the_reference_survives_the_merge(finished, following, tmp_path):
    """labs/README.md: `git merge -X ours lab/NEXT` keeps the student's code where it differs from the reference."""
    repo = lab_branches(tmp_path)
    git(["checkout", "-q", "-b", "student", f"lab/{finished}"], repo)
    changed = files_of_the_lab(repo, finished, following)
    mine = repo / changed[0]
    reference = git(["show", f"lab/{following}:{changed[0]}"], repo).stdout
    mine.write_text("/* written my own way */\n" + reference.replace("\t", "    "))
    git(["commit", "-q", "-am", "my own solution"], repo)
    expected = mine.read_text()
    merge = git(["merge", "--no-edit", "-X", "ours", f"lab/{following}"], repo, check=False)
    assert merge.returncode == 0, merge.stdout + merge.stderr
    assert mine.read_text() == expected, "the merge changed the student's own file"
    assert (repo / labtool.CURRENT_FILE).read_text().strip() == following
