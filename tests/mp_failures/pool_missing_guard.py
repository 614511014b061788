# A Pool started without the main guard under spawn: every worker fails to start (the
# RuntimeError above); the pool becomes broken instead of respawning workers forever.
import multiprocessing as mp


def square(x):
    return x * x


mp.set_start_method('spawn', force=True)
pool = mp.Pool(2)
try:
    print(pool.map(square, range(3)))
except mp.pool.PoolBrokenError as e:
    print('PoolBrokenError')
pool.terminate()
pool.join()
print('children', mp.active_children())
