# asyncio Lock, Event, Condition, Semaphore, BoundedSemaphore and queues
import asyncio

async def main():
    lock = asyncio.Lock()
    log = []
    async def crit(name):
        async with lock:
            log.append(name + " in")
            await asyncio.sleep(0.001)
            log.append(name + " out")
    await asyncio.gather(crit("a"), crit("b"), crit("c"))
    print(log, lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        return i
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), [t.done() for t in ts])
    ev.set()
    print(await asyncio.gather(*ts))

    cond = asyncio.Condition()
    items = []
    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()
    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        items.append("item")
        cond.notify()
    print(await c)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0
    async def limited():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1
    await asyncio.gather(*(limited() for _ in range(6)))
    print("peak", peak)
    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

    for q in [asyncio.Queue(), asyncio.LifoQueue(), asyncio.PriorityQueue()]:
        for x in [3, 1, 2]:
            q.put_nowait(x)
        print(type(q).__name__, [q.get_nowait() for _ in range(3)], q.empty())
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull", q.full(), q.qsize())
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q = asyncio.Queue(maxsize=1)
    async def worker():
        while True:
            x = await q.get()
            results.append(x * 10)
            q.task_done()
    results = []
    w = asyncio.create_task(worker())
    for i in range(4):
        await q.put(i)
    await q.join()
    w.cancel()
    print(results)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
