# Class calls that run __init__ directly: the cached decision follows class changes.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(n):
    return [P(i, -i) for i in range(n)]


print([(p.x, p.y) for p in make(3)])
P.__init__ = lambda self, x, y=0: setattr(self, "s", x + y)
print([vars(p) for p in make(2)])


def new(cls, *a):
    o = object.__new__(cls)
    o.made_by_new = True
    return o


P.__new__ = new
print([vars(p) for p in make(2)])
P.__new__ = lambda cls, *a: object.__new__(cls)
print([vars(p) for p in make(2)])


class R:
    def __init__(self, v):
        self.v = v
        return v


for v in (None, 3):
    try:
        print(vars(R(v)))
    except TypeError as e:
        print("TypeError", e)


class G:
    def __init__(self):
        yield 1


try:
    G()
except TypeError as e:
    print("TypeError", e)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


d = Deep(50)
n = 0
while d:
    n += 1
    d = d.child
print(n)
try:
    Deep(100000)
except RecursionError as e:
    print("RecursionError", e)
try:
    P()
except TypeError as e:
    print("TypeError", e)


class Sub(P):
    pass


print(vars(Sub(5)), type(Sub(1)).__name__)
