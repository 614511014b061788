# Keyword-only and positional-only parameters.
def kw(a, *, b, c=3):
    return a, b, c
print(kw(1, b=2), kw(1, c=4, b=5))
try:
    kw(1, 2)
except TypeError as e:
    print(e)
try:
    kw(1)
except TypeError as e:
    print(e)
def pos(a, b, /, c, *, d):
    return a, b, c, d
print(pos(1, 2, 3, d=4), pos(1, 2, c=3, d=4))
try:
    pos(1, b=2, c=3, d=4)
except TypeError as e:
    print(e)
def mixed(x, /, y=2, *args, z, **kw):
    return x, y, args, z, kw
print(mixed(1, z=0))
print(mixed(1, 2, 3, 4, z=5, x=6))
print(kw.__kwdefaults__, pos.__code__.co_posonlyargcount, pos.__code__.co_kwonlyargcount)
print(pos.__code__.co_argcount, pos.__code__.co_varnames)
