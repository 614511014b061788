#!/usr/bin/env python3
"""Regenerate the expected outputs of the golden programs with CPython.

Usage:
    python3 tests/gen_expected.py              # every program under tests/programs
    python3 tests/gen_expected.py PATH_OR_GLOB...  # a subset (files, directories or globs)

A program is a `.py` file under tests/programs whose file name does not start
with `_` and which is not inside a directory whose name starts with `_`
(those are support modules imported by the programs).

For each program NAME.py this runs `python3 NAME.py` with the program's
directory as the working directory, stdin from NAME.in if it exists (else
empty), PYTHONHASHSEED=0 and PYTHONIOENCODING=utf-8, a 30 s timeout, and writes:

    NAME.out   stdout (always written, possibly empty)
    NAME.err   stderr (only when non-empty; a stale one is deleted)
    NAME.code  exit status (only when non-zero; a stale one is deleted)

In all three, the absolute path of the program's directory is replaced by the
literal `$DIR` so the files do not depend on where the checkout lives.
The harness crates/spindle/tests/golden.rs applies the same rules to spindle.
"""

import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.realpath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
TIMEOUT = 30


def is_program(path):
    """True for a golden program (not a support module)."""
    rel = os.path.relpath(path, PROGRAMS)
    parts = rel.split(os.sep)
    if not parts[-1].endswith(".py"):
        return False
    return not any(p.startswith("_") for p in parts)


def all_programs(root=PROGRAMS):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("_"))
        for f in sorted(filenames):
            p = os.path.join(dirpath, f)
            if is_program(p):
                found.append(p)
    return sorted(found)


def select(args):
    if not args:
        return all_programs()
    chosen = set()
    for arg in args:
        matches = glob.glob(arg, recursive=True) or [arg]
        for m in matches:
            m = os.path.realpath(m)
            if os.path.isdir(m):
                chosen.update(all_programs(m))
            elif os.path.isfile(m) and is_program(m):
                chosen.add(m)
            else:
                print(f"gen_expected: skipping {arg!r}: not a program", file=sys.stderr)
    return sorted(chosen)


def normalise(data, directory):
    text = data.decode("utf-8", errors="surrogateescape")
    text = text.replace(directory, "$DIR")
    return text.encode("utf-8", errors="surrogateescape")


def write_or_delete(path, data, keep):
    if keep:
        with open(path, "wb") as f:
            f.write(data)
    elif os.path.exists(path):
        os.remove(path)


def run_one(prog):
    directory = os.path.dirname(prog)
    base = prog[:-3]
    stdin_path = base + ".in"
    stdin_data = b""
    if os.path.exists(stdin_path):
        with open(stdin_path, "rb") as f:
            stdin_data = f.read()
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONDONTWRITEBYTECODE"):
        env.pop(var, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # keep __pycache__ out of the tree
    try:
        proc = subprocess.run(
            [sys.executable, os.path.basename(prog)],
            cwd=directory,
            input=stdin_data,
            capture_output=True,
            env=env,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        print(f"gen_expected: TIMEOUT {prog}", file=sys.stderr)
        return False
    out = normalise(proc.stdout, directory)
    err = normalise(proc.stderr, directory)
    write_or_delete(base + ".out", out, True)
    write_or_delete(base + ".err", err, bool(err))
    for stream, data in (("stdout", out), ("stderr", err)):
        for marker in (b" at 0x", b"Warning: "):
            if marker in data:
                print(f"gen_expected: warning: {prog} {stream} contains {marker.decode()!r}"
                      " (non-deterministic or unintended?)", file=sys.stderr)
    code = proc.returncode
    if code < 0:
        print(f"gen_expected: {prog} killed by signal {-code}", file=sys.stderr)
    write_or_delete(base + ".code", f"{code}\n".encode(), code != 0)
    return True


def main(argv):
    progs = select(argv)
    ok = 0
    for prog in progs:
        if run_one(prog):
            ok += 1
    print(f"gen_expected: wrote expectations for {ok}/{len(progs)} programs")
    return 0 if ok == len(progs) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
