# A ProcessPoolExecutor worker killed from outside: every pending future fails with
# BrokenProcessPool, the executor refuses new work, shutdown returns; nothing hangs.
import concurrent.futures as cf
import multiprocessing as mp
import os
import signal
import sys
import time


def my_pid(_):
    return os.getpid()


def nap(x):
    time.sleep(x)
    return x


if __name__ == '__main__':
    ctx = mp.get_context(sys.argv[1])
    ex = cf.ProcessPoolExecutor(max_workers=2, mp_context=ctx)
    pids = set(ex.map(my_pid, range(8)))
    futures = [ex.submit(nap, 5) for _ in range(4)]
    time.sleep(0.5)
    os.kill(pids.pop(), signal.SIGKILL)
    for f in futures:
        try:
            f.result(timeout=30)
        except cf.process.BrokenProcessPool:
            print('broken')
    try:
        ex.submit(nap, 0)
    except cf.process.BrokenProcessPool:
        print('refused')
    ex.shutdown(wait=True)
    print('children', mp.active_children())
