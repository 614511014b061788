# Ctrl-C (SIGINT to the whole process group) while a Pool and an executor are busy: the
# parent gets KeyboardInterrupt, the workers stop, no process is left behind.
import concurrent.futures as cf
import multiprocessing as mp
import sys
import time


def nap(x):
    time.sleep(x)
    return x


if __name__ == '__main__':
    ctx = mp.get_context(sys.argv[1])
    if sys.argv[2] == 'pool':
        with ctx.Pool(2) as pool:
            print('ready', flush=True)
            pool.map(nap, [30] * 4)
    else:
        with cf.ProcessPoolExecutor(2, mp_context=ctx) as ex:
            list(ex.map(nap, [0.01] * 2))
            print('ready', flush=True)
            list(ex.map(nap, [30] * 4))
