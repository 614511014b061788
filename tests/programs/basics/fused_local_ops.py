# Fused local/constant compare-and-branch and arithmetic-into-local sequences, with every kind
# of operand (the fast path covers inline ints and floats only; everything else falls back).
import sys


class Num:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt", self.v, other)
        return self.v < other

    def __sub__(self, other):
        return Num(self.v - other)

    def __isub__(self, other):
        print("isub", self.v, other)
        return Num(self.v - other)

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __del__(self):
        print("del", self.v)

    def __repr__(self):
        return f"Num({self.v})"


def countdown(n):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    return n, steps


def mixed():
    x = 1.5
    i = 0
    while x < 10:
        x = x * 2
        i = i + 1
    big = 2 ** 62
    big = big + big
    big += 2 ** 62
    y = 7
    y //= 2
    z = -7
    z %= 3
    return x, i, big, y, z


def objects():
    n = Num(3)
    while n < 1:
        pass
    while 0 < n.v:
        n -= 1
    t = "a"
    while t < "aaaa":
        t = t + "a"
    s = [1]
    s = s + [2]
    return n, t, s


def two_locals(a, b):
    out = []
    while a < b:
        a = a + b
        out.append(a)
    if a == b:
        out.append("eq")
    return out


def unbound_compare():
    if False:
        u = 1
    try:
        while u < 3:
            pass
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    v = 1
    try:
        while v < w:
            pass
        w = 0
    except UnboundLocalError as e:
        print(type(e).__name__, e)


def unbound_arith():
    try:
        r = q + 1
        q = 0
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    a = 1
    try:
        c = a + b
        b = 0
    except UnboundLocalError as e:
        print(type(e).__name__, e)


def errors():
    s = "x"
    try:
        s = s - 1
    except TypeError as e:
        print("TypeError", e)
    z = 0
    try:
        z = 1 // z
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    f = 1.0
    try:
        f = f / 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    n = None
    try:
        while n < 3:
            pass
    except TypeError as e:
        print("TypeError", e)


def loop_forms():
    i = 0
    while i < 10:
        i += 1
        if i == 2:
            continue
        if i == 7:
            break
    else:
        print("no break")
    j = 0
    while j < 3:
        j += 1
    else:
        print("else ran", j)
    k = 0
    while True:
        k += 1
        if k > 4:
            break
    m = 5
    while not m < 1:
        m -= 2
    return i, j, k, m


def replace_object_local():
    o = Num(9)
    o = 1 + 2
    print("after replace", o)


print(countdown(5))
print(mixed())
print(objects())
print(two_locals(1, 10), two_locals(5, 5))
unbound_compare()
unbound_arith()
errors()
print(loop_forms())
replace_object_local()
print(sys.getrefcount(12345678901) >= 1)
