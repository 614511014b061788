"""ThreadPoolExecutor: calls run on a pool of threads of this process.

Threads are started on demand (one per submit while none is idle, up to max_workers) and
wait on a shared queue. At interpreter exit the pending calls are finished first (as CPython
does). An initializer that raises makes the executor broken (BrokenThreadPool)."""

import itertools
import os
import queue
import threading

from . import _base

__all__ = ['ThreadPoolExecutor', 'BrokenThreadPool']

_executors = set()
_shutdown = False
_global_lock = threading.Lock()


def _exit_hook():
    # at interpreter exit (before non-daemon threads are joined): stop taking work and wait
    # for the running and queued calls of every executor
    global _shutdown
    with _global_lock:
        _shutdown = True
        executors = list(_executors)
    for ex in executors:
        ex.shutdown(wait=True)


threading._register_atexit(_exit_hook)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker thread's initializer failed: the pool is not usable anymore."""


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


class ThreadPoolExecutor(_base.Executor):
    """Run calls on up to max_workers threads (default min(32, cpu_count + 4))."""

    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None,
                 initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = _base.Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        # an idle thread will take the item
        if self._idle_semaphore.acquire(timeout=0):
            return
        if len(self._threads) < self._max_workers:
            name = '%s_%d' % (self._thread_name_prefix, len(self._threads))
            t = threading.Thread(name=name, target=self._worker)
            t.start()
            self._threads.add(t)
            _executors.add(self)

    def _worker(self):
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException:
                import traceback
                import sys
                sys.stderr.write('Exception in initializer:\n')
                traceback.print_exc()
                self._initializer_failed()
                return
        while True:
            item = self._work_queue.get(block=True)
            if item is not None:
                item.run()
                del item
                self._idle_semaphore.release()
                continue
            # None: shut down; pass the word on to the next thread
            self._work_queue.put(None)
            return

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            while True:
                try:
                    item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is not None:
                        item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
        with _global_lock:
            _executors.discard(self)

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
