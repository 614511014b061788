# Functions that refer to themselves through closures, classes created in functions, bound
# methods stored on their instance: all reference cycles, freed by gc.collect().
import gc
import weakref

gc.disable()
gc.collect()


def make_recursive():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact


f = make_recursive()
print(f(10))
wf = weakref.ref(f, lambda r: print("fact freed"))
del f
print("collected something:", gc.collect() > 0)
print(wf())


def make_class():
    class Local:
        def method(self):
            return __class__.__name__
    return Local


C = make_class()
print(C().method())
wc = weakref.ref(C, lambda r: print("class freed"))
del C
print("class collected:", gc.collect() > 0)
print(wc())


class Holder:
    def __init__(self):
        self.cb = self.method

    def method(self):
        return 42


h = Holder()
print(h.cb())
wh = weakref.ref(h, lambda r: print("holder freed"))
del h
print("bound method cycle collected:", gc.collect() > 0)


def many():
    out = []
    for i in range(200):
        def g(k=i):
            return g, k
        out.append(weakref.ref(g))
    return out


refs = many()
print("alive before:", sum(r() is not None for r in refs))
gc.collect()
print("alive after:", sum(r() is not None for r in refs))

# an exception caught and kept in a local of its own frame: exc -> traceback -> frame -> exc
class Marker:
    pass


def keep_exception():
    m = Marker()
    try:
        raise ValueError("boom")
    except ValueError as e:
        err = e
    return weakref.ref(m)


wm = keep_exception()
gc.collect()
print("after collect:", wm())
