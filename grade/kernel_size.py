#!/usr/bin/python3
"""Counts the kernel's lines of C and assembly the way its budget is set:
every line under kernel/ in a .c, .h or .S file, except blank lines and
lines that hold only a comment. Run it to see the count per file:

    grade/kernel_size.py
"""

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUDGET = 3000
ASSEMBLER_DIRECTIVE = re.compile(r"#\s*(include|define|if|ifdef|ifndef|else|endif)\b")


def code_lines(path):
    """Lines of path that hold code: comments (/* */, //, and # in assembly) and blank lines do not count."""
    count = 0
    in_comment = False
    for line in open(path, encoding="utf-8"):
        text = line.strip()
        if in_comment:
            if "*/" not in text:
                continue
            in_comment = False
            text = text.split("*/", 1)[1].strip()
        if text.startswith("/*"):
            if "*/" not in text:
                in_comment = True
                continue
            text = text.split("*/", 1)[1].strip()
        if not text or text.startswith("//"):
            continue
        if path.endswith(".S") and text.startswith("#") and not ASSEMBLER_DIRECTIVE.match(text):
            continue
        count += 1
    return count


def kernel_files():
    for directory, _, files in os.walk(os.path.join(ROOT, "kernel")):
        for name in sorted(files):
            if name.endswith((".c", ".h", ".S")):
                yield os.path.join(directory, name)


def kernel_lines():
    return {os.path.relpath(path, ROOT): code_lines(path) for path in kernel_files()}


if __name__ == "__main__":
    counts = kernel_lines()
    for path, count in sorted(counts.items(), key=lambda item: item[1]):
        print(f"{count:5d}  {path}")
    total = sum(counts.values())
    print(f"{total:5d}  total (budget {BUDGET})")
    sys.exit(0 if total < BUDGET else 1)
