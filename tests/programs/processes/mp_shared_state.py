# multiprocessing: Queue, Lock, Value, Array shared by fork and spawn children; Event, JoinableQueue, SimpleQueue, RawValue/RawArray
import multiprocessing as mp
import os

def worker(q, lock, counter, arr, n):
    for i in range(n):
        with lock:
            counter.value += 1
    arr[0] = 7
    q.put(('done', mp.current_process().name))

def run(ctx):
    q = ctx.Queue()
    lock = ctx.Lock()
    counter = ctx.Value('i', 0)
    arr = ctx.Array('d', 3)
    ps = [ctx.Process(target=worker, args=(q, lock, counter, arr, 200)) for _ in range(3)]
    for p in ps: p.start()
    got = sorted(q.get(timeout=20) for _ in ps)
    for p in ps: p.join()
    print(ctx.get_start_method(), got, counter.value, arr[:], [p.exitcode for p in ps])
    print(counter, lock)

if __name__ == '__main__':
    run(mp.get_context('fork'))
    run(mp.get_context('spawn'))
    e = mp.Event()
    print(e.is_set()); e.set(); print(e.is_set(), e.wait(1))
    jq = mp.JoinableQueue()
    jq.put(1); jq.put(2)
    print(jq.get(), jq.get()); jq.task_done(); jq.task_done(); jq.join(); print('joined')
    sq = mp.SimpleQueue(); sq.put([1,2]); print(sq.get(), sq.empty())
    print(mp.RawValue('d', 2.5), mp.RawArray('c', b'hi').value, mp.Value('i', 3))
    print('active children:', mp.active_children())
    try:
        pid, status = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        pid = 0
    print('zombie left:', pid != 0)
