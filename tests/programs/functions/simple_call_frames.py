# Calls of plain Python functions (exact positional arguments, no cells): the arguments move
# into the new frame; the frame keeps the function's code and globals alive.
import sys
import _frame_owner_mod as om

TAG = "main module"


def add(a, b):
    return a + b


def locals_after(a):
    x = a * 2
    y = x + 1
    return locals()


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class C:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def plus(self, k):
        return self.v + k


def depth(n):
    return depth(n + 1)


def frame_globals():
    return sys._getframe().f_globals is globals(), sys._getframe().f_code.co_name


def unbound_after_args(a):
    if a:
        return later
    later = 1


print(add(1, 2), add("a", "b"), add([1], [2]))
print(locals_after(5))
print(fib(15))
c = C(10)
print(c.get(), c.plus(5), C.plus(c, 6))
print(om.where(), frame_globals())
try:
    add(1)
except TypeError as e:
    print("TypeError", e)
try:
    add(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    c.plus()
except TypeError as e:
    print("TypeError", e)
try:
    unbound_after_args(True)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
sys.setrecursionlimit(200)
try:
    depth(0)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)

table = {"f": om.drop_self_and_run}
f = table["f"]
del om
print(f("_frame_owner_mod", table))
del f
print("refcount of an argument", sys.getrefcount(object()) , end=" ")
obj = object()


def count(o):
    return sys.getrefcount(o)


print(count(obj) - sys.getrefcount(obj))
