"""Futures, waiting for them (wait, as_completed) and the Executor interface.

Written for Spindle; behaviour follows CPython 3.11's concurrent.futures."""

import collections
import threading
import time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}


class Error(Exception):
    """Base class for all future-related exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """An executor can no longer be used (a worker failed to start or died)."""


# ----- watching futures: what wait() and as_completed() sleep on -----

class _Watch:
    """Collects the futures of one wait()/as_completed() call as they complete (finish, or
    are cancelled and the cancellation has been seen by their executor)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.event = threading.Event()
        self.done = []

    def completed(self, future):
        with self.lock:
            self.done.append(future)
            self.event.set()

    def take(self):
        with self.lock:
            done, self.done = self.done, []
            self.event.clear()
        return done


def _completed_state(f):
    return f._state in (CANCELLED_AND_NOTIFIED, FINISHED)


def _watch_all(fs):
    watch = _Watch()
    for f in fs:
        with f._condition:
            if _completed_state(f):
                watch.completed(f)
            else:
                f._watches.append(watch)
    return watch


def _unwatch_all(fs, watch):
    for f in fs:
        with f._condition:
            if watch in f._watches:
                f._watches.remove(watch)


def as_completed(fs, timeout=None):
    """An iterator over the futures of fs, each yielded when it completes (finished or
    cancelled); TimeoutError if some are still pending after timeout seconds."""
    fs = set(fs)
    total = len(fs)
    deadline = None if timeout is None else time.monotonic() + timeout
    watch = _watch_all(fs)
    try:
        left = total
        while True:
            for f in watch.take():
                left -= 1
                yield f
            if not left:
                return
            wait_for = None
            if deadline is not None:
                wait_for = deadline - time.monotonic()
                if wait_for < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (left, total))
            watch.event.wait(wait_for)
    finally:
        _unwatch_all(fs, watch)


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures of fs: until the first completes (FIRST_COMPLETED), the first
    raises or all complete (FIRST_EXCEPTION), or all complete (ALL_COMPLETED), or timeout
    seconds. Returns the named tuple (done, not_done) of sets."""
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return condition: %r" % return_when)
    fs = set(fs)
    deadline = None if timeout is None else time.monotonic() + timeout
    done = set()
    watch = _watch_all(fs)
    try:
        while True:
            done.update(watch.take())
            if len(done) == len(fs):
                break
            if return_when == FIRST_COMPLETED and done:
                break
            if return_when == FIRST_EXCEPTION and any(
                    f._state == FINISHED and f._exception is not None for f in done):
                break
            wait_for = None
            if deadline is not None:
                wait_for = deadline - time.monotonic()
                if wait_for <= 0:
                    break
            watch.event.wait(wait_for)
    finally:
        _unwatch_all(fs, watch)
    done.update(watch.take())
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()


class Future:
    """The result of an asynchronous computation."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._watches = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                import sys
                import traceback
                sys.stderr.write('exception calling callback for %r\n' % (self,))
                traceback.print_exc()

    def __repr__(self):
        with self._condition:
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        self.__class__.__name__, id(self),
                        _STATE_TO_DESCRIPTION_MAP[self._state],
                        self._exception.__class__.__name__)
                return '<%s at %#x state=%s returned %s>' % (
                    self.__class__.__name__, id(self),
                    _STATE_TO_DESCRIPTION_MAP[self._state],
                    self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (
                self.__class__.__name__, id(self), _STATE_TO_DESCRIPTION_MAP[self._state])

    def cancel(self):
        """Cancel the future if it has not started running; True if it is cancelled."""
        with self._condition:
            if self._state in [RUNNING, FINISHED]:
                return False
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """True if the future was cancelled or finished running."""
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

    def __get_result(self):
        if self._exception:
            try:
                raise self._exception
            finally:
                self = None
        else:
            return self._result

    def add_done_callback(self, fn):
        """Call fn(future) when the future is done (now, if it already is)."""
        with self._condition:
            if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            import sys
            import traceback
            sys.stderr.write('exception calling callback for %r\n' % (self,))
            traceback.print_exc()

    def result(self, timeout=None):
        """The call's result, waiting at most timeout seconds; raises its exception,
        CancelledError or TimeoutError."""
        try:
            with self._condition:
                if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                    raise CancelledError()
                elif self._state == FINISHED:
                    return self.__get_result()
                self._condition.wait(timeout)
                if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                    raise CancelledError()
                elif self._state == FINISHED:
                    return self.__get_result()
                else:
                    raise TimeoutError()
        finally:
            self = None

    def exception(self, timeout=None):
        """The call's exception (None if it returned), waiting at most timeout seconds."""
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            else:
                raise TimeoutError()

    def set_running_or_notify_cancel(self):
        """For executors: mark the future running (True), or, if it was cancelled, notify
        the waiters and return False."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for watch in self._watches:
                    watch.completed(self)
                return False
            elif self._state == PENDING:
                self._state = RUNNING
                return True
            else:
                raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        """For executors: the call returned result."""
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = FINISHED
            for watch in self._watches:
                watch.completed(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        """For executors: the call raised exception."""
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for watch in self._watches:
                watch.completed(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    __class_getitem__ = classmethod(lambda cls, item: cls)


class Executor:
    """Base class of executors: submit() calls, map() over iterables, shutdown()."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); returns a Future."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), calls made concurrently; the results come in order
        (TimeoutError if one is not ready timeout seconds after the call to map)."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Free the executor's resources once pending calls are done (wait=True: wait)."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
