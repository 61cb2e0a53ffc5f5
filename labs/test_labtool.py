#!/usr/bin/python3
"""Host tests of the lab tool (labtool.py): the marker rules, starters, and that no solution leaks."""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labtool  # noqa: E402

# Checks of the reference's own markers and starters. A starter has no markers left, so it skips them.
REFERENCE_ONLY = pytest.mark.skipif(labtool.current_lab(labtool.ROOT) is not None,
                                    reason="a starter has no lab markers left to check")

SOURCE = """int kept;
// LAB syscall BEGIN
int solution(void) { return 42; }
// LAB syscall STUB
// int solution(void) { return -1; }
//
// LAB syscall END
int also_kept;
"""


def lines(text):
    return text.splitlines(keepends=True)


def test_a_starter_stubs_its_own_lab_and_later_ones_and_solves_earlier_ones():
    pieces = labtool.parse(lines(SOURCE))
    stubbed = "int kept;\nint solution(void) { return -1; }\n\nint also_kept;\n"
    solved = "int kept;\nint solution(void) { return 42; }\nint also_kept;\n"
    assert labtool.render(pieces, "util") == stubbed
    assert labtool.render(pieces, "syscall") == stubbed
    assert labtool.render(pieces, "pgtbl") == solved
    assert labtool.render(pieces, "ipc") == solved


def test_a_region_without_a_stub_disappears_and_indentation_is_kept():
    text = "a\n\t# LAB util BEGIN\n\tsolution\n\t# LAB util STUB\n\t#\tstub\n\t# LAB util END\nb\n"
    assert labtool.render(labtool.parse(lines(text)), "util") == "a\n\t\tstub\nb\n"
    text = "a\n# LAB ipc BEGIN\nsolution\n# LAB ipc END\nb\n"
    assert labtool.render(labtool.parse(lines(text)), "ipc") == "a\nb\n"


@pytest.mark.parametrize("text,complaint", [
    ("// LAB util BEGIN\nx\n", "has no END"),
    ("x\n// LAB util END\n", "no region is open"),
    ("// LAB util BEGIN\n// LAB syscall END\n", "the open region is lab util's"),
    ("// LAB util BEGIN\n// LAB util BEGIN\n", "inside the region"),
    ("// LAB nosuch BEGIN\n// LAB nosuch END\n", "unknown lab 'nosuch'"),
    ("// LAB util BEGIN\n// LAB util STUB\n// LAB util STUB\n// LAB util END\n", "a second STUB"),
    ("// LAB util BEGIN\n// LAB util STUB\nnot a comment\n// LAB util END\n", "does not start with '//'"),
    ("// LAB util BEGIN please\n", "malformed lab marker"),
])
def test_bad_markers_are_errors_that_say_where(text, complaint):
    with pytest.raises(labtool.MarkerError) as error:
        labtool.parse(lines(text), "f.c")
    assert complaint in str(error.value)
    assert str(error.value).startswith("f.c")


@REFERENCE_ONLY
def test_the_reference_markers_are_balanced_and_every_lab_has_regions():
    errors, counts = labtool.check(labtool.ROOT)
    assert errors == []
    assert counts["util"] > 0


def distinctive_lines(solution, stub):
    """Lines of a solution long and specific enough that finding one in a starter means it leaked."""
    stub_text = {line.strip() for line in stub}
    return {line.strip() for line in solution if len(line.strip()) >= 25 and line.strip() not in stub_text}


@REFERENCE_ONLY
@pytest.mark.parametrize("lab", labtool.LABS)
def test_a_starter_holds_no_solution_of_its_lab_or_later_ones(lab, tmp_path):
    labtool.write_starter(labtool.ROOT, lab, str(tmp_path))
    first_hidden = labtool.LABS.index(lab)
    for name in labtool.tracked_files(labtool.ROOT):
        reference = labtool.read_text(labtool.ROOT, name)
        if reference is None or not labtool.holds_markers(name):
            continue
        pieces = labtool.parse(reference, name)
        outside = "".join(p[1] for p in pieces if p[0] == "text")
        starter_path = tmp_path / name
        starter = starter_path.read_text() if starter_path.exists() else ""
        assert "LAB " + lab + " BEGIN" not in starter
        for piece in pieces:
            if piece[0] != "region" or labtool.LABS.index(piece[1]) < first_hidden:
                continue
            for line in distinctive_lines(piece[2], piece[3]):
                if line not in outside:
                    assert line not in starter, f"{name}: lab {piece[1]}'s solution leaks into the {lab} starter"


@REFERENCE_ONLY
def test_a_starter_says_which_lab_it_is_for(tmp_path):
    labtool.write_starter(labtool.ROOT, "pgtbl", str(tmp_path))
    assert labtool.current_lab(str(tmp_path)) == "pgtbl"
    assert labtool.current_lab(labtool.ROOT) is None
