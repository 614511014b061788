"""threading._shutdown(): what the runtime calls at interpreter exit.

Each case runs in a fresh python3 that plays the runtime: it runs a "main
module" and then calls our `_shutdown()` itself, since CPython's exit
sequence only knows about CPython's own threading module.
"""

from _support import load, eq, ok, raises, run, run_python

threading, _ = load()

PRELUDE = r'''
import sys, time
from _support import load
threading, _ = load()
def say(*a):
    print(*a, flush=True)
'''


def test_joins_non_daemon_threads():
    code = PRELUDE + r'''
def worker(i):
    time.sleep(0.05 * (i + 1))
    say("worker", i, "done")
for i in range(3):
    threading.Thread(target=worker, args=(i,)).start()
say("main done")
threading._shutdown()
say("after shutdown", threading.active_count(), threading.main_thread().is_alive())
'''
    rc, out, err = run_python(code)
    eq(rc, 0, "exit: " + err)
    eq(out.splitlines(), ["main done", "worker 0 done", "worker 1 done",
                          "worker 2 done", "after shutdown 1 False"], "order")


def test_daemon_threads_not_joined():
    code = PRELUDE + r'''
forever = threading.Event()
d = threading.Thread(target=forever.wait, daemon=True)
d.start()
def child_of_daemon():
    # Threads made by a daemon thread are daemons too.
    threading.Thread(target=forever.wait).start()
threading.Thread(target=child_of_daemon, daemon=True).start()
t0 = time.monotonic()
threading._shutdown()
say("returned", time.monotonic() - t0 < 10, d.is_alive())
'''
    rc, out, err = run_python(code)
    eq(rc, 0, "exit: " + err)
    eq(out.strip(), "returned True True", "daemon left running")


def test_threads_started_during_shutdown():
    code = PRELUDE + r'''
def second():
    time.sleep(0.05)
    say("second done")
def first():
    time.sleep(0.05)
    threading.Thread(target=second).start()
    say("first done")
threading.Thread(target=first).start()
threading._shutdown()
say("after")
'''
    rc, out, err = run_python(code)
    eq(rc, 0, "exit: " + err)
    eq(out.splitlines(), ["first done", "second done", "after"], "waits for late threads")


def test_register_atexit():
    code = PRELUDE + r'''
ev = threading.Event()
def worker():
    ev.wait()
    say("worker released")
threading.Thread(target=worker).start()
threading._register_atexit(ev.set)   # runs last: releases the worker
threading._register_atexit(say, "callback", 1)
threading._register_atexit(say, "callback", 2)
threading._shutdown()
say("main stopped", threading.main_thread().is_alive())
try:
    threading._register_atexit(say, "late")
except RuntimeError as e:
    say("error:", e)
threading._shutdown()     # second call does nothing
say("end")
'''
    rc, out, err = run_python(code)
    eq(rc, 0, "exit: " + err)
    eq(out.splitlines(), ["callback 2", "callback 1", "worker released",
                          "main stopped False",
                          "error: can't register atexit after shutdown", "end"], "order")


def test_exception_thread_does_not_block_shutdown():
    code = PRELUDE + r'''
def bad():
    time.sleep(0.05)
    raise ValueError("late failure")
threading.Thread(target=bad, name="bad").start()
threading._shutdown()
say("after")
'''
    rc, out, err = run_python(code)
    eq(rc, 0, "exit")
    eq(out.strip(), "after", "stdout")
    ok(err.startswith("Exception in thread bad:\nTraceback"), err)
    ok(err.endswith("ValueError: late failure\n"), err)


run(globals())
