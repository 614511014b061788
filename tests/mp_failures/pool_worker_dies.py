# A Pool worker killed by a signal or os._exit: its task fails (WorkerLostError), the pool
# replaces the worker and keeps working; nothing hangs.
import multiprocessing as mp
import os
import signal
import sys


def suicide(how):
    if how == 'exit':
        os._exit(3)
    os.kill(os.getpid(), signal.SIGKILL)


def square(x):
    return x * x


if __name__ == '__main__':
    mp.set_start_method(sys.argv[1])
    with mp.Pool(2) as pool:
        for how in ('exit', 'kill'):
            r = pool.apply_async(suicide, (how,))
            try:
                r.get(timeout=30)
            except mp.pool.WorkerLostError as e:
                print('lost', how, 'exit code' in str(e))
        print(pool.map(square, range(5)))
        print(sorted(pool.imap_unordered(square, range(4))))
    print('children', mp.active_children())
