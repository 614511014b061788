"""Run every test file of lib/threading.py and lib/queue.py under python3.

Each test_*.py runs in its own process, twice: on CPython's real `_thread`
(mode `native`) and on a `_thread` cut down to the runtime contract of
docs/thread-primitives.md (mode `contract`).  Prints failures, then
`N passed, M failed`; exit status 1 if anything failed.

    python3 tests/lib/threading/run_all.py [-v] [test_file.py ...]

With `--spindle BIN`, every test file runs once under that Spindle binary
instead (mode `spindle`: the runtime's own threading/queue over its native
`_thread`); tests needing a library module Spindle lacks are counted as
skipped.  Children that need the reference CPython use this python3.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MODES = ("native", "contract")


def main(argv):
    verbose = "-v" in argv
    spindle = None
    if "--spindle" in argv:
        i = argv.index("--spindle")
        spindle = os.path.abspath(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    wanted = [a for a in argv if not a.startswith("-")]
    files = sorted(f for f in os.listdir(HERE)
                   if f.startswith("test_") and f.endswith(".py"))
    if wanted:
        files = [f for f in files if f in wanted]
    passed = failed = skipped = 0
    interpreter = spindle or sys.executable
    for name in files:
        for mode in (("spindle",) if spindle else MODES):
            env = dict(os.environ, SPINDLE_THREAD_MODE=mode, SPINDLE_REFERENCE_PYTHON=sys.executable)
            try:
                proc = subprocess.run([interpreter, os.path.join(HERE, name)],
                                      cwd=HERE, env=env, capture_output=True,
                                      text=True, timeout=600)
                out, err, rc = proc.stdout, proc.stderr, proc.returncode
            except subprocess.TimeoutExpired as exc:
                out, err, rc = (exc.stdout or b"").decode(), "TIMEOUT", -1
            result = [l for l in out.splitlines() if l.startswith("RESULT ")]
            if rc != 0 or not result:
                failed += 1
                print("FAIL %s [%s]: crashed (exit %s)" % (name, mode, rc))
                print(out[-3000:])
                print(err[-3000:])
                continue
            counts = [int(n) for n in result[-1].split()[1:]] + [0]
            passed += counts[0]
            failed += counts[1]
            skipped += counts[2]
            for line in out.splitlines():
                if verbose or not line.startswith(("PASS ", "RESULT ")):
                    print("%s: %s" % (name, line))
    if skipped:
        print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    else:
        print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
