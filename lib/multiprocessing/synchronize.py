"""Locks and friends shared between processes: Lock, RLock, Semaphore, BoundedSemaphore,
Condition, Event, Barrier.

All are built on _multiprocessing.SemLock (a process-shared semaphore). They work across
fork, and can be passed to a child being spawned (as arguments of its Process); they cannot
be sent to a running process (RuntimeError), as in CPython."""

import threading
import time

import _multiprocessing

from . import context
from . import process

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']

RECURSIVE_MUTEX, SEMAPHORE = _multiprocessing.RECURSIVE_MUTEX, _multiprocessing.SEMAPHORE
SEM_VALUE_MAX = _multiprocessing.SEM_VALUE_MAX


class SemLock:
    """Base of the SemLock-based primitives."""

    def __init__(self, kind, value, maxvalue, *, ctx):
        if ctx is None:
            ctx = context._default_context.get_context()
        self._semlock = _multiprocessing.SemLock(kind, value, maxvalue)
        self._make_methods()

    def _make_methods(self):
        self.acquire = self._semlock.acquire
        self.release = self._semlock.release

    def __enter__(self):
        return self._semlock.__enter__()

    def __exit__(self, *args):
        return self._semlock.__exit__(*args)

    def __getstate__(self):
        context.assert_spawning(self)
        sl = self._semlock
        fd = context.get_spawning_popen().duplicate_for_child(sl.handle)
        return (fd, sl.kind, sl.maxvalue)

    def __setstate__(self, state):
        fd, kind, maxvalue = state
        self._semlock = _multiprocessing.sem_rebuild(fd, kind, maxvalue)
        self._make_methods()


class Semaphore(SemLock):
    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        SemLock.__init__(self, SEMAPHORE, value, SEM_VALUE_MAX, ctx=ctx)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s)>' % (type(self).__name__, value)


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        SemLock.__init__(self, SEMAPHORE, value, max(value, 1), ctx=ctx)

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s, maxvalue=%s)>' % (type(self).__name__, value,
                                               self._semlock.maxvalue)


def _owner_name(semlock, recursive):
    if semlock._is_mine():
        name = process.current_process().name
        current = threading.current_thread().name
        if current != 'MainThread':
            name += '|' + current
        return name
    if semlock._get_value() == 1:
        return 'None'
    if recursive and semlock._count() > 0:
        return 'SomeOtherThread'
    return 'SomeOtherProcess'


class Lock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            name = _owner_name(self._semlock, False)
        except Exception:
            name = 'unknown'
        return '<%s(owner=%s)>' % (type(self).__name__, name)


class RLock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, RECURSIVE_MUTEX, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = _owner_name(self._semlock, True)
                count = self._semlock._count()
            elif self._semlock._get_value() == 1:
                name, count = 'None', 0
            else:
                name, count = 'SomeOtherProcess', 'nonzero'
        except Exception:
            name, count = 'unknown', 'unknown'
        return '<%s(%s, %s)>' % (type(self).__name__, name, count)


class Condition:
    """A condition variable for processes. wait() releases the lock (an RLock by default)
    and sleeps on a semaphore that notify() releases once per woken waiter."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock(ctx=ctx)
        self._sleeping_count = Semaphore(0, ctx=ctx)
        self._woken_count = Semaphore(0, ctx=ctx)
        self._wait_semaphore = Semaphore(0, ctx=ctx)
        self._make_methods()

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._lock, self._sleeping_count, self._woken_count, self._wait_semaphore)

    def __setstate__(self, state):
        (self._lock, self._sleeping_count, self._woken_count, self._wait_semaphore) = state
        self._make_methods()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _make_methods(self):
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __repr__(self):
        try:
            num_waiters = (self._sleeping_count._semlock._get_value() -
                           self._woken_count._semlock._get_value())
        except Exception:
            num_waiters = 'unknown'
        return '<%s(%s, %s)>' % (type(self).__name__, self._lock, num_waiters)

    def _check_owned(self):
        assert self._lock._semlock._is_mine(), 'lock is not owned'

    def wait(self, timeout=None):
        self._check_owned()
        # announce one more sleeper, then give the lock up entirely
        self._sleeping_count.release()
        depth = self._lock._semlock._count()
        for _ in range(depth):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            # tell notify() this sleeper is awake (or gave up), then take the lock back
            self._woken_count.release()
            for _ in range(depth):
                self._lock.acquire()

    def notify(self, n=1):
        self._check_owned()
        assert not self._wait_semaphore.acquire(False)
        # sleepers that timed out since the last notify are no longer sleeping
        while self._woken_count.acquire(False):
            gone = self._sleeping_count.acquire(False)
            assert gone
        woken = 0
        while woken < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            woken += 1
        if woken:
            for _ in range(woken):
                self._woken_count.acquire()
            # a sleeper that timed out meanwhile left its unit on the semaphore: take it back
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=SEM_VALUE_MAX)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            endtime = time.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event:
    """A flag processes can wait for."""

    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock(ctx=ctx), ctx=ctx)
        self._flag = Semaphore(0, ctx=ctx)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def __repr__(self):
        set_status = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {set_status}>"


class Barrier:
    """A barrier for `parties` processes (or threads): wait() returns once all have called
    it, each getting a different index in range(parties)."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        from .sharedctypes import RawArray
        self._cond = Condition(ctx=ctx)
        # [state, count, generation]: state 0 filling, 1 draining, -1 resetting, -2 broken
        self._shared = RawArray('l', 3)
        self._parties = parties
        self._action = action
        self._timeout = timeout

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._parties, self._action, self._timeout, self._cond, self._shared)

    def __setstate__(self, state):
        (self._parties, self._action, self._timeout, self._cond, self._shared) = state

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._shared[0] == 0:
            return self._shared[1]
        return 0

    @property
    def broken(self):
        return self._shared[0] == -2

    def _break(self):
        self._shared[0] = -2
        self._cond.notify_all()

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._shared[1]
            self._shared[1] = index + 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._shared[1] -= 1
                self._exit()

    def _enter(self):
        while self._shared[0] in (1, -1):
            self._cond.wait()
        if self._shared[0] < 0:
            raise threading.BrokenBarrierError

    def _release(self):
        try:
            if self._action:
                self._action()
            self._shared[0] = 1
            self._shared[2] += 1
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        generation = self._shared[2]
        if not self._cond.wait_for(lambda: self._shared[0] != 0 or self._shared[2] != generation,
                                   timeout):
            self._break()
            raise threading.BrokenBarrierError
        if self._shared[0] < 0:
            raise threading.BrokenBarrierError

    def _exit(self):
        if self._shared[1] == 0:
            if self._shared[0] in (-1, 1):
                self._shared[0] = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._shared[1] > 0:
                if self._shared[0] == 0:
                    self._shared[0] = -1
                elif self._shared[0] == -2:
                    self._shared[0] = -1
            else:
                self._shared[0] = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()
