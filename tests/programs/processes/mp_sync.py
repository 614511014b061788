# multiprocessing: Barrier, Condition, BoundedSemaphore, RLock across fork and spawn children; Connection byte I/O, poll, EOF, wait
import multiprocessing as mp
import time

def barrier_worker(b, q):
    i = b.wait(timeout=20)
    q.put(i)

def cond_worker(cond, shared):
    with cond:
        shared.value += 1
        cond.notify_all()

def sem_worker(sem, active, peak, lock):
    with sem:
        with lock:
            active.value += 1
            peak.value = max(peak.value, active.value)
        time.sleep(0.05)
        with lock:
            active.value -= 1

if __name__ == '__main__':
    for method in ('fork', 'spawn'):
        ctx = mp.get_context(method)
        b = ctx.Barrier(3)
        q = ctx.Queue()
        ps = [ctx.Process(target=barrier_worker, args=(b, q)) for _ in range(2)]
        for p in ps: p.start()
        mine = b.wait(timeout=20)
        got = sorted([q.get(timeout=20) for _ in ps] + [mine])
        for p in ps: p.join()
        print('barrier', got, b.parties, b.n_waiting, b.broken)
        cond = ctx.Condition()
        shared = ctx.Value('i', 0, lock=False)
        ps = [ctx.Process(target=cond_worker, args=(cond, shared)) for _ in range(3)]
        with cond:
            for p in ps: p.start()
            ok = cond.wait_for(lambda: shared.value == 3, timeout=20)
        for p in ps: p.join()
        print('condition', ok, shared.value)
        sem = ctx.BoundedSemaphore(2)
        active = ctx.Value('i', 0, lock=False); peak = ctx.Value('i', 0, lock=False); lock = ctx.Lock()
        ps = [ctx.Process(target=sem_worker, args=(sem, active, peak, lock)) for _ in range(5)]
        for p in ps: p.start()
        for p in ps: p.join()
        print('semaphore peak', peak.value, repr(sem))
        r = ctx.RLock()
        with r:
            with r:
                print(repr(r))
        print(repr(r))
        a, b2 = ctx.Pipe()
        a.send_bytes(b'hello world', 6, 5)
        buf = bytearray(10)
        print(b2.poll(1), b2.recv_bytes_into(buf, 2), buf)
        try:
            a.send_bytes(b'x' * 20); b2.recv_bytes_into(bytearray(5))
        except mp.BufferTooShort as e:
            print('BufferTooShort', e.args[0][:3])
        print(b2.poll(0.01))
        a.close()
        try:
            b2.recv()
        except EOFError:
            print('EOFError')
        print(mp.connection.wait([b2], timeout=0) == [b2])
