# queue: Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty/Full, task_done/join, timeouts
import queue, threading

q = queue.Queue(maxsize=2)
q.put(1); q.put(2)
print(q.qsize(), q.full(), q.empty())
try:
    q.put(3, timeout=0.01)
except queue.Full:
    print("Full")
try:
    q.put_nowait(3)
except queue.Full:
    print("Full (nowait)")
print(q.get(), q.get_nowait())
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty")
try:
    q.get(block=False)
except queue.Empty:
    print("Empty (nowait)")

lq = queue.LifoQueue()
for i in range(3): lq.put(i)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for x in [(3, "c"), (1, "a"), (2, "b")]: pq.put(x)
print([pq.get() for _ in range(3)])
sq = queue.SimpleQueue()
sq.put("x"); sq.put("y")
print(sq.qsize(), sq.get(), sq.get(), sq.empty())

# producers and consumers with task_done/join and checksums
work = queue.Queue()
done = queue.Queue()
def producer(base):
    for i in range(200):
        work.put(base + i)
def consumer():
    while True:
        x = work.get()
        if x is None:
            work.task_done()
            return
        done.put(x * 2)
        work.task_done()
ps = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(4)]
cs = [threading.Thread(target=consumer) for _ in range(3)]
for t in ps + cs: t.start()
for t in ps: t.join()
work.join()
for _ in cs: work.put(None)
for t in cs: t.join()
got = []
while not done.empty():
    got.append(done.get())
print(len(got), sum(got), sum(2 * (k * 1000 + i) for k in range(4) for i in range(200)))
