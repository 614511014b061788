# weakref.ref: callbacks at reference-count death, hash/eq, identity of basic refs, errors
import weakref, gc

class C:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'C(%d)' % self.n
    def meth(self):
        return self.n * 10

c = C(1)
r = weakref.ref(c)
print(r() is c, weakref.ref(c) is r, weakref.getweakrefcount(c))
r2 = weakref.ref(c, lambda w: print('callback, dead:', w() is None, w is r2))
print(weakref.getweakrefcount(c), len(weakref.getweakrefs(c)), r2.__callback__ is not None)
print(r == r2, hash(r) == hash(c), r != r2)
print('deleting')
del c
print('deleted', r(), r2(), r == r2, r2.__callback__)
for obj in [1, 'a', (1,), [], {}, b'', 1.5, None, object()]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)
class L(list): pass
class I(int): pass
class S:
    __slots__ = ('a',)
class SW:
    __slots__ = ('a', '__weakref__')
class Sub(S): pass
for cls in [L, I, S, SW, Sub]:
    try:
        weakref.ref(cls())
        print(cls.__name__, 'ok')
    except TypeError as e:
        print(e)
def f(): pass
print(weakref.ref(f)() is f, weakref.ref(C)() is C, weakref.ref(len)() is len, weakref.ref({1})() is None)
d = C(2)
dead = weakref.ref(C(3))
print(dead(), type(dead).__name__)
try:
    hash(dead)
except TypeError as e:
    print(e)
try:
    r(1)
except TypeError as e:
    print(e)
try:
    weakref.ref()
except TypeError as e:
    print(e)
class MyRef(weakref.ref):
    def __new__(cls, ob, callback=None, tag=None):
        return super().__new__(cls, ob, callback)
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag
mr = MyRef(d, None, 'tagged')
print(mr() is d, mr.tag, isinstance(mr, weakref.ref), weakref.getweakrefcount(d))
order = []
e = C(4)
refs = [weakref.ref(e, lambda w, i=i: order.append(i)) for i in range(3)]
del e
print(order)
m = weakref.WeakMethod(d.meth)
print(m()(), m() == d.meth)
del d
print(m(), mr())
