# Lock and RLock: acquire/release, non-blocking and timed acquire, errors, context managers
import threading, _thread

lock = threading.Lock()
print(type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(timeout=0.01), lock.acquire(blocking=True, timeout=0))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for args, kw in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": 1e10})]:
    try:
        lock.acquire(*args, **kw)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())

# A plain lock is not owned: another thread may release it.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start(); t.join()
print("released by another thread:", lock.locked())

r = threading.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
print(r._is_owned())
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested with:", r._is_owned())

# Another thread cannot take an RLock we hold, nor release it.
r.acquire()
out = []
def other():
    out.append(r.acquire(timeout=0.01))
    try:
        r.release()
    except RuntimeError as e:
        out.append(str(e))
t = threading.Thread(target=other)
t.start(); t.join()
print(out)
r.release()
print(threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX, threading.ThreadError is RuntimeError)
