"""Thread-based parallelism: Spindle's `threading` module.

Written for Spindle from the documented behaviour of CPython 3.11's `threading`
(checked by experiment against `python3`, never copied from CPython's source).

What this file owns
-------------------
* Thread objects and the bookkeeping of live threads (`_active`, `_limbo`),
  the main-thread object, dummy-thread objects for threads that were started
  with `_thread.start_new_thread` directly.
* The synchronisation classes built in Python on top of the native lock:
  Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer.
* The report printed for an exception that escapes `Thread.run`
  (`excepthook`, `ExceptHookArgs`).
* `_shutdown()`, called by the runtime once the main module has finished, to
  wait for every non-daemon thread.

What it needs from the runtime
------------------------------
Only the `_thread` contract written down in `docs/thread-primitives.md`
(`start_new_thread`, `allocate_lock`, `LockType`, `RLock`, `get_ident`,
`get_native_id`, `stack_size`, `error`, `TIMEOUT_MAX`, `_local`), plus
`time.monotonic`, `sys.stderr`, `sys.__excepthook__` and `sys.exc_info`.
Anything else in `_thread` (CPython's `_set_sentinel`, `_excepthook`,
`RLock._release_save`, ...) is used only when present, never required.

How `join()` works without a thread-state sentinel
--------------------------------------------------
`start()` allocates a plain lock (the "end lock", `_tstate_lock`) and acquires
it *in the starting thread*, before the OS thread exists.  The new thread
releases it as the very last thing it does in Python, after the thread has
been removed from `_active`.  `join(timeout)` is then `acquire(True, timeout)`
followed by `release()`; `is_alive()` is a non-blocking acquire.  A plain lock
may be released by a thread that does not own it, which is what makes this work.
"""

import sys as _sys
import _thread

from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'ExceptHookArgs', 'gettrace', 'getprofile',
           'get_native_id']

# ---------------------------------------------------------------------------
# Names taken straight from the native module.
# ---------------------------------------------------------------------------

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
stack_size = _thread.stack_size
TIMEOUT_MAX = _thread.TIMEOUT_MAX
local = _thread._local

Lock = _allocate_lock


def RLock(*args, **kwargs):
    """Return a new reentrant lock (the native `_thread.RLock`).

    The thread that acquired it must release it, once per acquisition.
    """
    return _thread.RLock(*args, **kwargs)


def _deprecated(old, new):
    try:
        import warnings
    except ImportError:          # the runtime may not ship `warnings` yet
        return
    warnings.warn(old + " is deprecated, " + new, DeprecationWarning, stacklevel=3)


# ---------------------------------------------------------------------------
# Tracing and profiling hooks: not supported by the runtime yet.
# ---------------------------------------------------------------------------

def settrace(func):
    """Not supported: Spindle has no per-thread trace hook yet."""
    raise NotImplementedError(
        "threading.settrace() is not supported by Spindle: the runtime has no "
        "trace hook (sys.settrace) yet")


def setprofile(func):
    """Not supported: Spindle has no per-thread profile hook yet."""
    raise NotImplementedError(
        "threading.setprofile() is not supported by Spindle: the runtime has no "
        "profile hook (sys.setprofile) yet")


def gettrace():
    """Return the trace function set by settrace(); always None here."""
    return None


def getprofile():
    """Return the profile function set by setprofile(); always None here."""
    return None


# ---------------------------------------------------------------------------
# Condition variables.
# ---------------------------------------------------------------------------

class _Waiters:
    """A FIFO of per-waiter locks (the queue of a Condition).

    A small list with a moving head, so that the module does not need
    `collections.deque`.  All access happens with the Condition's lock held.
    """

    __slots__ = ('_items', '_head')

    def __init__(self):
        self._items = []
        self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def append(self, item):
        self._items.append(item)

    def popleft(self):
        item = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if self._head >= 32 and self._head * 2 >= len(self._items):
            del self._items[:self._head]
            self._head = 0
        return item

    def remove(self, item):
        """Remove `item` if still queued; return whether it was."""
        items = self._items
        for i in range(self._head, len(items)):
            if items[i] is item:
                del items[i]
                return True
        return False


class Condition:
    """A condition variable: lets threads wait until notified by another.

    `lock`, when given, must be a Lock or RLock (or anything with `acquire`
    and `release`); by default a new RLock is made.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _Waiters()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    # -- ownership of the underlying lock --------------------------------

    def _is_owned(self):
        probe = getattr(self._lock, '_is_owned', None)
        if probe is not None:
            return probe()
        # A plain lock has no owner: "owned" means "held by somebody".
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def _release_save(self):
        """Release the lock completely; return what `_acquire_restore` needs."""
        native = getattr(self._lock, '_release_save', None)
        if native is not None:
            return native()
        if getattr(self._lock, '_is_owned', None) is not None:
            # A reentrant lock held `depth` times: release every level.
            depth = 0
            while self._lock._is_owned():
                self._lock.release()
                depth += 1
            return depth
        self._lock.release()
        return 1

    def _acquire_restore(self, state):
        native = getattr(self._lock, '_acquire_restore', None)
        if native is not None:
            native(state)
            return
        for _ in range(state):
            self._lock.acquire()

    # -- the API ---------------------------------------------------------

    def wait(self, timeout=None):
        """Release the lock, block until notified or `timeout` seconds pass,
        then re-acquire the lock.  Return False if the wait timed out.

        A timeout of zero or less polls without blocking.
        """
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        woken = False
        try:
            if timeout is None:
                waiter.acquire()
                woken = True
            elif timeout > 0:
                woken = waiter.acquire(True, timeout)
            else:
                woken = waiter.acquire(False)
        finally:
            self._acquire_restore(saved)
            if not woken and not self._waiters.remove(waiter):
                # A notifier took us off the queue after our wait gave up
                # but before we got the lock back: that notification is
                # ours, so count it instead of losing it.
                woken = True
        return woken

    def wait_for(self, predicate, timeout=None):
        """Wait until `predicate()` is true or `timeout` seconds have passed.

        Return the last value of `predicate()`.
        """
        deadline = None
        wait_time = timeout
        result = predicate()
        while not result:
            if wait_time is not None:
                if deadline is None:
                    deadline = _time() + wait_time
                else:
                    wait_time = deadline - _time()
                    if wait_time <= 0:
                        break
            self.wait(wait_time)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to `n` threads waiting on this condition, oldest first."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while n > 0 and len(waiters):
            waiters.popleft().release()
            n -= 1

    def notify_all(self):
        """Wake up every thread waiting on this condition."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Deprecated alias of notify_all()."""
        _deprecated("notifyAll()", "use notify_all() instead")
        self.notify_all()


# ---------------------------------------------------------------------------
# Semaphores.
# ---------------------------------------------------------------------------

class Semaphore:
    """A counter that `acquire()` decrements (waiting while it is zero) and
    `release()` increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%s>" % (
            cls.__module__, cls.__qualname__, id(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        """Decrement the counter, waiting up to `timeout` seconds while it is
        zero.  Return True on success, False if it timed out or if
        `blocking` is false and the counter was zero."""
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    else:
                        timeout = deadline - _time()
                    if timeout <= 0:
                        return False
                self._cond.wait(timeout)
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        """Increment the counter by `n`, waking up to `n` waiting threads."""
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose counter may never go above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%s/%s>" % (
            cls.__module__, cls.__qualname__, id(self),
            self._value, self._initial_value)

    def release(self, n=1):
        """Increment the counter by `n`; ValueError if that would pass the
        initial value."""
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


# ---------------------------------------------------------------------------
# Events.
# ---------------------------------------------------------------------------

class Event:
    """A flag that threads can wait for; `set()` wakes them all."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: %s>" % (
            cls.__module__, cls.__qualname__, id(self),
            'set' if self._flag else 'unset')

    def is_set(self):
        """Return True if the flag is set."""
        return self._flag

    def isSet(self):
        """Deprecated alias of is_set()."""
        _deprecated("isSet()", "use is_set() instead")
        return self.is_set()

    def set(self):
        """Set the flag and wake every waiting thread."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Reset the flag to false."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the flag is set or `timeout` seconds pass; return the
        flag."""
        with self._cond:
            flag = self._flag
            if not flag:
                flag = self._cond.wait(timeout)
            return flag


# ---------------------------------------------------------------------------
# Barriers.
#
# Each round of the barrier is a `_Round` object.  Waiters remember the round
# they joined; the last arrival marks it `passed`, `abort()`/`reset()`/a
# time-out mark it `broken`.  A new round starts the moment the old one ends,
# so no "draining" phase is needed.
# ---------------------------------------------------------------------------

class BrokenBarrierError(RuntimeError):
    """Raised by Barrier.wait() when the barrier is broken or reset."""


class _Round:
    __slots__ = ('passed', 'broken')

    def __init__(self):
        self.passed = False
        self.broken = False


class Barrier:
    """Block `parties` threads until all of them have called `wait()`."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._count = 0
        self._round = _Round()
        self._broken = False

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return "<%s.%s at %#x: broken>" % (
                cls.__module__, cls.__qualname__, id(self))
        return "<%s.%s at %#x: waiters=%d/%d>" % (
            cls.__module__, cls.__qualname__, id(self),
            self.n_waiting, self.parties)

    def wait(self, timeout=None):
        """Wait for the other parties; return this thread's arrival index
        (0 .. parties-1).  BrokenBarrierError if the barrier is or becomes
        broken, is reset, or the wait times out."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._broken:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            this_round = self._round
            if self._count == self._parties:
                try:
                    if self._action is not None:
                        self._action()
                except BaseException:
                    self._break()
                    raise
                this_round.passed = True
                self._count = 0
                self._round = _Round()
                self._cond.notify_all()
                return index
            done = self._cond.wait_for(
                lambda: this_round.passed or this_round.broken, timeout)
            if this_round.passed:
                return index
            if not done:
                self._break()
            raise BrokenBarrierError

    def _break(self):
        # Called with the lock held.
        self._broken = True
        self._round.broken = True
        self._count = 0
        self._round = _Round()
        self._cond.notify_all()

    def reset(self):
        """Return the barrier to its empty state; current waiters get
        BrokenBarrierError."""
        with self._cond:
            if self._count:
                self._round.broken = True
                self._round = _Round()
                self._count = 0
                self._cond.notify_all()
            self._broken = False

    def abort(self):
        """Put the barrier into the broken state: current and future calls
        to wait() raise BrokenBarrierError until reset()."""
        with self._cond:
            self._break()

    @property
    def parties(self):
        """The number of threads needed to pass the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of threads currently waiting."""
        return self._count

    @property
    def broken(self):
        """True if the barrier is in the broken state."""
        return self._broken


# ---------------------------------------------------------------------------
# Thread bookkeeping.
# ---------------------------------------------------------------------------

_counter = 0


def _newname(template):
    global _counter
    _counter += 1
    return template % _counter


_active_limbo_lock = RLock()
_active = {}            # ident -> Thread, for running threads
_limbo = {}             # Thread -> Thread, started but not yet running
_shutting_down = False
_threading_atexits = []

_report_lock = RLock()  # keeps concurrent exception reports from interleaving


class Thread:
    """A thread of control: give `target` (called with `args` and `kwargs`)
    or override `run()` in a subclass."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                except AttributeError:
                    pass
                else:
                    name += " (%s)" % target_name
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        # Kept so that the exception report still has somewhere to go if
        # sys.stderr is None when the thread fails.
        self._stderr = _sys.stderr

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()   # notices a thread that has just ended
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread's activity; at most once per Thread object."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        end_lock = _allocate_lock()
        end_lock.acquire()
        with _active_limbo_lock:
            if self._tstate_lock is not None:
                raise RuntimeError("threads can only be started once")
            self._tstate_lock = end_lock
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                _limbo.pop(self, None)
                self._tstate_lock = None
            end_lock.release()
            raise
        self._started.wait()

    def run(self):
        """The thread's activity: calls the target.  Override in subclasses."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drop references that could keep big objects (or cycles
            # through this thread) alive.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except BaseException:
            # Only reachable when the interpreter is tearing down modules
            # under a daemon thread; there is nobody left to report to.
            if self._daemonic and _sys is None:
                return
            raise

    def _bootstrap_inner(self):
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            with _active_limbo_lock:
                _active[self._ident] = self
                _limbo.pop(self, None)
            self._started.set()
            try:
                self.run()
            except BaseException:
                _invoke_excepthook(self)
        finally:
            self._delete()

    def _delete(self):
        # Last Python steps of the thread: forget it, then let joiners go.
        with _active_limbo_lock:
            if _active.get(self._ident) is self:
                del _active[self._ident]
        end_lock = self._tstate_lock
        if end_lock is not None:
            end_lock.release()

    def _stop(self):
        self._is_stopped = True
        self._tstate_lock = None

    def _wait_for_end(self, block=True, timeout=-1):
        end_lock = self._tstate_lock
        if end_lock is None:
            return
        if end_lock.acquire(block, timeout):
            end_lock.release()
            self._stop()

    def join(self, timeout=None):
        """Wait until the thread ends, or at most `timeout` seconds.

        Always returns None: check is_alive() to learn whether it ended.
        """
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_end()
        else:
            self._wait_for_end(timeout=max(timeout, 0))

    def is_alive(self):
        """Return True from just before run() starts until just after it
        ends."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_end(False)
        return not self._is_stopped

    @property
    def name(self):
        """The thread's name, a string used for identification only."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """The thread identifier (get_ident()) of this thread, or None if it
        has not been started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        """The operating system's id of this thread, or None if it has not
        been started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    @property
    def daemon(self):
        """Whether this is a daemon thread (not waited for at exit)."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Deprecated: read the daemon attribute."""
        _deprecated("isDaemon()", "get the daemon attribute instead")
        return self.daemon

    def setDaemon(self, daemonic):
        """Deprecated: set the daemon attribute."""
        _deprecated("setDaemon()", "set the daemon attribute instead")
        self.daemon = daemonic

    def getName(self):
        """Deprecated: read the name attribute."""
        _deprecated("getName()", "get the name attribute instead")
        return self.name

    def setName(self, name):
        """Deprecated: set the name attribute."""
        _deprecated("setName()", "set the name attribute instead")
        self.name = name


class Timer(Thread):
    """A thread that calls `function(*args, **kwargs)` after `interval`
    seconds, unless cancel() is called first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it is still waiting."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    """The thread that imported this module (the interpreter's main thread)."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        return not self._is_stopped


class _DummyThread(Thread):
    """Stands for a thread started outside this module (via `_thread`).

    It is always alive and daemonic, and cannot be joined.  As in CPython
    3.11 it stays in enumerate() after its thread has ended.
    """

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


# ---------------------------------------------------------------------------
# Module-level queries.
# ---------------------------------------------------------------------------

def current_thread():
    """Return the Thread object of the calling thread (a dummy one if it was
    not started through this module)."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Deprecated alias of current_thread()."""
    _deprecated("currentThread()", "use current_thread() instead")
    return current_thread()


def active_count():
    """Return the number of Thread objects currently alive."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Deprecated alias of active_count()."""
    _deprecated("activeCount()", "use active_count() instead")
    return active_count()


def enumerate():
    """Return a list of all Thread objects currently alive."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    """Return the main Thread object."""
    return _main_thread


# ---------------------------------------------------------------------------
# Reporting an exception that escaped Thread.run().
#
# The report is the header line "Exception in thread NAME:" followed by the
# interpreter's standard traceback print, produced by `sys.__excepthook__`
# (the runtime's built-in report, not a user's replacement of
# sys.excepthook) -- the same text CPython's traceback module prints.
# ---------------------------------------------------------------------------

_EXCEPT_HOOK_FIELDS = ('exc_type', 'exc_value', 'exc_traceback', 'thread')


class ExceptHookArgs(tuple):
    """The argument of threading.excepthook: a 4-tuple with the fields
    exc_type, exc_value, exc_traceback and thread."""

    __slots__ = ()
    n_fields = n_sequence_fields = 4

    def __new__(cls, sequence):
        items = tuple(sequence)
        if len(items) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence "
                            "(%d-sequence given)" % len(items))
        return tuple.__new__(cls, items)

    exc_type = property(lambda self: self[0], doc="Exception type")
    exc_value = property(lambda self: self[1], doc="Exception value")
    exc_traceback = property(lambda self: self[2], doc="Exception traceback")
    thread = property(lambda self: self[3], doc="Thread")

    def __repr__(self):
        return "_thread._ExceptHookArgs(%s)" % ", ".join(
            "%s=%r" % pair for pair in zip(_EXCEPT_HOOK_FIELDS, self))

    def __reduce__(self):
        return (self.__class__, (tuple(self),))


# Same printed name as CPython's structseq type.
ExceptHookArgs.__name__ = ExceptHookArgs.__qualname__ = "_ExceptHookArgs"
ExceptHookArgs.__module__ = "_thread"


def _print_exception(exc_type, exc_value, exc_tb, file):
    """Print the standard traceback report of an exception to `file`."""
    printer = _sys.__excepthook__
    if file is _sys.stderr:
        printer(exc_type, exc_value, exc_tb)
        return
    # sys.stderr is None: the built-in printer only writes to sys.stderr, so
    # point it at the stream saved when the thread was created, for the
    # length of the report.  Nothing else can be printing to stderr at that
    # moment (it is None), and `_report_lock` is held by our caller.
    saved = _sys.stderr
    _sys.stderr = file
    try:
        printer(exc_type, exc_value, exc_tb)
    finally:
        if _sys.stderr is file:
            _sys.stderr = saved


def excepthook(args, /):
    """Handle an exception that escaped Thread.run().

    SystemExit is ignored silently; anything else is reported on
    sys.stderr (or, if that is None, on the stderr the thread was created
    with) as "Exception in thread NAME:" and a traceback.
    """
    if args.exc_type is SystemExit:
        return
    stderr = _sys.stderr
    if stderr is None:
        thread = args.thread
        stderr = getattr(thread, '_stderr', None) if thread is not None else None
        if stderr is None:
            return              # nowhere to report to
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    with _report_lock:
        print("Exception in thread %s:" % name, file=stderr, flush=True)
        _print_exception(args.exc_type, args.exc_value, args.exc_traceback,
                         stderr)
        stderr.flush()


__excepthook__ = excepthook


def _invoke_excepthook(thread):
    """Call threading.excepthook for the exception being handled in
    `thread`; if the hook itself fails, report that through sys.excepthook."""
    exc_type, exc_value, exc_tb = _sys.exc_info()
    args = None
    try:
        hook = excepthook
        if hook is None:                # module dict torn down at exit
            hook = __excepthook__
        args = ExceptHookArgs([exc_type, exc_value, exc_tb, thread])
        hook(args)
    except Exception as exc:
        exc.__suppress_context__ = True
        del exc
        stderr = _sys.stderr if _sys.stderr is not None else thread._stderr
        if stderr is not None:
            print("Exception in threading.excepthook:", file=stderr, flush=True)
        sys_hook = _sys.excepthook
        if sys_hook is None:
            sys_hook = _sys.__excepthook__
        sys_hook(*_sys.exc_info())
    finally:
        # Break the frame <-> traceback <-> exception cycles now.
        exc_type = exc_value = exc_tb = args = None


# ---------------------------------------------------------------------------
# Interpreter exit.
# ---------------------------------------------------------------------------

def _register_atexit(func, *args, **kwargs):
    """Register `func(*args, **kwargs)` to run at shutdown, before the
    non-daemon threads are joined (most recent registration first)."""
    if _shutting_down:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*args, **kwargs))


def _shutdown():
    """Called by the runtime in the main thread when the main module has
    finished: run `_register_atexit` callbacks, then wait for every
    non-daemon thread (including ones started meanwhile).  Daemon threads
    are not waited for.  Calling it again does nothing."""
    global _shutting_down
    if _main_thread._is_stopped or _shutting_down:
        return
    _shutting_down = True
    for callback in reversed(_threading_atexits):
        callback()
    _main_thread._stop()
    me = current_thread()
    while True:
        with _active_limbo_lock:
            pending = [t for t in list(_active.values()) + list(_limbo.values())
                       if not t._daemonic and t is not me
                       and t._tstate_lock is not None]
        if not pending:
            break
        for thread in pending:
            thread._wait_for_end()


_main_thread = _MainThread()


# ---------------------------------------------------------------------------
# After os.fork() in the child.
# ---------------------------------------------------------------------------

def _after_fork():
    """In a child made by os.fork() only the thread that forked exists.  It becomes the main
    thread (as in CPython); every other Thread object is marked stopped, so nothing waits
    for threads that are not there; the module's internal locks, which another thread may
    have held at the fork, are replaced."""
    global _active_limbo_lock, _report_lock, _main_thread, _shutting_down
    _active_limbo_lock = RLock()
    _report_lock = RLock()
    _shutting_down = False
    ident = get_ident()
    current = _active.get(ident)
    if current is None:
        current = _DummyThread()
    for thread in list(_active.values()) + list(_limbo.values()):
        if thread is not current:
            thread._stop()
    _active.clear()
    _limbo.clear()
    if current is not _main_thread:
        if isinstance(current, _DummyThread):
            current.__class__ = _MainThread
            current._name = 'MainThread'
            current._daemonic = False
        _main_thread = current
    current._ident = ident
    current._native_id = get_native_id()
    current._tstate_lock = None
    _active[ident] = current


try:
    from os import register_at_fork as _register_at_fork
except ImportError:
    pass
else:
    _register_at_fork(after_in_child=_after_fork)
