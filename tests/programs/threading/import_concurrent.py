# Threads importing the same module at once all see it fully initialised; a cross-thread import cycle does not deadlock
import threading
out = []
def f():
    import _slow_import_mod
    out.append(_slow_import_mod.VALUE)
ts = [threading.Thread(target=f) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(out)

res = []
def ia():
    import _cycle_a
    res.append("a")
def ib():
    import _cycle_b
    res.append("b")
ts = [threading.Thread(target=ia), threading.Thread(target=ib)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res))
import _cycle_a, _cycle_b
print(_cycle_a.A, _cycle_b.B)
