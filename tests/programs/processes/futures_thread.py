# concurrent.futures: Future states, ThreadPoolExecutor submit/map/wait/as_completed, callbacks, cancel, shutdown, errors
import concurrent.futures as cf
import threading
import time


def square(x):
    return x * x


def fail(x):
    raise KeyError(x)


def wait_for(event):
    event.wait(10)
    return 'released'


f = cf.Future()
print(f.done(), f.running(), f.cancelled())
print(f.set_running_or_notify_cancel(), f.running(), f.cancel())
f.set_result(42)
print(f.done(), f.result(), f.exception())
try:
    f.set_result(1)
except cf.InvalidStateError as e:
    print('InvalidStateError', type(e).__mro__[1].__name__)
f = cf.Future()
print(f.cancel(), f.cancelled(), f.done())
try:
    f.result(timeout=0)
except cf.CancelledError:
    print('CancelledError')
f = cf.Future()
try:
    f.result(timeout=0.01)
except cf.TimeoutError as e:
    print('TimeoutError', type(e) is TimeoutError)
seen = []
f.add_done_callback(lambda fut: seen.append(fut.result()))
f.set_result('cb')
f.add_done_callback(lambda fut: seen.append('late'))
print(seen)

with cf.ThreadPoolExecutor(max_workers=4, thread_name_prefix='worker') as ex:
    futures = [ex.submit(square, i) for i in range(8)]
    print(sorted(f.result() for f in cf.as_completed(futures)))
    print(list(ex.map(square, range(6))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    err = ex.submit(fail, 'k')
    print(type(err.exception()).__name__, repr(err.exception()))
    try:
        list(ex.map(fail, [1]))
    except KeyError as e:
        print('map raised KeyError', e)
    gate = threading.Event()
    blocked = ex.submit(wait_for, gate)
    done, not_done = cf.wait([blocked, ex.submit(square, 3)], timeout=5,
                             return_when=cf.FIRST_COMPLETED)
    print(len(done), len(not_done), [f.result() for f in done])
    done, not_done = cf.wait([blocked], timeout=0.05)
    print(len(done), len(not_done))
    gate.set()
    done, not_done = cf.wait([blocked, err], return_when=cf.FIRST_EXCEPTION)
    print(sorted(type(f.exception()).__name__ if f.exception() else f.result() for f in done))
    names = list(ex.map(lambda _: threading.current_thread().name.split('_')[0], range(3)))
    print(set(names))
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print('RuntimeError:', e)

ex = cf.ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
first = ex.submit(wait_for, gate)
time.sleep(0.05)
rest = [ex.submit(square, i) for i in range(3)]
gate.set()
ex.shutdown(wait=True, cancel_futures=True)
print(first.result(), [f.cancelled() for f in rest])
try:
    list(cf.as_completed([cf.Future()], timeout=0.01))
except cf.TimeoutError as e:
    print('as_completed:', e)
try:
    cf.ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print(e)


print(issubclass(cf.thread.BrokenThreadPool, cf.BrokenExecutor), issubclass(cf.BrokenExecutor, RuntimeError))
