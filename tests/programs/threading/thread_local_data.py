# threading.local: per-thread attributes, subclasses re-run __init__ per thread
import threading

data = threading.local()
data.x = "main"
seen = []
def f(n):
    seen.append(hasattr(data, "x"))
    data.x = n
    seen.append(data.x)
ts = [threading.Thread(target=f, args=(i,)) for i in range(3)]
for t in ts: t.start(); t.join()
print(seen, data.x, data.__dict__)

class Config(threading.local):
    def __init__(self, level):
        self.level = level
        self.calls = 0
    def bump(self):
        self.calls += 1
        return self.calls

cfg = Config(5)
cfg.bump(); cfg.bump()
res = []
def g():
    res.append((cfg.level, cfg.bump()))
    cfg.level = 9
t = threading.Thread(target=g); t.start(); t.join()
print(res, cfg.level, cfg.calls)
del data.x
print(hasattr(data, "x"))
try:
    data.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
print(type(cfg).__mro__[1] is threading.local)
