# sys.getrefcount for simple cases.
import sys
class Obj:
    pass
a = Obj()
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
lst = [a, a]
print(sys.getrefcount(a))
del lst
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
d = {'k': a}
print(sys.getrefcount(a))
d.clear()
print(sys.getrefcount(a))
def f(x):
    return sys.getrefcount(x)
print(f(a))
t = (a,)
print(sys.getrefcount(a))
del t
x = []
print(sys.getrefcount(x))
print(sys.getrefcount(None) > 100, sys.getrefcount(1) > 0)
