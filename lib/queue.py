"""Synchronised queues: Spindle's `queue` module.

Written for Spindle from the documented behaviour of CPython 3.11's `queue`
(checked by experiment against `python3`, never copied from CPython's source).

Queue, LifoQueue and PriorityQueue share one lock (`mutex`) and three
Condition variables on it (`not_empty`, `not_full`, `all_tasks_done`), as the
documentation describes; subclasses customise the storage by overriding
`_init`, `_qsize`, `_put` and `_get`, which are always called with `mutex`
held.  SimpleQueue is a separate, lighter design: a lock-protected list plus a
semaphore counting the items.

This module needs only `threading` (Lock, Condition, Semaphore) and
`time.monotonic`.  It does not use `collections` or `heapq`: the FIFO store
and the binary heap are written here.
"""

import threading
from time import monotonic as _time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    """Raised by a non-blocking or timed-out get() on an empty queue."""


class Full(Exception):
    """Raised by a non-blocking or timed-out put() on a full queue."""


try:
    from types import GenericAlias as _GenericAlias
except ImportError:             # `types` may not exist yet in the runtime
    _GenericAlias = None


def _class_getitem(cls, item):
    if _GenericAlias is None:
        return cls
    return _GenericAlias(cls, item)


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class _Fifo:
    """A first-in first-out store: a list with a moving head index.

    Items before `_head` are dead slots, reclaimed once they are at least
    half of the list, so that each operation is amortised O(1).
    """

    __slots__ = ('_items', '_head')

    def __init__(self):
        self._items = []
        self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def __iter__(self):
        items = self._items
        for i in range(self._head, len(items)):
            yield items[i]

    def __repr__(self):
        return "_Fifo(%r)" % (list(self),)

    def append(self, item):
        self._items.append(item)

    def popleft(self):
        items = self._items
        if self._head >= len(items):
            raise IndexError("pop from an empty queue")
        item = items[self._head]
        items[self._head] = None          # let the item be freed now
        self._head += 1
        if self._head == len(items):
            items.clear()
            self._head = 0
        elif self._head >= 64 and self._head * 2 >= len(items):
            del items[:self._head]
            self._head = 0
        return item


# -- a private binary min-heap on a list (the `heapq` invariant) -----------

def _sift_up(heap, pos):
    item = heap[pos]
    while pos > 0:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_down(heap, pos):
    end = len(heap)
    item = heap[pos]
    while True:
        child = 2 * pos + 1
        if child >= end:
            break
        right = child + 1
        if right < end and heap[right] < heap[child]:
            child = right
        if heap[child] < item:
            heap[pos] = heap[child]
            pos = child
        else:
            break
    heap[pos] = item


def _heappush(heap, item):
    heap.append(item)
    _sift_up(heap, len(heap) - 1)


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    _sift_down(heap, 0)
    return top


class Queue:
    """A first-in first-out queue, safe to share between threads.

    If `maxsize` is zero or less the queue is unbounded.
    """

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Mark one item taken by get() as fully processed (for join())."""
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left <= 0:
                if left < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = left

    def join(self):
        """Block until every item put has been matched by a task_done()."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        """Return the approximate number of items in the queue."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """Return True if the queue is empty (a snapshot, not a promise)."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """Return True if the queue is full (a snapshot, not a promise)."""
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Put `item` in the queue.

        Blocks while the queue is full (for at most `timeout` seconds if given,
        then raises Full); with `block` false raises Full at once instead.
        """
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                else:
                    _check_timeout(timeout)
                    deadline = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = deadline - _time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return an item.

        Blocks while the queue is empty (for at most `timeout` seconds if
        given, then raises Empty); with `block` false raises Empty at once.
        """
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            else:
                _check_timeout(timeout)
                deadline = _time() + timeout
                while not self._qsize():
                    remaining = deadline - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        """put(item, block=False)."""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False)."""
        return self.get(block=False)

    # -- storage; override these in subclasses (called with mutex held) --

    def _init(self, maxsize):
        self.queue = _Fifo()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(_class_getitem)


class PriorityQueue(Queue):
    """A queue that returns the smallest item first (items are often
    `(priority, data)` tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    """A last-in first-out queue (a stack)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded first-in first-out queue with no task tracking."""

    def __init__(self):
        self._items = _Fifo()
        self._lock = threading.Lock()
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        """Put `item` in the queue; never blocks (the arguments exist for
        compatibility with Queue.put)."""
        with self._lock:
            self._items.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        """Remove and return an item, waiting like Queue.get()."""
        if block:
            _check_timeout(timeout)
        if not self._count.acquire(block, timeout if block else None):
            raise Empty
        with self._lock:
            return self._items.popleft()

    def put_nowait(self, item):
        """put(item, block=False)."""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False)."""
        return self.get(False)

    def empty(self):
        """Return True if the queue is empty (a snapshot, not a promise)."""
        with self._lock:
            return not self._items

    def qsize(self):
        """Return the approximate number of items in the queue."""
        with self._lock:
            return len(self._items)

    __class_getitem__ = classmethod(_class_getitem)
