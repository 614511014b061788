# collections.deque: append/popleft from several threads without a lock (atomic operations).
import threading
from collections import deque

dq = deque()

def produce(base):
    for i in range(50000):
        dq.append(base + i)

threads = [threading.Thread(target=produce, args=(k * 100000,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(dq), len(set(dq)))

taken = []

def consume():
    n = 0
    got = []
    for _ in range(50000):
        try:
            got.append(dq.popleft())
            n += 1
        except IndexError:
            pass
    taken.append(got)

threads = [threading.Thread(target=consume) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
allv = [v for got in taken for v in got]
print(len(dq), len(allv), len(set(allv)))
# Each consumer saw each producer's items in order.
print(all(all(a < b for a, b in zip([v for v in got if v // 100000 == k], [v for v in got if v // 100000 == k][1:])) for got in taken for k in range(4)))

# Both ends at once, with maxlen: the length never exceeds maxlen.
bounded = deque(maxlen=100)
def push_left():
    for i in range(20000):
        bounded.appendleft(i)
def push_right():
    for i in range(20000):
        bounded.append(i)
def pop_both():
    for i in range(20000):
        try:
            bounded.pop() if i % 2 else bounded.popleft()
        except IndexError:
            pass
threads = [threading.Thread(target=f) for f in (push_left, push_right, pop_both, push_right)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(bounded) <= 100, bounded.maxlen)
