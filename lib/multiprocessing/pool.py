"""Pool: a fixed set of worker processes running tasks submitted from this process.

Design (Spindle's own): each worker has its own pair of pipes to the parent. One manager
thread in the parent owns all workers: it waits (select) on the workers' result pipes, their
sentinels (which become readable when a worker process ends) and a wake-up pipe, hands the
next task to a worker as soon as it is idle (one task in flight per worker), and completes
the AsyncResult objects. So:

* a task whose arguments cannot be pickled fails alone, at once (the error is its result);
* a worker that dies (a signal, os._exit, a crash) is noticed through its sentinel: the task
  it was running fails with WorkerLostError — CPython's Pool would wait forever — and a new
  worker takes its place; workers that keep dying before they finish starting (a failing
  initializer, a main module that cannot be imported) make the pool broken: outstanding and
  new tasks fail instead of the pool respawning forever;
* exceptions raised by a task are re-raised by get() with the worker's traceback attached as
  __cause__ (RemoteTraceback), as CPython does.

ThreadPool runs the same tasks on threads of this process."""

import collections
import itertools
import os
import queue
import threading
import time

from . import context
from . import util
from .connection import Pipe, wait

__all__ = ['Pool', 'ThreadPool']

INIT = 'INIT'
RUN = 'RUN'
CLOSE = 'CLOSE'
TERMINATE = 'TERMINATE'

job_counter = itertools.count()

_ForkingPickler = context.reduction.ForkingPickler


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


# ----- exceptions travelling back from workers -----

class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    """An exception plus the text of its traceback in the worker; unpickles to the
    exception with RemoteTraceback(text) as its cause."""

    def __init__(self, exc, tb=None):
        import traceback
        text = ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.exc = exc
        self.tb = '\n"""\n%s"""' % text

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """A task's result (or exception) could not be pickled by the worker."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


class WorkerLostError(context.ProcessError):
    """The worker process running a task ended before the task did (killed by a signal,
    os._exit(), a crash): the task has no result. (CPython's Pool never completes such a
    task; Spindle reports it.)"""


class PoolBrokenError(context.ProcessError):
    """Worker processes of this pool keep ending before they finish starting."""


# ----- the worker process -----

def worker(tasks, results, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False):
    """Body of a worker: run initializer, then tasks received on `tasks` until None, end of
    file or maxtasks tasks; send (job, i, (success, value)) for each on `results`.
    wrap_exception: True (ExceptionWithTraceback) or a class wrapping (exc, tb) that pickles
    to the exception with its remote traceback attached."""
    if wrap_exception is True:
        wrap_exception = ExceptionWithTraceback
    if (maxtasks is not None) and not (isinstance(maxtasks, int) and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    if initializer is not None:
        initializer(*initargs)
    results.send(('ready', os.getpid()))
    completed = 0
    while maxtasks is None or completed < maxtasks:
        try:
            task = tasks.recv()
        except (EOFError, OSError):
            break
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            if wrap_exception and func is not _helper_reraises_exception:
                e = wrap_exception(e, e.__traceback__)
            result = (False, e)
        try:
            results.send((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            results.send((job, i, (False, wrapped)))
        task = job = result = func = args = kwds = None
        completed += 1


def _helper_reraises_exception(ex):
    raise ex


class _Worker:
    """The parent's view of one worker process."""

    def __init__(self, process, tasks, results):
        self.process = process
        self.tasks = tasks          # parent's sending end
        self.results = results      # parent's receiving end
        self.ready = False          # sent 'ready' (initializer done)
        self.inflight = collections.deque()   # (job, i) sent, in order: the first is running
        self.sent = {}              # (job, i) -> task, for the tasks in inflight
        self.done = 0

    def close(self):
        self.tasks.close()
        self.results.close()


# ----- results -----

class ApplyResult:
    """The future result of apply_async()."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise context.TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None

    __class_getitem__ = classmethod(lambda cls, item: cls)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The future result of map_async()/starmap_async(): a list, complete when all chunks
    are (the first failing chunk makes it fail at once)."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                # the first error wins; the map is complete now
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator:
    """The iterator imap() returns: results in submission order."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise context.TimeoutError from None
        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class IMapUnorderedIterator(IMapIterator):
    """The iterator imap_unordered() returns: results as they complete."""

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None


# ----- the pool -----

class Pool:
    """A pool of worker processes (see the module documentation)."""

    _wrap_exception = True
    # a worker that dies before it is ready this many times in a row breaks the pool
    _MAX_START_FAILURES = 3
    # tasks sent ahead to busy workers, in all (as CPython's executor queues one extra call)
    EXTRA_QUEUED = 1
    # workers are named ForkPoolWorker-N / SpawnPoolWorker-N (None: keep the Process name)
    _worker_name = 'PoolWorker'

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._pool = []
        self._state = INIT
        self._ctx = context or _default_ctx()
        self._cache = {}
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._lock = threading.Lock()       # guards _pending and _state changes
        self._pending = collections.deque()  # (job, i, func, args, kwds) not yet sent
        self._broken = None
        self._start_failures = 0
        self._wake_r, self._wake_w = os.pipe()
        self._workers = {}
        try:
            for _ in range(processes):
                self._start_worker()
        except Exception:
            for w in list(self._workers.values()):
                if w.process.exitcode is None:
                    w.process.terminate()
                w.process.join()
                w.close()
            os.close(self._wake_r)
            os.close(self._wake_w)
            raise
        self._state = RUN
        self._manager = threading.Thread(target=self._manage, name='PoolManager', daemon=True)
        self._manager.start()
        # at exit, a pool that was never closed is terminated (this keeps the pool alive
        # until then, or until terminate()/join())
        self._terminate = util.Finalize(self, self._terminate_at_exit, exitpriority=15)

    def __repr__(self):
        return '<%s.%s state=%s pool_size=%d>' % (self.__class__.__module__,
                                                   self.__class__.__qualname__,
                                                   self._state, len(self._pool))

    def _start_worker(self):
        task_r, task_w = Pipe(duplex=False)
        res_r, res_w = Pipe(duplex=False)
        p = self.Process(self._ctx, target=worker,
                         args=(task_r, res_w, self._initializer, self._initargs,
                               self._maxtasksperchild, self._wrap_exception))
        if self._worker_name:
            p.name = p.name.replace('Process', self._worker_name)
        p.daemon = True
        p.start()
        task_r.close()
        res_w.close()
        w = _Worker(p, task_w, res_r)
        self._workers[p.sentinel] = w
        self._pool.append(p)
        return w

    # ----- the manager thread -----

    def _wake(self):
        try:
            os.write(self._wake_w, b'x')
        except OSError:
            pass

    def _manage(self):
        try:
            self._manage_loop()
        finally:
            for w in list(self._workers.values()):
                w.close()
            self._workers.clear()
            os.close(self._wake_r)
            os.close(self._wake_w)
            self._wake_r = self._wake_w = None

    def _manage_loop(self):
        while True:
            if self._state == TERMINATE:
                self._kill_workers()
                return
            self._dispatch()
            if self._state == CLOSE and not self._pending and not self._busy():
                self._stop_workers()
                return
            watch = [self._wake_r]
            by_fd = {}
            for sentinel, w in self._workers.items():
                watch.append(sentinel)
                watch.append(w.results.fileno())
                by_fd[w.results.fileno()] = w
            ready = wait(watch)
            if self._wake_r in ready:
                os.read(self._wake_r, 4096)
            for fd in ready:
                w = by_fd.get(fd)
                if w is not None:
                    self._on_message(w)
            for fd in ready:
                w = self._workers.get(fd)
                if w is not None and w.process.exitcode is not None:
                    self._on_exit(w)

    def _busy(self):
        return any(w.inflight for w in self._workers.values())

    def _on_message(self, w):
        """Handle one message from worker w; False at end of file."""
        try:
            msg = w.results.recv()
        except (EOFError, OSError):
            return False
        except Exception as e:
            # the result could not be unpickled here: it fails the task
            if w.inflight:
                job, i = w.inflight.popleft()
                w.sent.pop((job, i), None)
                w.done += 1
                self._complete(job, i, (False, e))
            return True
        if msg[0] == 'ready':
            w.ready = True
            self._start_failures = 0
            return True
        job, i, result = msg
        if w.inflight:
            w.sent.pop(w.inflight.popleft(), None)
        w.done += 1
        self._complete(job, i, result)
        return True

    def _on_exit(self, w):
        # collect what it managed to send before dying
        while w.inflight and w.results.poll(0):
            if not self._on_message(w):
                break
        del self._workers[w.process.sentinel]
        try:
            self._pool.remove(w.process)
        except ValueError:
            pass
        code = w.process.exitcode
        w.close()
        w.process.join()
        expected_end = (self._maxtasksperchild is not None and
                        w.done >= self._maxtasksperchild)
        if w.inflight or (not expected_end and self._state != TERMINATE):
            if self._lost_worker(w, code):
                return
        if self._state in (TERMINATE,) or (self._state == CLOSE and not self._pending):
            return
        if not w.ready and not expected_end:
            self._start_failures += 1
            if self._start_failures >= self._MAX_START_FAILURES and not self._workers_ready():
                self._break(PoolBrokenError(
                    'pool worker processes keep ending before they start (last exit code '
                    '%s): the initializer failed or the main module cannot be imported' % code))
                return
        if self._broken is None:
            self._start_worker()

    def _lost_worker(self, w, code):
        """A worker ended unexpectedly (w.inflight: the task it was running first, then the
        ones queued for it). Pool: the running task fails with WorkerLostError, the queued
        ones (all, if the worker never finished starting) go back to the pending tasks and a
        new worker is started (return False).
        Subclasses may instead break the whole pool (return True)."""
        if w.inflight:
            if w.ready:
                job, i = w.inflight.popleft()
                err = WorkerLostError('worker process %s (pid %d) ended with exit code %s '
                                      'while running a task'
                                      % (w.process.name, w.process.pid, code))
                self._complete(job, i, (False, err))
            # tasks it never started (all of them if it never finished starting) go back
            with self._lock:
                self._pending.extendleft(reversed([w.sent[k] for k in w.inflight]))
            w.inflight.clear()
            w.sent.clear()
        return False

    def _take_task(self, task):
        """Called by the manager just before sending task to a worker: False drops it
        (a cancelled future)."""
        return True

    def _workers_ready(self):
        return any(w.ready for w in self._workers.values())

    def _break(self, err):
        self._broken = err
        with self._lock:
            pending, self._pending = list(self._pending), collections.deque()
        for job, i, _, _, _ in pending:
            self._complete(job, i, (False, err))

    def _complete(self, job, i, result):
        r = self._cache.get(job)
        if r is not None:
            try:
                r._set(i, result)
            except Exception:
                import traceback
                traceback.print_exc()

    def _dispatch(self):
        if self._broken is not None:
            self._break(self._broken)
            return
        limit = self._maxtasksperchild
        workers = list(self._workers.values())
        # every worker gets a task to run, then up to EXTRA_QUEUED tasks wait in workers'
        # pipes (so a worker finishing a task starts the next at once)
        extra = self.EXTRA_QUEUED - sum(max(0, len(w.inflight) - 1) for w in workers)
        for depth in (0, 1):
            for w in workers:
                if len(w.inflight) != depth or (depth and extra <= 0):
                    continue
                # a worker about to reach maxtasksperchild gets no more than it can run
                if limit is not None and w.done + len(w.inflight) >= limit:
                    continue
                if not self._send_one(w):
                    return
                if depth:
                    extra -= 1

    def _send_one(self, w):
        """Send the next pending task to w; False when there is none."""
        while True:
            with self._lock:
                if not self._pending:
                    return False
                task = self._pending.popleft()
            job, i = task[0], task[1]
            if not self._take_task(task):
                continue
            try:
                data = _ForkingPickler.dumps(task)
            except Exception as e:
                self._complete(job, i, (False, e))
                continue
            try:
                w.tasks.send_bytes(data)
            except OSError:
                # the worker is gone; its sentinel will tell. Try the task elsewhere.
                with self._lock:
                    self._pending.appendleft(task)
                return True
            w.inflight.append((job, i))
            w.sent[(job, i)] = task
            return True

    def _stop_workers(self):
        for w in list(self._workers.values()):
            try:
                w.tasks.send(None)
            except OSError:
                pass
        for w in list(self._workers.values()):
            w.process.join()

    def _kill_workers(self):
        for w in list(self._workers.values()):
            if w.process.exitcode is None:
                w.process.terminate()
        for w in list(self._workers.values()):
            w.process.join()

    def _terminate_at_exit(self):
        self._state = TERMINATE
        if self._wake_w is not None:
            self._wake()
        self._manager.join()

    # ----- submitting -----

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, tasks):
        with self._lock:
            self._pending.extend(tasks)
        self._wake()

    def apply(self, func, args=(), kwds={}):
        """func(*args, **kwds) in a worker; waits for the result."""
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """func(*args, **kwds) in a worker; returns an AsyncResult."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        if self._broken is not None:
            result._set(None, (False, self._broken))
            return result
        self._submit([(result._job, None, func, tuple(args), dict(kwds))])
        return result

    def map(self, func, iterable, chunksize=None):
        """list(map(func, iterable)) computed by the workers."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """Like map() with func(*args) for each args in iterable."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback,
                               error_callback)

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._workers) * 4 or 1)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        if chunksize == 0:
            return result
        if self._broken is not None:
            result._number_left = 1
            result._set(0, (False, self._broken))
            return result
        chunks = self._chunks(func, iterable, chunksize)
        self._submit([(result._job, i, mapper, (chunk,), {}) for i, chunk in enumerate(chunks)])
        return result

    @staticmethod
    def _chunks(func, iterable, size):
        it = iter(iterable)
        while True:
            chunk = tuple(itertools.islice(it, size))
            if not chunk:
                return
            yield (func, chunk)

    def imap(self, func, iterable, chunksize=1):
        """An iterator over func applied to the items, in order."""
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like imap(), but results come as they complete."""
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, cls, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = cls(self)
        items = list(iterable)
        if chunksize == 1:
            tasks = [(result._job, i, func, (x,), {}) for i, x in enumerate(items)]
            result._set_length(len(tasks))
            if self._broken is not None:
                for t in tasks:
                    result._set(t[1], (False, self._broken))
                return result
            self._submit(tasks)
            return result
        chunks = list(self._chunks(func, items, chunksize))
        tasks = [(result._job, i, mapstar, (chunk,), {}) for i, chunk in enumerate(chunks)]
        result._set_length(len(tasks))
        if self._broken is not None:
            for t in tasks:
                result._set(t[1], (False, self._broken))
        else:
            self._submit(tasks)
        return _ChunkFlattener(result)

    # ----- life cycle -----

    def close(self):
        """No more tasks: the workers exit once the submitted ones are done."""
        if self._state == RUN:
            self._state = CLOSE
            self._wake()

    def terminate(self):
        """Stop the workers now (unfinished tasks never complete)."""
        if self._state == INIT:
            return
        self._state = TERMINATE
        if self._wake_w is not None:
            self._wake()
        self._terminate.cancel()

    def join(self):
        """Wait for the workers to exit (after close() or terminate())."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._manager.join()
        self._terminate.cancel()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()
        self.join()

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled')


class _ChunkFlattener:
    """imap with chunksize > 1: yields the items of each chunk result."""

    def __init__(self, it):
        self._it = it
        self._buffer = collections.deque()

    def __iter__(self):
        return self

    def next(self, timeout=None):
        while not self._buffer:
            self._buffer.extend(self._it.next(timeout))
        return self._buffer.popleft()

    __next__ = next


def _default_ctx():
    from .context import _default_context
    return _default_context.get_context()


# ----- threads -----

class ThreadPool:
    """The Pool API on threads of this process (multiprocessing.pool.ThreadPool)."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        self._cache = {}
        self._state = RUN
        self._tasks = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads = []
        self._processes = processes
        for _ in range(processes):
            t = threading.Thread(target=self._thread_worker, args=(initializer, initargs),
                                 daemon=True)
            t.start()
            self._threads.append(t)

    def _thread_worker(self, initializer, initargs):
        if initializer is not None:
            initializer(*initargs)
        while True:
            task = self._tasks.get()
            if task is None:
                return
            job, i, func, args, kwds = task
            try:
                result = (True, func(*args, **kwds))
            except Exception as e:
                result = (False, e)
            r = self._cache.get(job)
            if r is not None:
                with self._lock:
                    r._set(i, result)

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, tasks):
        for t in tasks:
            self._tasks.put(t)

    _broken = None
    _workers = property(lambda self: self._threads)
    apply = Pool.apply
    apply_async = Pool.apply_async
    map = Pool.map
    starmap = Pool.starmap
    map_async = Pool.map_async
    starmap_async = Pool.starmap_async
    _map_async = Pool._map_async
    _chunks = Pool._chunks
    imap = Pool.imap
    imap_unordered = Pool.imap_unordered
    _imap = Pool._imap

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            for _ in self._threads:
                self._tasks.put(None)

    def terminate(self):
        if self._state == RUN:
            self.close()
        self._state = TERMINATE

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        for t in self._threads:
            t.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()
