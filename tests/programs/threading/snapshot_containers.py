# Converting a dict view, dict or set that other threads are mutating takes one consistent
# snapshot (list(), tuple(), sorted(), set()): it never raises "changed size during iteration".
# Under CPython the GIL makes each conversion atomic; Spindle keeps that under -X gil=0 too.
import threading

d = {}
s = set()
stop = threading.Event()
errors = []


def mutate(k):
    i = 0
    while not stop.is_set():
        d[(k, i % 64)] = i
        d.pop((k, (i + 32) % 64), None)
        s.add((k, i % 50))
        s.discard((k, (i + 25) % 50))
        i += 1


def snapshot():
    try:
        for _ in range(3000):
            items = list(d.items())
            keys = tuple(d.keys())
            values = list(d.values())
            members = sorted(s)
            copy = set(s)
            assert len(items) == len(dict(items))
            assert all(isinstance(k, tuple) for k in keys)
            assert all(isinstance(v, int) for v in values)
            assert len(members) == len(set(members))
            assert all(isinstance(m, tuple) for m in copy)
    except Exception as e:  # any failure is reported by the main thread
        errors.append(repr(e))


movers = [threading.Thread(target=mutate, args=(k,)) for k in range(2)]
readers = [threading.Thread(target=snapshot) for _ in range(2)]
for t in movers + readers:
    t.start()
for t in readers:
    t.join()
stop.set()
for t in movers:
    t.join()
print("errors:", errors)
print("dict keys are (thread, slot) pairs:", all(k[0] in (0, 1) and 0 <= k[1] < 64 for k in d))
print("set members are (thread, slot) pairs:", all(m[0] in (0, 1) and 0 <= m[1] < 50 for m in s))
