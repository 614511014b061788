# multiprocessing.Pool: apply/map/imap/starmap (+ async), errors with remote tracebacks, initializer, maxtasksperchild, close/join/terminate
import multiprocessing as mp
import os
import time


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail_on_three(x):
    if x == 3:
        raise ValueError('three is bad')
    return x


def set_base(value):
    global BASE
    BASE = value


def from_base(x):
    return BASE + x


def my_pid(_):
    time.sleep(0.01)
    return os.getpid()


def slow(x):
    time.sleep(x)
    return x


if __name__ == '__main__':
    for method in ('fork', 'spawn'):
        ctx = mp.get_context(method)
        print('--', method)
        with ctx.Pool(processes=2) as pool:
            print(pool.map(square, range(12)))
            print(pool.map(square, range(12), chunksize=5))
            print(pool.map(square, []))
            print(pool.apply(add, (2, 3)), pool.apply(add, (), {'a': 1, 'b': 1}))
            r = pool.apply_async(square, (9,))
            print(r.get(timeout=10), r.ready(), r.successful())
            print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
            print(pool.starmap_async(add, [(10, 20)]).get(10))
            print(list(pool.imap(square, range(6))))
            print(list(pool.imap(square, range(7), chunksize=3)))
            print(sorted(pool.imap_unordered(square, range(6))))
            got = []
            r = pool.map_async(square, [1, 2, 3], callback=got.append)
            r.wait(10)
            time.sleep(0.05)
            print(r.get(), got)
            errors = []
            r = pool.map_async(fail_on_three, range(6), error_callback=errors.append)
            try:
                r.get(10)
            except ValueError as e:
                cause = e.__cause__
                print('ValueError:', e, '|', type(cause).__name__,
                      'three is bad' in str(cause), 'Traceback' in str(cause))
            print(r.ready(), r.successful(), [type(x).__name__ for x in errors])
            try:
                pool.apply(fail_on_three, (3,))
            except ValueError as e:
                print('apply raised', e)
            it = pool.imap(fail_on_three, [1, 3, 5])
            print(next(it), end=' ')
            try:
                next(it)
            except ValueError as e:
                print('imap raised', e, end=' ')
            print(next(it))
            try:
                pool.apply(square, (lambda: 0,))
            except Exception as e:
                print('unpicklable argument:', type(e).__name__)
            r = pool.apply_async(slow, (2,))
            try:
                r.get(timeout=0.05)
            except mp.TimeoutError:
                print('TimeoutError', r.ready())
            try:
                r.successful()
            except ValueError as e:
                print('ValueError: not ready' if 'not ready' in str(e) else e)
        print(repr(pool).split(' state=')[1])
        pool = ctx.Pool(2, initializer=set_base, initargs=(100,))
        print(pool.map(from_base, range(4)))
        pool.close()
        try:
            pool.apply(square, (1,))
        except ValueError as e:
            print('after close:', e)
        pool.join()
        pool = ctx.Pool(2, maxtasksperchild=2)
        pids = pool.map(my_pid, range(8), chunksize=1)
        print('distinct workers:', len(set(pids)) >= 4)
        pool.close()
        pool.join()
        pool = ctx.Pool(1)
        try:
            pool.join()
        except ValueError as e:
            print(e)
        pool.terminate()
        pool.join()
        print('active children:', mp.active_children())
    try:
        mp.Pool(0)
    except ValueError as e:
        print(e)
    try:
        pid, status = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        pid = 0
    print('zombie left:', pid != 0)
