"""queue: Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty, Full."""

import random

from _support import load, eq, ok, raises, wait_until, run, Skip

threading, queue = load()


def started(target, *args):
    t = threading.Thread(target=target, args=args)
    t.start()
    return t


def test_fifo_basics():
    q = queue.Queue()
    eq(q.maxsize, 0, "maxsize")
    ok(q.empty() and not q.full() and q.qsize() == 0, "empty")
    for i in range(200):
        q.put(i)
    eq(q.qsize(), 200, "qsize")
    eq([q.get() for _ in range(150)], list(range(150)), "fifo")
    for i in range(200, 300):
        q.put_nowait(i)
    eq([q.get_nowait() for _ in range(150)], list(range(150, 300)), "fifo after compaction")
    raises(queue.Empty, q.get_nowait)
    raises(queue.Empty, q.get, False)
    raises(queue.Empty, q.get, timeout=0)
    raises(queue.Empty, q.get, timeout=0.01)
    raises(ValueError, q.get, timeout=-1, message="'timeout' must be a non-negative number")
    q.put(1, timeout=-1)          # unbounded: timeout is never looked at
    eq(sorted(vars(q)), sorted(['maxsize', 'queue', 'mutex', 'not_empty', 'not_full',
                                'all_tasks_done', 'unfinished_tasks']), "attributes")


def test_bounded():
    q = queue.Queue(2)
    q.put(1); q.put(2)
    ok(q.full(), "full")
    raises(queue.Full, q.put_nowait, 3)
    raises(queue.Full, q.put, 3, False)
    raises(queue.Full, q.put, 3, timeout=0.01)
    raises(ValueError, q.put, 3, timeout=-1, message="'timeout' must be a non-negative number")
    eq(q.get(), 1, "get")
    q.put(3)
    eq([q.get(), q.get()], [2, 3], "order")
    ok(not queue.Queue(-3).full() and not queue.Queue(0).full(), "no bound")


def test_put_blocks_until_get():
    q = queue.Queue(1)
    q.put("a")
    done = []
    t = started(lambda: (q.put("b"), done.append(1)))
    wait_until(lambda: len(q.not_full._waiters) == 1, what="putter waiting")
    eq(done, [], "blocked while full")
    eq(q.get(), "a", "first")
    t.join(30)
    eq(done, [1], "put finished")
    eq(q.get(), "b", "second")


def test_get_blocks_until_put():
    q = queue.Queue()
    box = []
    t = started(lambda: box.append(q.get(timeout=30)))
    wait_until(lambda: len(q.not_empty._waiters) == 1, what="getter waiting")
    q.put("x")
    t.join(30)
    eq(box, ["x"], "got it")


def test_task_done_join():
    q = queue.Queue()
    raises(ValueError, q.task_done, message="task_done() called too many times")
    processed = []
    def worker():
        while True:
            item = q.get()
            if item is None:
                q.task_done()
                return
            processed.append(item * 2)
            q.task_done()
    ts = [started(worker) for _ in range(3)]
    for i in range(100):
        q.put(i)
    q.join()
    eq(sorted(processed), [i * 2 for i in range(100)], "all processed before join returns")
    eq(q.unfinished_tasks, 0, "no tasks left")
    for _ in ts:
        q.put(None)
    q.join()
    for t in ts:
        t.join()


def test_lifo():
    q = queue.LifoQueue()
    for i in range(5):
        q.put(i)
    eq([q.get() for _ in range(5)], [4, 3, 2, 1, 0], "lifo")
    q = queue.LifoQueue(1)
    q.put(1)
    raises(queue.Full, q.put_nowait, 2)
    ok(isinstance(q, queue.Queue), "subclass")


def test_priority():
    rng = random.Random(1234)
    data = [rng.randrange(1000) for _ in range(2000)]
    q = queue.PriorityQueue()
    for x in data:
        q.put(x)
    eq([q.get() for _ in range(len(data))], sorted(data), "sorted")
    q.put((2, "b")); q.put((1, "a")); q.put((3, "c"))
    eq([q.get()[1] for _ in range(3)], ["a", "b", "c"], "tuples")
    raises(queue.Empty, q.get_nowait)
    # Interleaved pushes and pops keep the heap order.
    q = queue.PriorityQueue()
    ref = []
    for i in range(3000):
        if rng.random() < 0.6 or not ref:
            x = rng.random()
            q.put(x); ref.append(x)
        else:
            ref.sort()
            eq(q.get(), ref.pop(0), "pop %d" % i)


def test_subclass_storage_hooks():
    class Rev(queue.Queue):
        def _init(self, maxsize):
            self.queue = []
        def _qsize(self):
            return len(self.queue)
        def _put(self, item):
            self.queue.insert(0, item)
        def _get(self):
            return self.queue.pop()
    q = Rev()
    q.put(1); q.put(2)
    eq([q.get(), q.get()], [1, 2], "custom hooks used")


def test_simple_queue():
    q = queue.SimpleQueue()
    ok(q.empty() and q.qsize() == 0, "empty")
    for i in range(100):
        q.put(i)
    q.put_nowait(100)
    q.put(101, timeout=-5)          # arguments ignored
    eq(q.qsize(), 102, "qsize")
    eq([q.get() for _ in range(102)], list(range(102)), "fifo")
    raises(queue.Empty, q.get_nowait)
    raises(queue.Empty, q.get, False)
    raises(queue.Empty, q.get, False, -1)
    raises(queue.Empty, q.get, timeout=0.01)
    raises(ValueError, q.get, timeout=-1, message="'timeout' must be a non-negative number")
    box = []
    t = started(lambda: box.append(q.get(timeout=30)))
    q.put("late")
    t.join(30)
    eq(box, ["late"], "blocking get")
    ok(not hasattr(q, "task_done"), "no task tracking")


def test_exceptions_and_generics():
    ok(issubclass(queue.Empty, Exception) and issubclass(queue.Full, Exception), "bases")
    ok(not issubclass(queue.Empty, queue.Full), "distinct")
    eq(queue.__all__, ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue'], "__all__")
    import types
    if not hasattr(types, "GenericAlias"):
        raise Skip("types.GenericAlias")
    eq(repr(queue.Queue[int]), queue.__name__ + ".Queue[int]", "generic alias")
    eq(repr(queue.SimpleQueue[str]), queue.__name__ + ".SimpleQueue[str]", "generic alias")


def test_producer_consumer_checksum():
    q = queue.Queue(maxsize=16)
    n_prod, n_cons, per = 4, 4, 5000
    lock = threading.Lock()
    totals = {"sum": 0, "count": 0}
    def producer(p):
        for i in range(per):
            q.put(p * per + i)
    def consumer():
        s = c = 0
        while True:
            item = q.get()
            if item is None:
                break
            s += item
            c += 1
        with lock:
            totals["sum"] += s
            totals["count"] += c
    cons = [started(consumer) for _ in range(n_cons)]
    prods = [started(producer, p) for p in range(n_prod)]
    for t in prods:
        t.join()
    for _ in cons:
        q.put(None)
    for t in cons:
        t.join()
    n = n_prod * per
    eq(totals["count"], n, "count")
    eq(totals["sum"], n * (n - 1) // 2, "checksum")
    ok(q.empty(), "drained")


def test_simple_queue_many_threads():
    q = queue.SimpleQueue()
    out = []
    lock = threading.Lock()
    def consumer():
        mine = []
        while True:
            x = q.get()
            if x is None:
                break
            mine.append(x)
        with lock:
            out.extend(mine)
    cons = [started(consumer) for _ in range(3)]
    prods = [started(lambda k=k: [q.put(k * 10000 + i) for i in range(3000)]) for k in range(3)]
    for t in prods:
        t.join()
    for _ in cons:
        q.put(None)
    for t in cons:
        t.join()
    eq(sorted(out), sorted(k * 10000 + i for k in range(3) for i in range(3000)), "all items once")


run(globals())
