# Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer
import threading

cond = threading.Condition()
items = []
def consumer(out):
    with cond:
        while not items:
            cond.wait()
        out.append(items.pop(0))
out = []
cs = [threading.Thread(target=consumer, args=(out,)) for _ in range(3)]
for c in cs: c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
for c in cs: c.join()
print(sorted(out))
with cond:
    print(cond.wait(0.01), cond.wait_for(lambda: True))

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
print(sem.acquire(False))
bs = threading.BoundedSemaphore(1)
bs.acquire(); bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
threading.Thread(target=ev.set).start()
print(ev.wait(5), ev.is_set())
ev.clear()
print(ev.is_set())

barrier = threading.Barrier(3)
idx = []
def at_barrier():
    idx.append(barrier.wait())
ts = [threading.Thread(target=at_barrier) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(idx), barrier.parties, barrier.n_waiting, barrier.broken)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError", b2.broken)

fired = []
t = threading.Timer(0.01, fired.append, args=("fired",))
t.start(); t.join()
t2 = threading.Timer(60, fired.append, args=("never",))
t2.start(); t2.cancel(); t2.join()
print(fired)
