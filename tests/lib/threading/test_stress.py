"""Stress: many threads hammering lists, locks, conditions and queues.

Only exact totals are checked, never timings.
"""

from _support import load, eq, ok, run

threading, queue = load()


def run_threads(n, target, *args):
    ts = [threading.Thread(target=target, args=(i,) + args) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return ts


def test_list_appends_8x100000():
    out = []
    def work(i):
        append = out.append
        for k in range(100000):
            append(k)
    ts = run_threads(8, work)
    eq(len(out), 800000, "length")
    eq(sum(out), 8 * (99999 * 100000 // 2), "sum")
    ok(not any(t.is_alive() for t in ts), "all ended")


def test_counter_under_lock():
    lock = threading.Lock()
    box = [0]
    def work(i):
        for _ in range(20000):
            with lock:
                box[0] += 1
    run_threads(8, work)
    eq(box[0], 160000, "exact total")


def test_counter_under_rlock_nested():
    lock = threading.RLock()
    box = [0]
    def work(i):
        for _ in range(5000):
            with lock:
                with lock:
                    box[0] += 1
    run_threads(8, work)
    eq(box[0], 40000, "exact total")


def test_condition_ping_pong():
    c = threading.Condition()
    state = {"turn": 0, "log": []}
    N, ROUNDS = 4, 500
    def player(i):
        for r in range(ROUNDS):
            with c:
                c.wait_for(lambda: state["turn"] % N == i)
                state["log"].append(i)
                state["turn"] += 1
                c.notify_all()
    run_threads(N, player)
    eq(state["log"], list(range(N)) * ROUNDS, "strict round robin")


def test_queue_pipeline_checksum():
    # stage1 -> q1 -> 4 squarers -> q2 -> collector
    q1 = queue.Queue(maxsize=64)
    q2 = queue.Queue()
    N = 20000
    def squarer(i):
        while True:
            x = q1.get()
            if x is None:
                q1.task_done()
                return
            q2.put(x * x)
            q1.task_done()
    workers = [threading.Thread(target=squarer, args=(i,)) for i in range(4)]
    for w in workers:
        w.start()
    for x in range(N):
        q1.put(x)
    q1.join()
    for _ in workers:
        q1.put(None)
    for w in workers:
        w.join()
    total = 0
    count = 0
    while not q2.empty():
        total += q2.get_nowait()
        count += 1
    eq(count, N, "count")
    eq(total, sum(x * x for x in range(N)), "checksum")


def test_lifo_and_priority_many_threads():
    for cls in (queue.LifoQueue, queue.PriorityQueue):
        q = cls(maxsize=10)
        got = []
        lock = threading.Lock()
        def prod(i):
            for k in range(2000):
                q.put(i * 2000 + k)
        def cons(i):
            mine = []
            for _ in range(2000):
                mine.append(q.get(timeout=60))
            with lock:
                got.extend(mine)
        ts = [threading.Thread(target=prod, args=(i,)) for i in range(4)]
        ts += [threading.Thread(target=cons, args=(i,)) for i in range(4)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        eq(sorted(got), list(range(8000)), cls.__name__ + " every item exactly once")


def test_event_broadcast_many():
    go = threading.Event()
    seen = []
    lock = threading.Lock()
    def waiter(i):
        ok(go.wait(60), "woken")
        with lock:
            seen.append(i)
    ts = [threading.Thread(target=waiter, args=(i,)) for i in range(32)]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
    eq(sorted(seen), list(range(32)), "all 32")


def test_barrier_rounds_many():
    b = threading.Barrier(6)
    per_round = {}
    lock = threading.Lock()
    def party(i):
        for r in range(200):
            idx = b.wait(60)
            with lock:
                per_round.setdefault(r, []).append(idx)
    run_threads(6, party)
    ok(all(sorted(v) == list(range(6)) for v in per_round.values()), "indices per round")
    eq(len(per_round), 200, "rounds")


def test_start_join_many_threads():
    results = [None] * 200
    def work(i):
        results[i] = i * i
    run_threads(200, work)
    eq(results, [i * i for i in range(200)], "results")
    eq(threading.active_count(), 1, "only main left")


run(globals())
