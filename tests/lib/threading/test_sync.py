"""Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer."""

import time

from _support import load, eq, ok, raises, wait_until, run, MODE, fullmatch

threading, _ = load()
MOD = "<" + threading.__name__


def started(target, *args):
    t = threading.Thread(target=target, args=args)
    t.start()
    return t


def test_lock():
    lock = threading.Lock()
    ok(not lock.locked(), "unlocked")
    ok(lock.acquire(), "acquire")
    ok(lock.locked(), "locked")
    ok(not lock.acquire(False), "non-blocking fails")
    ok(not lock.acquire(True, 0.01), "timeout fails")
    lock.release()
    raises(RuntimeError, lock.release, message="release unlocked lock")
    with lock:
        ok(lock.locked(), "with")
    ok(not lock.locked(), "after with")
    # Released by another thread than the one that acquired it.
    lock.acquire()
    t = started(lock.release); t.join()
    ok(not lock.locked(), "foreign release")


def test_rlock():
    r = threading.RLock()
    ok(r.acquire() and r.acquire(), "twice")
    r.release(); r.release()
    raises(RuntimeError, r.release)
    with r:
        with r:
            ok(r._is_owned(), "owned")
        box = []
        t = started(lambda: box.append(r.acquire(False))); t.join()
        eq(box, [False], "other thread cannot take it")
    ok(not r._is_owned(), "released")


def test_condition_basics():
    c = threading.Condition()
    raises(RuntimeError, c.wait, message="cannot wait on un-acquired lock")
    raises(RuntimeError, c.notify, message="cannot notify on un-acquired lock")
    raises(RuntimeError, c.notify_all, message="cannot notify on un-acquired lock")
    with c:
        eq(c.wait(0), False, "wait(0)")
        eq(c.wait(-1), False, "negative timeout polls")
        eq(c.wait(0.01), False, "timed out")
        eq(c.wait_for(lambda: 7), 7, "wait_for true at once")
        eq(c.wait_for(lambda: 0, 0.02), 0, "wait_for times out with last value")
        c.notify()     # nobody waiting: fine
    ok(fullmatch(r"<Condition\(.*, 0\)>", repr(c)), repr(c))
    lock = threading.Lock()
    c2 = threading.Condition(lock)
    with c2:
        ok(lock.locked(), "shares the given lock")
        raises(RuntimeError, lambda: threading.Condition(threading.Lock()).wait())
    c3 = threading.Condition(lock)
    ok(c3.acquire(), "acquire delegates")
    c3.release()


def test_condition_notify_wakes():
    c = threading.Condition()
    state = {"ready": False}
    box = []
    def waiter():
        with c:
            box.append(c.wait_for(lambda: state["ready"], 30))
    ts = [started(waiter) for _ in range(4)]
    wait_until(lambda: len(c._waiters) == 4, what="4 waiters")
    with c:
        state["ready"] = True
        c.notify_all()
    for t in ts:
        t.join()
    eq(box, [True] * 4, "all woke with True")


def test_condition_notify_order():
    # notify(1) wakes the waiters oldest first.
    c = threading.Condition()
    entered = []
    woken = []
    def waiter(name):
        with c:
            entered.append(name)
            c.wait(60)
            woken.append(name)
    threads = []
    for name in "ABCDE":
        threads.append(started(waiter, name))
        # Once we can take the lock and see `name`, that waiter is queued.
        wait_until(lambda: c.acquire(False) and (name in entered or c.release()),
                   what="waiter " + name)
        c.release()
    for i in range(5):
        with c:
            c.notify()
        wait_until(lambda: len(woken) == i + 1, what="wake %d" % i)
    for t in threads:
        t.join()
    eq(woken, list("ABCDE"), "FIFO wake order")
    with c:
        eq(len(c._waiters), 0, "queue empty")


def test_condition_notify_n():
    c = threading.Condition()
    woken = []
    def waiter(i):
        with c:
            if c.wait(60):
                woken.append(i)
    ts = [started(waiter, i) for i in range(6)]
    wait_until(lambda: len(c._waiters) == 6, what="6 waiters")
    with c:
        c.notify(2)
    wait_until(lambda: len(woken) == 2, what="two woken")
    time.sleep(0.05)
    eq(len(woken), 2, "exactly two")
    with c:
        c.notify_all()
    for t in ts:
        t.join()
    eq(sorted(woken), list(range(6)), "all")


def test_condition_with_rlock_held_twice():
    # wait() must release an RLock completely and restore its depth.
    r = threading.RLock()
    c = threading.Condition(r)
    box = []
    def other():
        with c:
            box.append("in")
            c.notify()
    with c:
        with c:
            t = started(other)
            ok(c.wait(30), "notified")
            eq(box, ["in"], "other thread got the lock")
            ok(r._is_owned(), "owned again")
        ok(r._is_owned(), "depth 2 restored: still owned after one exit")
    ok(not r._is_owned(), "fully released")
    t.join()


def test_condition_timeout_race_keeps_notification():
    # Many short timed waits racing with notify: nothing deadlocks, and
    # every notify() either wakes somebody or finds the queue empty.
    c = threading.Condition(threading.Lock())
    stop = []
    hits = []
    def waiter():
        while not stop:
            with c:
                if c.wait(0.001):
                    hits.append(1)
    ts = [started(waiter) for _ in range(4)]
    deadline = time.monotonic() + 0.3
    while time.monotonic() < deadline:
        with c:
            c.notify()
    stop.append(1)
    for t in ts:
        t.join(30)
        ok(not t.is_alive(), "waiter ended")


def test_semaphore():
    raises(ValueError, threading.Semaphore, -1, message="semaphore initial value must be >= 0")
    s = threading.Semaphore(2)
    ok(fullmatch(MOD + r"\.Semaphore at 0x[0-9a-f]+: value=2>", repr(s)), repr(s))
    ok(s.acquire() and s.acquire(), "two")
    ok(not s.acquire(False), "third fails")
    ok(not s.acquire(timeout=0.01), "timed")
    ok(not s.acquire(timeout=0), "zero timeout")
    raises(ValueError, s.acquire, False, 1, message="can't specify timeout for non-blocking acquire")
    raises(ValueError, s.release, 0, message="n must be one or more")
    s.release(2)
    eq(s._value, 2, "value")
    with s:
        eq(s._value, 1, "with")
    eq(s._value, 2, "after with")
    s.release(5)                      # plain semaphores may go above
    eq(s._value, 7, "unbounded")


def test_semaphore_wakes_waiters():
    s = threading.Semaphore(0)
    got = []
    ts = [started(lambda: got.append(s.acquire(timeout=30))) for _ in range(3)]
    s.release(3)
    for t in ts:
        t.join()
    eq(got, [True] * 3, "all acquired")


def test_semaphore_limits_concurrency():
    s = threading.BoundedSemaphore(3)
    lock = threading.Lock()
    state = {"now": 0, "max": 0}
    def work():
        for _ in range(50):
            with s:
                with lock:
                    state["now"] += 1
                    state["max"] = max(state["max"], state["now"])
                time.sleep(0)
                with lock:
                    state["now"] -= 1
    ts = [started(work) for _ in range(8)]
    for t in ts:
        t.join()
    ok(1 <= state["max"] <= 3, "max concurrency %d" % state["max"])
    eq(s._value, 3, "all released")


def test_bounded_semaphore():
    b = threading.BoundedSemaphore(2)
    ok(fullmatch(MOD + r"\.BoundedSemaphore at 0x[0-9a-f]+: value=2/2>", repr(b)), repr(b))
    raises(ValueError, b.release, message="Semaphore released too many times")
    b.acquire(); b.acquire()
    raises(ValueError, b.release, 3, message="Semaphore released too many times")
    b.release(2)
    raises(ValueError, b.release)
    ok(isinstance(b, threading.Semaphore), "subclass")


def test_event():
    e = threading.Event()
    ok(fullmatch(MOD + r"\.Event at 0x[0-9a-f]+: unset>", repr(e)), repr(e))
    ok(not e.is_set(), "unset")
    eq(e.wait(0), False, "wait(0)")
    eq(e.wait(0.01), False, "wait timeout")
    box = []
    ts = [started(lambda: box.append(e.wait(30))) for _ in range(5)]
    e.set()
    for t in ts:
        t.join()
    eq(box, [True] * 5, "all released")
    ok(e.is_set() and e.wait() and e.wait(0), "set")
    ok(repr(e).endswith(": set>"), repr(e))
    e.clear()
    ok(not e.is_set(), "cleared")


def test_barrier_five_threads():
    calls = []
    b = threading.Barrier(5, action=lambda: calls.append(threading.current_thread().name))
    eq(b.parties, 5, "parties")
    out = []
    lock = threading.Lock()
    def party(i):
        for rnd in range(3):
            idx = b.wait(30)
            with lock:
                out.append((rnd, idx))
    ts = [started(party, i) for i in range(5)]
    for t in ts:
        t.join()
    for rnd in range(3):
        eq(sorted(idx for r, idx in out if r == rnd), [0, 1, 2, 3, 4], "indices round %d" % rnd)
    eq(len(calls), 3, "action once per round")
    ok(not b.broken and b.n_waiting == 0, "clean")
    ok(fullmatch(MOD + r"\.Barrier at 0x[0-9a-f]+: waiters=0/5>", repr(b)), repr(b))


def test_barrier_timeout_breaks():
    b = threading.Barrier(2, timeout=0.05)
    raises(threading.BrokenBarrierError, b.wait)
    ok(b.broken, "broken")
    ok(repr(b).endswith(": broken>"), repr(b))
    raises(threading.BrokenBarrierError, b.wait)
    b.reset()
    ok(not b.broken, "reset")
    ok(issubclass(threading.BrokenBarrierError, RuntimeError), "RuntimeError subclass")
    b2 = threading.Barrier(3)
    raises(threading.BrokenBarrierError, b2.wait, 0.02)   # per-call timeout


def test_barrier_abort_and_reset_release_waiters():
    for how in ("abort", "reset"):
        b = threading.Barrier(4)
        errors = []
        def party():
            try:
                b.wait(60)
            except threading.BrokenBarrierError:
                errors.append(1)
        ts = [started(party) for _ in range(3)]
        wait_until(lambda: b.n_waiting == 3, what="3 waiting")
        getattr(b, how)()
        for t in ts:
            t.join()
        eq(len(errors), 3, how + ": all got BrokenBarrierError")
        eq(b.broken, how == "abort", how + ": broken flag")
        eq(b.n_waiting, 0, how + ": n_waiting")
    # After reset the barrier works again.
    b = threading.Barrier(2)
    b.abort(); b.reset()
    res = []
    t = started(lambda: res.append(b.wait(30)))
    res.append(b.wait(30))
    t.join()
    eq(sorted(res), [0, 1], "usable after reset")


def test_barrier_action_failure():
    def bad():
        raise KeyError("action")
    b = threading.Barrier(2, action=bad)
    box = []
    def party():
        try:
            b.wait(30)
        except BaseException as e:
            box.append(type(e).__name__)
    ts = [started(party) for _ in range(2)]
    for t in ts:
        t.join()
    eq(sorted(box), ["BrokenBarrierError", "KeyError"], "one gets the action's error")
    ok(b.broken, "broken")


def test_timer_fires():
    box = []
    t = threading.Timer(0.01, lambda *a, **k: box.append((a, k)), args=(1,), kwargs={"k": 2})
    ok(fullmatch(r"<Timer\(Thread-\d+, initial\)>", repr(t)), repr(t))
    t.start()
    t.join(30)
    eq(box, [((1,), {"k": 2})], "called")
    ok(t.finished.is_set(), "finished")


def test_timer_cancel():
    box = []
    t = threading.Timer(30, box.append, args=("late",))
    t.start()
    t.cancel()
    t.join(30)
    ok(not t.is_alive(), "ended at once")
    eq(box, [], "never called")
    t2 = threading.Timer(0.01, box.append, ("x",))
    t2.cancel()           # cancelled before start
    t2.start(); t2.join(30)
    eq(box, [], "cancelled before start")


run(globals())
