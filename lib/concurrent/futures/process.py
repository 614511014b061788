"""ProcessPoolExecutor: calls run in worker processes.

Built on the worker engine of multiprocessing.pool (one pipe pair per worker, a manager
thread in this process watching results and worker sentinels). A worker that ends while the
executor runs (killed by a signal, os._exit, a failing initializer) makes the executor broken:
every running and pending future fails with BrokenProcessPool, the other workers are stopped,
and later submits raise BrokenProcessPool — nothing hangs. Exceptions raised by a call come
back with the worker's traceback attached as __cause__ (_RemoteTraceback)."""

import itertools
import os
import threading
from functools import partial

import multiprocessing as mp
from multiprocessing import pool as _mp_pool

from . import _base

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']

EXTRA_QUEUED_CALLS = 1

_executors = set()
_shutdown = False
_global_lock = threading.Lock()


def _exit_hook():
    # at interpreter exit: finish the pending calls of every executor, then stop its workers
    global _shutdown
    with _global_lock:
        _shutdown = True
        executors = list(_executors)
    for ex in executors:
        ex.shutdown(wait=True)


threading._register_atexit(_exit_hook)


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process ended abruptly: the pool is not usable anymore."""


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _ExceptionWithTraceback:
    """An exception plus its traceback text in the worker; unpickles to the exception with
    _RemoteTraceback(text) as its cause."""

    def __init__(self, exc, tb):
        import traceback
        text = ''.join(traceback.format_exception(type(exc), exc, tb))
        self.exc = exc
        self.exc.__traceback__ = None
        self.tb = '\n"""\n%s"""' % text

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


def _process_chunk(fn, chunk):
    """Run fn on each argument tuple of chunk (one task of map with chunksize)."""
    return [fn(*args) for args in chunk]


def _get_chunks(*iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class _FutureSlot:
    """Stands in the engine's result cache for one future."""

    def __init__(self, engine, future):
        self.future = future
        self._job = next(_mp_pool.job_counter)
        engine._cache[self._job] = self
        self._cache = engine._cache

    def _set(self, i, result):
        self._cache.pop(self._job, None)
        ok, value = result
        if self.future.done():
            return
        if ok:
            self.future.set_result(value)
        else:
            self.future.set_exception(value)


class _Engine(_mp_pool.Pool):
    """The pool engine with the executor's rules for lost workers and cancelled futures."""

    _wrap_exception = _ExceptionWithTraceback
    _worker_name = None

    def __init__(self, executor, *args, **kwargs):
        self._executor_broken = executor._set_broken
        super().__init__(*args, **kwargs)

    def _take_task(self, task):
        slot = self._cache.get(task[0])
        if slot is None:
            return False
        if not slot.future.set_running_or_notify_cancel():
            self._cache.pop(task[0], None)
            return False
        return True

    def _lost_worker(self, w, code):
        msg = ('A process in the process pool was terminated abruptly while the future was '
               'running or pending.')
        self._broken = BrokenProcessPool(msg)
        self._executor_broken('A child process terminated abruptly, the process pool is '
                              'not usable anymore')
        cause = _RemoteTraceback('\n"""\nworker process %s (pid %d) ended with exit code '
                                 '%s\n"""' % (w.process.name, w.process.pid, code))
        w.inflight.clear()
        w.sent.clear()
        with self._lock:
            pending, self._pending = list(self._pending), type(self._pending)()
        for job in list(self._cache):
            slot = self._cache.pop(job, None)
            if slot is None:
                continue
            f = slot.future
            if f._state in (_base.PENDING, _base.CANCELLED):
                # a cancelled future is only "notified" here (its waiters learn of it)
                if not f.set_running_or_notify_cancel():
                    continue
            if f._state == _base.RUNNING:
                err = BrokenProcessPool(msg)
                err.__cause__ = cause
                f.set_exception(err)
        del pending
        self._state = _mp_pool.TERMINATE
        return True


class ProcessPoolExecutor(_base.Executor):
    """Run calls in up to max_workers processes (default os.cpu_count())."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if mp_context is None:
            if max_tasks_per_child is not None:
                mp_context = mp.get_context("spawn")
            else:
                mp_context = mp.get_context()
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            elif mp_context.get_start_method(allow_none=False) == "fork":
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' multiprocessing start method;"
                                 " supply a different mp_context.")
        self._max_workers = max_workers
        self._mp_context = mp_context
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._engine = None
        self._broken = False
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()

    def _set_broken(self, reason):
        self._broken = reason

    def _start_engine(self):
        if self._engine is None:
            self._engine = _Engine(self, self._max_workers, self._initializer,
                                   self._initargs, self._max_tasks_per_child,
                                   context=self._mp_context)
            # the engine is stopped by shutdown(), not by multiprocessing's exit handler
            self._engine._terminate.cancel()
            with _global_lock:
                _executors.add(self)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            self._start_engine()
            f = _base.Future()
            slot = _FutureSlot(self._engine, f)
            self._engine._submit([(slot._job, None, fn, args, kwargs)])
            return f

    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), run in the workers; chunksize items per task."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = super().map(partial(_process_chunk, fn),
                              _get_chunks(*iterables, chunksize=chunksize),
                              timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown_thread = True
            engine = self._engine
            if engine is not None and cancel_futures:
                with engine._lock:
                    pending = list(engine._pending)
                for task in pending:
                    slot = engine._cache.get(task[0])
                    if slot is not None:
                        slot.future.cancel()
        if engine is None:
            return
        if engine._state == _mp_pool.RUN:
            engine.close()
        if wait:
            engine.join()
        with _global_lock:
            _executors.discard(self)

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
