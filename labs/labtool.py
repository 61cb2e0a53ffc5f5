#!/usr/bin/python3
"""The lab tool: checks the lab markers in the source and makes starters.

Main holds the reference system. The code a student writes in lab X sits
between markers, in a comment style that suits the file (// in C and
assembly, # in Makefiles and Python):

    // LAB syscall BEGIN
    ... the reference solution ...
    // LAB syscall STUB
    // ... what the starter has instead, one comment prefix per line ...
    // LAB syscall END

The STUB part is optional; without it the region just disappears. A region
may cover a whole file; a file that is empty after stubbing is left out.
The starter for lab X is the reference with every region of lab X and of
every later lab replaced by its stub, and every region of an earlier lab
kept as plain solution code (markers removed).

    labs/labtool.py check                 every marker balanced and known
    labs/labtool.py starter LAB DIR       write the starter for LAB into DIR
    labs/labtool.py branches              the starters as git branches lab/NAME
    labs/labtool.py current               the lab this tree is a starter for
"""

import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The labs, in the order a course does them. Each starter solves the ones before it.
LABS = ["util", "syscall", "pgtbl", "ipc"]

# Written into every starter: the lab it is for. `make grade` reads it.
CURRENT_FILE = "labs/current"

MARKER = re.compile(r"^(\s*)(\S+)\s+LAB\s+(\S+)\s+(BEGIN|STUB|END)\s*$")
# A line that mentions a marker keyword but does not parse is a mistake, not text.
LOOKS_LIKE_MARKER = re.compile(r"\bLAB\s+\S+\s+(BEGIN|STUB|END)\b")


class MarkerError(Exception):
    pass


def parse(lines, path="<text>"):
    """Splits a file into pieces: ("text", lines) and ("region", lab, solution, stub).

    Raises MarkerError on an unknown lab, a marker out of place, a stub
    line without the comment prefix, or a region left open.
    """
    pieces = []
    region = None  # [lab, prefix, solution lines, stub lines or None, begin line number]
    for number, line in enumerate(lines, 1):
        where = "%s:%d" % (path, number)
        match = MARKER.match(line.rstrip("\n"))
        if match is None:
            if LOOKS_LIKE_MARKER.search(line):
                raise MarkerError("%s: malformed lab marker: %s" % (where, line.strip()))
            if region is None:
                pieces.append(("text", line))
            elif region[3] is None:
                region[2].append(line)
            else:
                region[3].append(stub_line(line, region[1], where))
            continue
        _, prefix, lab, keyword = match.groups()
        if lab not in LABS:
            raise MarkerError("%s: unknown lab '%s' (labs: %s)" % (where, lab, ", ".join(LABS)))
        if keyword == "BEGIN":
            if region is not None:
                raise MarkerError("%s: LAB %s BEGIN inside the region of lab %s opened at line %d"
                                  % (where, lab, region[0], region[4]))
            region = [lab, prefix, [], None, number]
            continue
        if region is None or region[0] != lab:
            open_text = "no region is open" if region is None else "the open region is lab %s's" % region[0]
            raise MarkerError("%s: LAB %s %s, but %s" % (where, lab, keyword, open_text))
        if keyword == "STUB":
            if region[3] is not None:
                raise MarkerError("%s: a second STUB in lab %s's region" % (where, lab))
            region[3] = []
            continue
        pieces.append(("region", lab, region[2], region[3] or []))
        region = None
    if region is not None:
        raise MarkerError("%s: LAB %s BEGIN at line %d has no END" % (path, region[0], region[4]))
    return pieces


def stub_line(line, prefix, where):
    """A stub line in the reference is a comment: strip the prefix and the space after it."""
    text = line.lstrip()
    if not text.startswith(prefix):
        raise MarkerError("%s: stub line does not start with '%s': %s" % (where, prefix, line.strip()))
    indent = line[: len(line) - len(text)]
    text = text[len(prefix):]
    if text.startswith(" "):
        text = text[1:]
    if text.strip() == "":
        return "\n"
    return indent + text


def render(pieces, lab):
    """The text of the file in the starter for lab: earlier labs solved, this and later ones stubbed."""
    first_stubbed = LABS.index(lab)
    out = []
    for piece in pieces:
        if piece[0] == "text":
            out.append(piece[1])
        elif LABS.index(piece[1]) < first_stubbed:
            out.extend(piece[2])
        else:
            out.extend(piece[3])
    return "".join(out)


def tracked_files(root):
    """The files git tracks in root (the reference); outside git, every file but build output."""
    try:
        listing = subprocess.run(["git", "ls-files", "-z"], cwd=root, check=True, capture_output=True).stdout
        # A file deleted but not yet committed is not part of the tree.
        return sorted(name for name in listing.decode().split("\0") if os.path.isfile(os.path.join(root, name)))
    except (subprocess.CalledProcessError, FileNotFoundError):
        found = []
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = [s for s in subfolders if s not in (".git", "build")]
            found.extend(os.path.relpath(os.path.join(folder, f), root) for f in files)
        return sorted(found)


def holds_markers(name):
    """Markers count in source files only: the handouts and this tool describe them."""
    return not name.startswith("labs/") and not name.endswith(".md")


def read_text(root, name):
    """The file's lines, or None for a binary file (which can hold no markers)."""
    try:
        with open(os.path.join(root, name), encoding="utf-8") as f:
            return f.readlines()
    except UnicodeDecodeError:
        return None


def check(root):
    """Returns (error messages, {lab: number of regions})."""
    errors = []
    counts = {lab: 0 for lab in LABS}
    for name in tracked_files(root):
        lines = read_text(root, name)
        if lines is None or not holds_markers(name):
            continue
        try:
            for piece in parse(lines, name):
                if piece[0] == "region":
                    counts[piece[1]] += 1
        except MarkerError as error:
            errors.append(str(error))
    return errors, counts


def write_starter(root, lab, out):
    """Writes the starter for lab into the directory out (which must be empty or missing)."""
    if lab not in LABS:
        raise MarkerError("unknown lab '%s' (labs: %s)" % (lab, ", ".join(LABS)))
    if os.path.exists(out) and os.listdir(out):
        raise MarkerError("%s is not empty" % out)
    for name in tracked_files(root):
        source = os.path.join(root, name)
        target = os.path.join(out, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        lines = read_text(root, name)
        if lines is None or not holds_markers(name):
            with open(source, "rb") as src, open(target, "wb") as dst:
                dst.write(src.read())
        else:
            text = render(parse(lines, name), lab)
            if text.strip() == "" and "".join(lines).strip() != "":
                continue  # the whole file was the solution: the student writes it
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
        os.chmod(target, os.stat(source).st_mode & 0o777)
    with open(os.path.join(out, CURRENT_FILE), "w", encoding="utf-8") as f:
        f.write(lab + "\n")


def git(args, cwd, env=None, text_input=None):
    result = subprocess.run(["git"] + args, cwd=cwd, env=env, input=text_input, check=True,
                            capture_output=True, text=True)
    return result.stdout.strip()


def make_branches(root, repo=None):
    """Writes each starter as a commit on branch lab/NAME; each lab's commit has the previous lab's as parent.

    The first lab's commit has no parent, so no branch carries main's
    history (which holds every solution). Because lab/Y grows from lab/X, a
    student who finished lab X merges lab/Y into their own branch and gets
    only what changed between the two starters: lab X's regions, which
    they have already written, and the lab name in labs/current.
    The branches go into the git repository at repo (default: root's).
    """
    repo = repo or root
    env = dict(os.environ)
    env.setdefault("GIT_AUTHOR_NAME", "lab generator")
    env.setdefault("GIT_AUTHOR_EMAIL", "labs@localhost")
    env.setdefault("GIT_COMMITTER_NAME", env["GIT_AUTHOR_NAME"])
    env.setdefault("GIT_COMMITTER_EMAIL", env["GIT_AUTHOR_EMAIL"])
    parent = None
    with tempfile.TemporaryDirectory() as scratch:
        env["GIT_INDEX_FILE"] = os.path.join(scratch, "index")
        for lab in LABS:
            tree_dir = os.path.join(scratch, lab)
            write_starter(root, lab, tree_dir)
            work_env = dict(env, GIT_WORK_TREE=tree_dir, GIT_DIR=git(["rev-parse", "--absolute-git-dir"], repo))
            git(["read-tree", "--empty"], tree_dir, work_env)
            git(["add", "-A", "."], tree_dir, work_env)
            tree = git(["write-tree"], tree_dir, work_env)
            commit_args = ["commit-tree", tree] + (["-p", parent] if parent else [])
            commit = git(commit_args, repo, env, "Starter for lab %s\n" % lab)
            git(["update-ref", "refs/heads/lab/" + lab, commit], repo)
            print("lab/%s  %s" % (lab, commit[:12]))
            parent = commit


def current_lab(root):
    """The lab a starter is for, or None in the reference."""
    path = os.path.join(root, CURRENT_FILE)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read().strip()


def main(argv):
    if len(argv) >= 2 and argv[1] == "check":
        errors, counts = check(ROOT)
        for error in errors:
            print("labtool: " + error, file=sys.stderr)
        if errors:
            return 1
        print("labtool: markers balanced; regions: " + ", ".join("%s %d" % (lab, counts[lab]) for lab in LABS))
        return 0
    if len(argv) == 4 and argv[1] == "starter":
        write_starter(ROOT, argv[2], argv[3])
        print("labtool: starter for lab %s written to %s" % (argv[2], argv[3]))
        return 0
    if len(argv) == 2 and argv[1] == "branches":
        make_branches(ROOT)
        return 0
    if len(argv) == 2 and argv[1] == "current":
        print(current_lab(ROOT) or "")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except MarkerError as error:
        print("labtool: %s" % error, file=sys.stderr)
        sys.exit(1)
