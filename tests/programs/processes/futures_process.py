# concurrent.futures.ProcessPoolExecutor: submit/map with chunksize, as_completed/wait, remote errors, BrokenProcessPool, shutdown(cancel_futures), fork and spawn
import concurrent.futures as cf
import multiprocessing as mp
import os
import time


def square(x):
    return x * x


def div(a, b):
    return a // b


def die(code):
    os._exit(code)


def nap(x):
    time.sleep(x)
    return x


def worker_name(_):
    return mp.current_process().name.split('-')[0]


if __name__ == '__main__':
    for method in ('fork', 'spawn'):
        ctx = mp.get_context(method)
        print('--', method)
        with cf.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
            futures = [ex.submit(square, i) for i in range(6)]
            print(sorted(f.result() for f in cf.as_completed(futures, timeout=30)))
            print(list(ex.map(square, range(10))))
            print(list(ex.map(div, [10, 20, 30], [2, 5, 7], chunksize=2)))
            print(set(ex.map(worker_name, range(4))))
            f = ex.submit(div, 1, 0)
            err = f.exception(timeout=30)
            print(type(err).__name__, err, type(err.__cause__).__name__,
                  'ZeroDivisionError' in str(err.__cause__))
            try:
                list(ex.map(div, [1, 2], [1, 0]))
            except ZeroDivisionError as e:
                print('map raised', e)
            done, not_done = cf.wait([ex.submit(nap, 0.01), ex.submit(nap, 3)],
                                     return_when=cf.FIRST_COMPLETED, timeout=30)
            print(len(done), len(not_done))
            try:
                ex.submit(square, lambda: 1).result(timeout=30)
            except Exception as e:
                print('unpicklable:', type(e).__name__)
            print(ex.submit(square, 12).result(timeout=30))
        try:
            ex.submit(square, 1)
        except RuntimeError as e:
            print(e)

        ex = cf.ProcessPoolExecutor(max_workers=2, mp_context=ctx)
        slow = ex.submit(nap, 1)
        dead = ex.submit(die, 7)
        for f in (dead, slow):
            try:
                f.result(timeout=30)
            except cf.process.BrokenProcessPool as e:
                print('BrokenProcessPool:', e)
        try:
            ex.submit(square, 2)
        except cf.process.BrokenProcessPool as e:
            print('submit after break:', e)
        ex.shutdown()

        ex = cf.ProcessPoolExecutor(max_workers=1, mp_context=ctx)
        futures = [ex.submit(nap, 0.2) for _ in range(5)]
        time.sleep(0.1)
        ex.shutdown(wait=True, cancel_futures=True)
        print([f.cancelled() for f in futures], [f.result() for f in futures if not f.cancelled()])
        print('active children:', mp.active_children())
    try:
        cf.ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print(e)
    try:
        pid, status = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        pid = 0
    print('zombie left:', pid != 0)
