# Many threads sharing a list, a dict, a counter under a Lock and objects with __del__: no lost data
import threading, sys

shared = []
def appender(k):
    for i in range(20000):
        shared.append(i)
ts = [threading.Thread(target=appender, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(len(shared), sum(shared) == 8 * sum(range(20000)))

d = {}
def writer(k):
    for i in range(2000):
        d[(k, i)] = i
ts = [threading.Thread(target=writer, args=(k,)) for k in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(len(d), sum(d.values()))

count = 0
lock = threading.Lock()
def inc():
    global count
    for _ in range(5000):
        with lock:
            count += 1
ts = [threading.Thread(target=inc) for _ in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(count)

deleted = []
class Res:
    def __init__(self, n): self.n = n
    def __del__(self): deleted.append(self.n)
keep = Res(-1)
def churn(k):
    for i in range(300):
        r = Res(k * 1000 + i)
        alias = [r, keep]
        del r, alias
ts = [threading.Thread(target=churn, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(deleted), sorted(deleted) == sorted(k * 1000 + i for k in range(4) for i in range(300)))
print(sys.getrefcount(keep))
