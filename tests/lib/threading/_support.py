"""Shared helpers for the tests of lib/threading.py and lib/queue.py.

The modules under test are loaded from lib/ under the aliases
`spindle_threading` and `spindle_queue`, so they never mix with CPython's own
`threading` and `queue`.

Two modes, chosen by the environment variable SPINDLE_THREAD_MODE:

* ``native``   -- lib/threading.py imports CPython's real `_thread`.
* ``contract`` -- it imports a stand-in `_thread` that offers *only* the
  contract of docs/thread-primitives.md (locks wrapped so that CPython's extra
  methods such as RLock._release_save are hidden).  This is what proves the
  modules need nothing more than the Rust side will provide.

* ``spindle``  -- the test file itself runs under Spindle (``run_all.py
  --spindle BIN``): `threading` and `queue` are the runtime's own embedded
  modules over its native `_thread`.  Modules Spindle's library does not have
  yet (`re`, `ast`, `tempfile`, `subprocess`...) are imported lazily through
  `lazy()`; a test that needs one is reported as ``SKIP`` (never as passed).
  Children that must run the reference CPython use `reference_python()`.

A test file defines `test_*` functions and ends with `run(globals())`, which
runs them in order and prints one line per test (``PASS name`` /
``FAIL name`` / ``SKIP name``) and a final ``RESULT passed failed skipped``
line for run_all.py.
"""

import os
import sys
import traceback
import types

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
LIB = os.path.join(ROOT, "lib")
THREADING_PATH = os.path.join(LIB, "threading.py")
QUEUE_PATH = os.path.join(LIB, "queue.py")

SPINDLE = sys.implementation.name == "spindle"
MODE = "spindle" if SPINDLE else os.environ.get("SPINDLE_THREAD_MODE", "native")


class Skip(Exception):
    """The test needs something this runtime does not offer yet."""


class lazy:
    """A module imported on first attribute access; a missing one skips the test."""

    def __init__(self, name):
        self._name = name

    def __getattr__(self, attr):
        try:
            mod = __import__(self._name)
        except ImportError as exc:
            raise Skip("no module named %r" % self._name) from exc
        for part in self._name.split(".")[1:]:
            mod = getattr(mod, part)
        return getattr(mod, attr)


def fullmatch(pattern, text):
    """`re.fullmatch(pattern, text)`; without `re` (Spindle's library lacks it
    so far) a small matcher serves the subset the tests use: literals,
    backslash escapes, `.*`, `\\d+` and `[0-9a-f]+`.  Anything else skips."""
    try:
        import re
    except ImportError:
        re = None
    if re is not None:
        return re.fullmatch(pattern, text) is not None
    tokens, i = [], 0
    classes = {"d": str.isdigit}
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            pred = classes.get(nxt) or (lambda ch, nxt=nxt: ch == nxt)
            i += 2
        elif pattern.startswith("[0-9a-f]", i):
            pred = lambda ch: ch in "0123456789abcdef"
            i += len("[0-9a-f]")
        elif c == ".":
            pred = lambda ch: ch != "\n"
            i += 1
        elif c in "()[]{}|?+*^$":
            raise Skip("regex %r needs the re module" % pattern)
        else:
            pred = lambda ch, c=c: ch == c
            i += 1
        lo, hi = 1, 1
        if i < len(pattern) and pattern[i] in "+*":
            lo, hi = (1 if pattern[i] == "+" else 0), None
            i += 1
        tokens.append((pred, lo, hi))
    def match(ti, si):
        if ti == len(tokens):
            return si == len(text)
        pred, lo, hi = tokens[ti]
        n = 0
        while n < lo:
            if si + n >= len(text) or not pred(text[si + n]):
                return False
            n += 1
        while True:
            if match(ti + 1, si + n):
                return True
            if (hi is not None and n >= hi) or si + n >= len(text) or not pred(text[si + n]):
                return False
            n += 1
    return match(0, 0)


def reference_python():
    """The CPython that produces reference behaviour (python3 when under Spindle)."""
    if SPINDLE:
        return os.environ.get("SPINDLE_REFERENCE_PYTHON", "python3")
    return sys.executable


def spawn(argv, env=None, timeout=60):
    """Run argv; return (returncode, stdout, stderr) as text.  Uses subprocess
    when present, otherwise fork/exec with two pipes read by threads."""
    try:
        import subprocess
    except ImportError:
        subprocess = None
    if subprocess is not None:
        proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=timeout)
        return proc.returncode, proc.stdout, proc.stderr
    import threading
    exe = argv[0]
    if os.sep not in exe:
        for d in os.environ.get("PATH", "").split(os.pathsep):
            cand = os.path.join(d, exe)
            if os.path.isfile(cand):
                exe = cand
                break
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            os.execve(exe, argv, env if env is not None else dict(os.environ))
        finally:
            os._exit(127)
    os.close(out_w)
    os.close(err_w)
    chunks = {out_r: [], err_r: []}
    def drain(fd):
        while True:
            data = os.read(fd, 65536)
            if not data:
                break
            chunks[fd].append(data)
        os.close(fd)
    readers = [threading.Thread(target=drain, args=(fd,)) for fd in (out_r, err_r)]
    for t in readers:
        t.start()
    for t in readers:
        t.join(timeout)
    _, status = os.waitpid(pid, 0)
    rc = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
    text = lambda fd: b"".join(chunks[fd]).decode("utf-8", "replace")
    return rc, text(out_r), text(err_r)

# The names the runtime promises in `_thread` (docs/thread-primitives.md).
CONTRACT_NAMES = {
    "start_new_thread", "allocate_lock", "LockType", "RLock", "get_ident",
    "get_native_id", "_count", "stack_size", "interrupt_main", "error",
    "TIMEOUT_MAX", "_local",
}


def make_contract_thread():
    """A `_thread` module offering exactly the contract, built on CPython's."""
    import _thread as real

    mod = types.ModuleType("_thread")

    class LockType:
        """Contract lock: acquire/release/locked and the context manager."""
        __slots__ = ("_lock",)

        def __init__(self):
            self._lock = real.allocate_lock()

        def acquire(self, blocking=True, timeout=-1):
            return self._lock.acquire(blocking, timeout)

        def release(self):
            self._lock.release()

        def locked(self):
            return self._lock.locked()

        def __enter__(self):
            return self._lock.acquire()

        def __exit__(self, *exc):
            self._lock.release()

        def __repr__(self):
            return "<%s contract lock>" % ("locked" if self.locked() else "unlocked")

    class RLock:
        """Contract RLock: acquire/release/_is_owned and the context manager."""
        __slots__ = ("_lock",)

        def __init__(self):
            self._lock = real.RLock()

        def acquire(self, blocking=True, timeout=-1):
            return self._lock.acquire(blocking, timeout)

        def release(self):
            self._lock.release()

        def _is_owned(self):
            return self._lock._is_owned()

        def __enter__(self):
            return self._lock.acquire()

        def __exit__(self, *exc):
            self._lock.release()

        def __repr__(self):
            return "<contract RLock>"

    mod.LockType = LockType
    mod.allocate_lock = LockType
    mod.RLock = RLock
    for name in ("start_new_thread", "get_ident", "get_native_id", "_count",
                 "stack_size", "interrupt_main", "error", "TIMEOUT_MAX",
                 "_local"):
        setattr(mod, name, getattr(real, name))
    assert set(n for n in vars(mod) if not n.startswith("__")) == CONTRACT_NAMES
    return mod


def _load(alias, path, overrides):
    import importlib.util
    spec = importlib.util.spec_from_file_location(alias, path)
    module = importlib.util.module_from_spec(spec)
    saved = {name: sys.modules.get(name) for name in overrides}
    sys.modules.update(overrides)
    sys.modules[alias] = module
    try:
        spec.loader.exec_module(module)
    finally:
        for name, old in saved.items():
            if old is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = old
    return module


_cache = {}


def load():
    """Return (threading, queue): this project's modules, loaded once."""
    if "mods" not in _cache and SPINDLE:
        import threading, queue
        _cache["mods"] = (threading, queue)
    if "mods" not in _cache:
        overrides = {}
        if MODE == "contract":
            overrides["_thread"] = make_contract_thread()
        th = _load("spindle_threading", THREADING_PATH, overrides)
        q = _load("spindle_queue", QUEUE_PATH, {"threading": th})
        _cache["mods"] = (th, q)
    return _cache["mods"]


# -- assertions ---------------------------------------------------------------

class Failure(AssertionError):
    pass


def eq(got, want, what=""):
    if got != want:
        raise Failure("%s: got %r, want %r" % (what or "values differ", got, want))


def ok(cond, what="condition is false"):
    if not cond:
        raise Failure(what)


def raises(exc_type, func, *args, message=None, **kwargs):
    """Call func; it must raise exc_type (with str() == message if given)."""
    try:
        func(*args, **kwargs)
    except exc_type as exc:
        if message is not None and str(exc) != message:
            raise Failure("%s raised with message %r, want %r"
                          % (exc_type.__name__, str(exc), message))
        return exc
    except BaseException as exc:
        raise Failure("raised %s(%r), want %s" % (type(exc).__name__, exc, exc_type.__name__))
    raise Failure("did not raise %s" % exc_type.__name__)


def wait_until(pred, timeout=10.0, what="condition"):
    """Poll pred() until true; generous bound so it never flakes."""
    import time
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise Failure("timed out waiting for " + what)
        time.sleep(0.001)


def run_python(code, env_extra=None, timeout=60):
    """Run `code` in a fresh python3; return (returncode, stdout, stderr)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = HERE + os.pathsep + env.get("PYTHONPATH", "")
    env["SPINDLE_THREAD_MODE"] = MODE
    if env_extra:
        env.update(env_extra)
    return spawn([sys.executable, "-c", code], env=env, timeout=timeout)


# -- runner ---------------------------------------------------------------------

def run(namespace):
    only = sys.argv[1:]
    tests = [(name, fn) for name, fn in namespace.items()
             if name.startswith("test_") and callable(fn)]
    passed = failed = skipped = 0
    for name, fn in tests:
        if only and name not in only:
            continue
        try:
            fn()
        except Skip as exc:
            skipped += 1
            print("SKIP %s [%s]: %s" % (name, MODE, exc))
        except BaseException:
            failed += 1
            print("FAIL %s [%s]" % (name, MODE))
            traceback.print_exc(file=sys.stdout)
        else:
            passed += 1
            print("PASS %s [%s]" % (name, MODE))
        sys.stdout.flush()
    print("RESULT %d %d %d" % (passed, failed, skipped))
    sys.stdout.flush()
    # Threads a failing test left behind must not hang the file.
    os._exit(0)
