# `a, b = x, y` builds no tuple (CPython 3.11's BUILD_TUPLE + UNPACK_SEQUENCE peephole): in a
# function the stores to distinct locals run last target first, which shows in the order of
# the replaced values' __del__; elsewhere they run in order.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)

    def __repr__(self):
        return self.name


def locals_two():
    a, b = Noisy("a1"), Noisy("b1")
    print("rebind two")
    a, b = Noisy("a2"), Noisy("b2")
    print("done", a, b)


def locals_three():
    a, b, c = Noisy("a1"), Noisy("b1"), Noisy("c1")
    print("rebind three")
    a, b, c = Noisy("a2"), Noisy("b2"), Noisy("c2")
    print("done", a, b, c)


def same_name():
    a, a = Noisy("first"), Noisy("second")
    print("kept", a)


def mixed_targets():
    box = [Noisy("slot0"), Noisy("slot1")]
    x = Noisy("x1")
    x, box[0] = Noisy("x2"), Noisy("slot0b")
    print("mixed", x, box)
    box[0], box[1] = box[1], box[0]
    print("swapped", box)


def multiline():
    (a,
     b) = Noisy("m1"), Noisy("m2")
    (a,
     b) = Noisy("m3"), Noisy("m4")
    print("multiline", a, b)


def one_and_nested(x, y, z):
    u, = x,
    p, (q, r) = x, (y, z)
    m, n = [x, y]
    [s, t] = x, y
    print(u, p, q, r, m, n, s, t)


def swaps():
    a, b = 1, 2
    a, b = b, a
    x, y, z = 1, 2, 3
    x, y, z = z, x, y
    print(a, b, x, y, z)
    try:
        a, b = 1, 2, 3
    except ValueError as e:
        print("ValueError", e)


def refcount():
    o = object()
    before = sys.getrefcount(o)
    a, b = o, o
    print(sys.getrefcount(o) - before)


locals_two()
locals_three()
same_name()
mixed_targets()
multiline()
one_and_nested(1, 2, 3)
swaps()
refcount()
g1, g2 = Noisy("g1"), Noisy("g2")
print("module rebind")
g1, g2 = Noisy("g3"), Noisy("g4")
print("end")
