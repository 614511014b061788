# The cycle collector runs (explicitly and automatically) while other threads allocate and
# drop reference cycles: no crash, no hang, every thread's work completes.
import gc
import threading
import time


class Node:
    def __init__(self, i):
        self.i = i
        self.me = self
        self.items = [self, {"n": self}]


def worker(n, out, k):
    total = 0
    for i in range(n):
        node = Node(i)
        total += node.items[1]["n"].i
        if i % 100 == 0:
            lst = [node]
            lst.append(lst)
    out[k] = total


out = [0] * 4
threads = [threading.Thread(target=worker, args=(3000, out, k)) for k in range(4)]
for t in threads:
    t.start()
for _ in range(20):
    gc.collect()
    gc.collect(0)
for t in threads:
    t.join()
print(out)
# (under -X gil=0 the collector waits until the finished threads are completely gone)
for _ in range(500):
    gc.collect()
    alive = sum(1 for o in gc.get_objects() if type(o) is Node)
    if alive == 0:
        break
    time.sleep(0.01)
print("alive nodes:", alive)
