"""Thread objects, naming, lifecycle and the module-level queries."""

import _thread
import sys

from _support import (load, eq, ok, raises, wait_until, run, run_python, lazy,
                      spawn, reference_python, fullmatch)

warnings = lazy("warnings")

threading, _ = load()


def test_main_thread():
    main = threading.main_thread()
    eq(main.name, "MainThread", "main name")
    eq(type(main).__name__, "_MainThread", "main class")
    ok(main is threading.current_thread(), "current_thread in main")
    eq(main.ident, threading.get_ident(), "main ident")
    eq(main.ident, _thread.get_ident(), "main ident vs _thread")
    eq(main.native_id, threading.get_native_id(), "main native id")
    ok(main.is_alive(), "main alive")
    eq(main.daemon, False, "main daemon")
    ok(fullmatch(r"<_MainThread\(MainThread, started \d+\)>", repr(main)), repr(main))
    raises(RuntimeError, main.join, message="cannot join current thread")


def test_names_like_cpython():
    # Run the same naming sequence under CPython's threading and ours.
    code = r'''
import functools, sys, _thread, time
def names(threading):
    out = []
    def f(): pass
    class C(threading.Thread): pass
    out.append(threading.Thread(target=f).name)
    out.append(threading.Thread().name)
    out.append(C().name)
    out.append(threading.Thread(target=f, name="x").name)
    out.append(threading.Thread(target=lambda: 0).name)
    out.append(threading.Thread(target=functools.partial(f)).name)
    out.append(threading.Thread(target=print).name)
    out.append(threading.Thread(name=5).name)
    out.append(threading.Thread(name="").name)
    out.append(threading.Timer(1, f).name)
    done = []
    _thread.start_new_thread(lambda: done.append(threading.current_thread().name), ())
    while not done: time.sleep(0.001)
    out.append(done[0])
    out.append(threading.Thread(target=f).name)
    t = threading.Thread(target=f); t.start(); t.join()
    out.append(t.name)
    return out
'''
    # The reference runs on CPython's own threading, ours in a separate child.
    rc, ref, err = spawn([reference_python(), "-c", code + "import threading\nprint(names(threading))\n"])
    eq(rc, 0, "reference child exit: " + err)
    rc, out, err = run_python(code + "from _support import load\nours, _ = load()\nprint(names(ours))\n")
    eq(rc, 0, "child exit: " + err)
    lines = ref.splitlines() + out.splitlines()
    eq(len(lines), 2, "two lines")
    eq(lines[1], lines[0], "names")
    ok("'Thread-1 (f)'" in lines[0] and "'Dummy-9'" in lines[0], lines[0])


def test_repr_lifecycle():
    ev = threading.Event()
    t = threading.Thread(target=ev.wait, name="w")
    eq(repr(t), "<Thread(w, initial)>", "initial")
    t.daemon = True
    eq(repr(t), "<Thread(w, initial daemon)>", "initial daemon")
    t.daemon = False
    eq(t.ident, None, "ident before start")
    eq(t.native_id, None, "native_id before start")
    ok(not t.is_alive(), "not alive before start")
    t.start()
    ok(t.is_alive(), "alive")
    ok(isinstance(t.ident, int) and t.ident != threading.get_ident(), "ident")
    ok(isinstance(t.native_id, int), "native id")
    eq(repr(t), "<Thread(w, started %d)>" % t.ident, "started")
    ok(t in threading.enumerate(), "in enumerate")
    ev.set()
    t.join()
    ok(not t.is_alive(), "not alive after join")
    eq(repr(t), "<Thread(w, stopped %d)>" % t.ident, "stopped")
    ok(t not in threading.enumerate(), "gone from enumerate")
    raises(RuntimeError, t.start, message="threads can only be started once")
    t.join()          # joining twice is fine

    class Sub(threading.Thread):
        pass
    s = Sub(name="s", daemon=True)
    eq(repr(s), "<Sub(s, initial daemon)>", "subclass repr")


def test_stopped_noticed_without_join():
    t = threading.Thread(target=lambda: None)
    t.start()
    wait_until(lambda: not t.is_alive(), what="thread end")
    ok(repr(t).startswith("<Thread(Thread-") and "stopped" in repr(t), repr(t))


def test_target_args_kwargs():
    got = []
    def f(*a, **k):
        got.append((a, k, threading.current_thread().name))
    t = threading.Thread(target=f, args=(1, 2), kwargs={"x": 3}, name="T")
    t.start(); t.join()
    eq(got, [((1, 2), {"x": 3}, "T")], "call")
    t = threading.Thread(target=f, args=[4])
    t.start(); t.join()
    eq(got[1][:2], ((4,), {}), "list args")
    ok(not hasattr(t, "_target"), "target dropped after run")
    t = threading.Thread()       # no target: run() does nothing
    t.start(); t.join()


def test_subclass_run():
    class Worker(threading.Thread):
        def __init__(self, n):
            super().__init__()
            self.n = n
            self.result = None
        def run(self):
            self.result = sum(range(self.n))
            self.me = threading.current_thread()
    w = Worker(1000)
    w.start(); w.join()
    eq(w.result, 499500, "result")
    ok(w.me is w, "current_thread() inside run is the object")


def test_start_join_errors():
    t = threading.Thread(target=lambda: None)
    raises(RuntimeError, t.join, message="cannot join thread before it is started")
    class NoInit(threading.Thread):
        def __init__(self):
            pass
    n = NoInit()
    raises(RuntimeError, n.start, message="thread.__init__() not called")
    raises(RuntimeError, n.join, message="Thread.__init__() not called")
    raises(AssertionError, repr, n, message="Thread.__init__() was not called")
    raises(AssertionError, n.is_alive, message="Thread.__init__() not called")
    raises(RuntimeError, setattr, n, "daemon", True, message="Thread.__init__() not called")
    raises(AssertionError, threading.Thread, group=1, message="group argument must be None for now")
    def selfjoin():
        try:
            threading.current_thread().join()
        except RuntimeError as e:
            box.append(str(e))
    box = []
    t = threading.Thread(target=selfjoin); t.start(); t.join()
    eq(box, ["cannot join current thread"], "self join")


def test_join_timeout():
    ev = threading.Event()
    t = threading.Thread(target=ev.wait)
    t.start()
    t.join(0.05)
    ok(t.is_alive(), "still alive after join timeout")
    t.join(-1)     # negative timeout: poll
    t.join(0)
    ok(t.is_alive(), "still alive after join(0)")
    ev.set()
    t.join(30)
    ok(not t.is_alive(), "ended")


def test_many_joiners():
    ev = threading.Event()
    t = threading.Thread(target=ev.wait)
    t.start()
    done = []
    joiners = [threading.Thread(target=lambda: (t.join(), done.append(1))) for _ in range(5)]
    for j in joiners:
        j.start()
    ev.set()
    for j in joiners:
        j.join()
    eq(len(done), 5, "all joiners returned")


def test_daemon_property():
    eq(threading.Thread().daemon, False, "default from main")
    eq(threading.Thread(daemon=True).daemon, True, "explicit")
    box = []
    def child():
        box.append(threading.Thread().daemon)
    t = threading.Thread(target=child, daemon=True)
    t.start(); t.join()
    eq(box, [True], "inherited from a daemon creator")
    ev = threading.Event()
    t = threading.Thread(target=ev.wait)
    t.start()
    raises(RuntimeError, setattr, t, "daemon", True, message="cannot set daemon status of active thread")
    ev.set(); t.join()
    raises(RuntimeError, setattr, t, "daemon", True, message="cannot set daemon status of active thread")


def test_name_property():
    t = threading.Thread(name="a")
    t.name = "b"
    eq(t.name, "b", "set")
    t.name = 7
    eq(t.name, "7", "str()")


def test_deprecated_aliases():
    t = threading.Thread(name="n")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        ok(threading.currentThread() is threading.current_thread(), "currentThread")
        eq(threading.activeCount(), threading.active_count(), "activeCount")
        eq(t.isDaemon(), False, "isDaemon")
        t.setDaemon(True)
        eq(t.getName(), "n", "getName")
        t.setName("m")
        eq(t.name, "m", "setName")
        ev = threading.Event()
        eq(ev.isSet(), False, "isSet")
        c = threading.Condition()
        with c:
            c.notifyAll()
    msgs = [str(x.message) for x in w]
    eq(msgs, [
        "currentThread() is deprecated, use current_thread() instead",
        "activeCount() is deprecated, use active_count() instead",
        "isDaemon() is deprecated, get the daemon attribute instead",
        "setDaemon() is deprecated, set the daemon attribute instead",
        "getName() is deprecated, get the name attribute instead",
        "setName() is deprecated, set the name attribute instead",
        "isSet() is deprecated, use is_set() instead",
        "notifyAll() is deprecated, use notify_all() instead",
    ], "warnings")
    ok(all(x.category is DeprecationWarning for x in w), "categories")
    ok(all(x.filename == __file__ for x in w), "warnings point at the caller")


def test_enumerate_active_count():
    before = threading.active_count()
    eq(before, len(threading.enumerate()), "count == len(enumerate)")
    ev = threading.Event()
    ts = [threading.Thread(target=ev.wait) for _ in range(6)]
    for t in ts:
        t.start()
    eq(threading.active_count(), before + 6, "six more")
    listed = threading.enumerate()
    ok(all(t in listed for t in ts), "all listed")
    ok(threading.main_thread() in listed, "main listed")
    ev.set()
    for t in ts:
        t.join()
    eq(threading.active_count(), before, "back")


def test_dummy_thread():
    box = []
    done = threading.Event()
    def raw():
        cur = threading.current_thread()
        box.append((cur, cur.name, cur.daemon, cur.is_alive(), cur.ident == threading.get_ident()))
        box.append(cur is threading.current_thread())
        try:
            cur.join()
        except AssertionError as e:
            box.append(str(e))
        done.set()
    _thread.start_new_thread(raw, ())
    ok(done.wait(30), "raw thread ran")
    cur, name, daemon, alive, same = box[0]
    ok(fullmatch(r"Dummy-\d+", name), name)
    eq(type(cur).__name__, "_DummyThread", "class")
    ok(daemon and alive and same, "dummy properties")
    eq(box[1], True, "same object each time")
    eq(box[2], "cannot join a dummy thread", "join")
    ok(fullmatch(r"<_DummyThread\(Dummy-\d+, started daemon \d+\)>", repr(cur)), repr(cur))
    ok(cur in threading.enumerate(), "dummy stays listed (as CPython 3.11)")


def test_ident_functions():
    box = []
    t = threading.Thread(target=lambda: box.append((threading.get_ident(), threading.get_native_id())))
    t.start(); t.join()
    eq(box[0], (t.ident, t.native_id), "idents inside the thread")
    ok(threading.get_ident() != t.ident, "different from main")


def test_module_constants():
    eq(threading.TIMEOUT_MAX, _thread.TIMEOUT_MAX, "TIMEOUT_MAX")
    ok(threading.ThreadError is RuntimeError, "ThreadError")
    ok(threading.local is _thread._local, "local")
    ok(callable(threading.stack_size), "stack_size")
    eq(threading.stack_size(), 0, "stack_size()")
    import threading as cpython
    eq(sorted(threading.__all__), sorted(cpython.__all__), "__all__")
    for name in threading.__all__:
        ok(hasattr(threading, name), "missing " + name)
    ok(isinstance(threading.Lock(), _thread.LockType) or MODE_CONTRACT, "Lock type")


MODE_CONTRACT = __import__("_support").MODE == "contract"


def test_local():
    data = threading.local()
    data.x = "main"
    box = []
    def f(i):
        box.append(hasattr(data, "x"))
        data.x = i
        box.append(data.x)
    ts = [threading.Thread(target=f, args=(i,)) for i in range(4)]
    for t in ts:
        t.start(); t.join()
    eq(box, [False, 0, False, 1, False, 2, False, 3], "per-thread")
    eq(data.x, "main", "main value kept")


def test_trace_profile_unsupported():
    exc = raises(NotImplementedError, threading.settrace, lambda *a: None)
    ok("settrace" in str(exc), str(exc))
    exc = raises(NotImplementedError, threading.setprofile, lambda *a: None)
    ok("setprofile" in str(exc), str(exc))
    eq(threading.gettrace(), None, "gettrace")
    eq(threading.getprofile(), None, "getprofile")


def test_start_failure_cleans_up():
    real = threading._start_new_thread
    def boom(*a):
        raise RuntimeError("can't start new thread")
    threading._start_new_thread = boom
    try:
        t = threading.Thread(target=lambda: None)
        raises(RuntimeError, t.start, message="can't start new thread")
    finally:
        threading._start_new_thread = real
    ok(t not in threading.enumerate(), "not left in limbo")
    ok(not t.is_alive(), "not alive")


run(globals())
