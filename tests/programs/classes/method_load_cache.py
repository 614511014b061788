# Method-call sites (obj.name(...)) whose target is not a method on the type: builtin functions
# stored as class attributes (not descriptors: they do not bind), callables in instance dicts,
# module functions, and the cache seeing rebinding, shadowing and deletion.
import math


class A:
    f = len
    s = math.sqrt

    def g(self):
        return "g"


a = A()
print(a.f("abc"), a.s(16.0), A.f([1, 2]))
bound = a.f
print(bound, bound("xy"))


def h():
    return "h-inst"


for i in range(3):
    if i == 1:
        a.g = h
    if i == 2:
        del a.g
    print(a.g())


class M:
    pass


m = M()
m.cb = lambda x: x * 2
for i in range(3):
    print(m.cb(i))
    if i == 1:
        m.cb = lambda x: x * 3

for i in range(3):
    print(math.floor(2.5 + i))
    if i == 1:
        math.floor = lambda x: "patched"


class B:
    v = 10


b = B()
for i in range(4):
    try:
        print(b.v.bit_length(), b.v)
    except AttributeError as e:
        print("AttributeError", e)
    if i == 0:
        b.v = 255
    if i == 1:
        del b.v
    if i == 2:
        B.v = "s"


def call_all(objs):
    return [o.run() for o in objs]


class P:
    def run(self):
        return "P"


class Q:
    run = staticmethod(lambda: "Q-static")


class R:
    def __init__(self):
        self.run = lambda: "R-inst"


print(call_all([P(), Q(), R(), P()]))
