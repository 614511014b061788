# Attribute loads and stores whose results change between executions of the same instruction:
# the interpreter may cache per instruction, but must observe every change.


class A:
    x = 1

    def m(self):
        return "A.m"


def get_x(o):
    return o.x


def call_m(o):
    return o.m()


def get_m(o):
    return o.m


def set_y(o, v):
    o.y = v


a = A()
results = []
for step in range(12):
    if step == 2:
        a.x = 10                      # instance shadows class attribute
    if step == 3:
        del a.x                       # back to the class attribute
    if step == 4:
        A.x = 5                       # class attribute rebound
    if step == 5:
        A.m = lambda self: "lambda m"  # method replaced on the class
    if step == 6:
        a.m = lambda: "instance m"    # instance attribute shadows the method
    if step == 7:
        del a.m
    if step == 8:
        A.x = property(lambda self: "prop x")   # data descriptor appears
    if step == 9:
        del A.x                        # attribute disappears
    results.append((step, get_x(a) if hasattr(a, "x") else "no x", call_m(a), get_m(a)()))
for r in results:
    print(r)


class B(A):
    pass


b = B()
print(get_x(b) if hasattr(b, "x") else "no x")
A.x = 7
print(get_x(b))
B.x = 8
print(get_x(b))
del B.x
print(get_x(b))


# Store caches: a property or __setattr__ appearing later.
class C:
    pass


c = C()
for i in range(3):
    set_y(c, i)
print(c.y, c.__dict__)
C.y = property(lambda self: "ro")
try:
    set_y(c, 5)
except AttributeError:
    print("AttributeError: read-only property")
del C.y


def logging_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


C.__setattr__ = logging_setattr
set_y(c, 9)
print(c.y)
del C.__setattr__
set_y(c, 10)
print(c.y)


# __getattribute__ / __getattr__ added after the cache saw the class.
class D:
    def __init__(self):
        self.v = 1


d = D()
for i in range(3):
    print(get_x(d) if hasattr(d, "x") else None, d.v)
D.__getattr__ = lambda self, name: "fallback " + name
print(get_x(d))
D.__getattribute__ = lambda self, name: "always " + name
print(get_x(d), d.v)
del D.__getattribute__
print(d.v)


# Two classes through one instruction (polymorphic site) and instances with different dicts.
class E:
    x = "E"


class F:
    def __init__(self):
        self.x = "F instance"


for o in [E(), F(), E(), F(), A()]:
    print(type(o).__name__, get_x(o))

# Modules: attribute of a module rebound.
import math
def pi():
    return math.pi
print(pi())
math.pi = 3
print(pi())
del math.pi
try:
    pi()
except AttributeError as e:
    print("AttributeError", e)


# Class attribute holding a non-descriptor object, then a user descriptor.
class G:
    pass


class Desc:
    def __get__(self, inst, owner):
        return "from descriptor"


G.x = [1, 2]
g = G()
print(get_x(g))
G.x = Desc()
print(get_x(g))


# Method load on builtin types and on values.
def upper(s):
    return s.upper()


for s in ["a", "b"]:
    print(upper(s))


class S(str):
    pass


print(upper(S("c")))
S.upper = lambda self: "S.upper"
print(upper(S("c")), upper("d"))
