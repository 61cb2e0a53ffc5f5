#!/usr/bin/python3
"""Grader for lab pgtbl (labs/pgtbl/README.md): printing a page table, the
kernel-info page, and sharing pages between a producer and a consumer.

Each test boots grade/programs/pgtbltest as the first program with one part
(print, info, readonly, bench, share); its verdict must carry this boot's
token. Every test also checks that no page is leaked: when the last process
has exited, the kernel must have as many free pages as at boot.
"""

import re

import pytest

from harness import assert_nothing_leaked, free_pages_at_boot, passed_with_token

# The printout's format (docs/memory.md): indentation, level, virtual address, physical address, flags.
ENTRY = re.compile(r"^( *)L([012]) va 0x([0-9a-f]+) pa 0x([0-9a-f]+) ([r-][w-][x-][u-][g-][a-][d-])$")
PAGE_SIZE = 4096
USER_SPACE_END = 0x40_0000_0000
PROGRAM_START = 0x1_0000
MAPPED_PAGE = 0x18_0000_0000  # where pgtbltest maps a page of its own before printing
BOOT_IMAGE = 0x20_0000_0000
INFO_PAGE = 0x38_0000_0000
STACK_PAGES = [USER_SPACE_END - PAGE_SIZE * (2 + i) for i in range(8)]  # below the guard page


def span(level):
    """Bytes one entry maps at a level: 4 KiB, 2 MiB, 1 GiB (Sv39)."""
    return PAGE_SIZE << (9 * level)


def boot_part(machines, part, timeout=60, **options):
    """Boots pgtbltest for one part; returns (machine, free pages at boot) once its verdict is OK."""
    machine = machines.boot(init="pgtbltest", bootargs=part, token=True, **options)
    pages = free_pages_at_boot(machine)
    passed_with_token(machine, "pgtbltest", timeout, explain=r"^pgtbltest: (FAIL |the .* exited)|^kernel: killed")
    return machine, pages


def printout(machine):
    """The lines the kernel printed for pgtable_print(), between pgtbltest's two lines around the call."""
    lines = machine.transcript.split("\n")
    start = [i for i, line in enumerate(lines) if line.startswith("pgtbltest: page table of pid")]
    end = [i for i, line in enumerate(lines) if line.startswith("pgtbltest: ok pgtable_print returns")]
    assert start and end, "pgtbltest did not get to print its page table"
    printed = lines[start[0] + 1:end[0]]
    assert printed, "pgtable_print() printed nothing"
    return printed


def parse(line):
    match = ENTRY.match(line)
    assert match, f"not an entry line in the documented format: {line!r}"
    indent, level, va, pa, flags = match.groups()
    return len(indent), int(level), int(va, 16), int(pa, 16), flags


def leaves(printed):
    """{virtual address: (physical address, flags)} of every 4 KiB leaf in the printout."""
    found = {}
    for line in printed:
        _, level, va, pa, flags = parse(line)
        if level == 0:
            found[va] = (pa, flags)
    return found


@pytest.mark.points(10)
def test_pgtable_print_format(machines):
    """pgtable_print: a line per entry, indented, user half only"""
    machine, pages = boot_part(machines, "print")
    printed = printout(machine)
    parents = []  # the tables above the current line: (level, va)
    last_va, last_level = -1, None
    tables = set()
    for number, line in enumerate(printed):
        indent, level, va, pa, flags = parse(line)
        assert indent == 2 * (2 - level), f"L{level} should be indented by {2 * (2 - level)} spaces: {line!r}"
        assert va < USER_SPACE_END, f"an entry of the kernel half is printed: {line!r}"
        assert va % span(level) == 0, f"an L{level} entry maps a {span(level)}-byte aligned range: {line!r}"
        # In address order; a table's first entry may start where the table's own range starts.
        assert va > last_va or (va == last_va and level == last_level - 1), f"out of order: {line!r}"
        last_va, last_level = va, level
        assert pa % PAGE_SIZE == 0, f"a physical address is page-aligned: {line!r}"
        assert "g" not in flags, f"no user page is global: {line!r}"
        while parents and parents[-1][0] <= level:
            parents.pop()
        if level == 2:
            assert not parents, line
        else:
            assert parents and parents[-1][0] == level + 1, f"L{level} without an L{level + 1} table above: {line!r}"
            above = parents[-1][1]
            assert above <= va < above + span(level + 1), f"outside the range of the table above: {line!r}"
        if flags[:3] == "---":
            assert flags == "-------", f"an entry that points to a table has no other flags: {line!r}"
            assert pa not in tables, f"two entries point to one table: {line!r}"
            tables.add(pa)
            following = parse(printed[number + 1])[1] if number + 1 < len(printed) else None
            assert following == level - 1, f"the table below this entry is not printed under it: {line!r}"
            parents.append((level, va))
        else:
            assert flags[3] == "u", f"every leaf of the user half has u: {line!r}"
    assert_nothing_leaked(machine, pages)


@pytest.mark.points(10)
def test_pgtable_print_content(machines):
    """pgtable_print: text r-x, stack rw-, info page r--, all u"""
    machine, pages = boot_part(machines, "print")
    found = leaves(printout(machine))
    assert found.get(PROGRAM_START, (0, ""))[1] == "r-xu-ad", "the program's text at 0x10000 is r-x, u"
    program = [flags for va, (pa, flags) in found.items() if PROGRAM_START <= va < 0x10_0000_0000]
    assert "rw-u-ad" in program, "the program's data is rw-, u"
    assert found.get(MAPPED_PAGE, (0, ""))[1] == "rw-u-ad", "the page from map_pages at 0x1800000000 is rw-, u"
    image = sorted(va for va in found if BOOT_IMAGE <= va < BOOT_IMAGE + 0x1000_0000)
    assert image and image == [BOOT_IMAGE + PAGE_SIZE * i for i in range(len(image))], "the boot image"
    assert {found[va][1] for va in image} == {"r--u-ad"}, "the boot image is r--, u"
    assert found.get(INFO_PAGE, (0, ""))[1] == "r--u-ad", "the kernel-info page at 0x3800000000 is r--, u"
    for va in STACK_PAGES:
        assert found.get(va, (0, ""))[1] == "rw-u-ad", f"the stack page at {va:#x} is rw-, u"
    assert USER_SPACE_END - PAGE_SIZE not in found, "the guard page above the stack is not mapped"
    known = set(image) | set(STACK_PAGES) | {MAPPED_PAGE, INFO_PAGE}
    strangers = [hex(va) for va in found if va not in known and not PROGRAM_START <= va < 0x10_0000_0000]
    assert not strangers, f"pages that pgtbltest does not have: {strangers}"
    assert_nothing_leaked(machine, pages)


@pytest.mark.points(10)
def test_info_page(machines):
    """info page: getpid and uptime agree with the kernel"""
    machine, pages = boot_part(machines, "info")
    assert_nothing_leaked(machine, pages)


@pytest.mark.points(5)
def test_info_page_read_only(machines):
    """info page: read-only, a write kills only the writer"""
    machine, pages = boot_part(machines, "readonly")
    killed = machine.lines(r"^kernel: killed pid \d+ \(pgtbltest\): store page fault .*stval=0x3800000000$")
    assert len(killed) == 1, "the writer should die of a store page fault at 0x3800000000"
    assert_nothing_leaked(machine, pages)


@pytest.mark.points(10)
def test_info_page_bench(machines, record_property):
    """info page: getpid and uptime without a trap (instructions)"""
    machine, pages = boot_part(machines, "bench", timeout=120, cpus=1, extra=("-icount", "shift=0"))
    figures = {}
    for name in ("getpid", "uptime"):
        match = machine.wait_for(rf"^pgtbltest: {name}\(\) (\d+) instructions, the {name} kernel call (\d+)\n")
        figures[name] = (int(match.group(1)), int(match.group(2)))
        record_property("note", f"{name}(): {figures[name][0]} instructions through the info page, "
                                f"{figures[name][1]} through the kernel call")
    for name, (page, call) in figures.items():
        assert call >= 100, f"the {name} kernel call should cost 100 instructions or more, not {call}"
        assert page <= 20, f"{name}() costs {page} instructions: it still traps (at most 20 without a trap)"
    assert_nothing_leaked(machine, pages)


@pytest.mark.points(15)
def test_share_pages_producer_consumer(machines):
    """share_pages: a producer streams 20000 items to a consumer"""
    machine, pages = boot_part(machines, "share")
    took = machine.wait_for(r"^pgtbltest: consumer took (\d+) items, (\d+) out of place, checksum (\w+)\n")
    put = machine.wait_for(r"^pgtbltest: producer put (\d+) items, checksum (\w+)\n")
    assert int(took.group(1)) == int(put.group(1)) == 20000, "20000 items put and taken"
    assert int(took.group(2)) == 0, "items lost, repeated or out of order"
    assert took.group(3) == put.group(2), "the consumer's checksum differs from the producer's"
    assert_nothing_leaked(machine, pages)
