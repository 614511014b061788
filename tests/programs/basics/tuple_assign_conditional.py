# a, b = (x, y) if c else (y, x): the tuple of a conditional expression's branch is unpacked
def order(x, y):
    lo, hi = (x, y) if x < y else (y, x)
    return lo, hi
print(order(1, 2), order(5, 3))
def pick(flag, a, b, c):
    p, q, r = (a, b, c) if flag else (c, b, a)
    s, = (a,) if flag else (c,)
    return p, q, r, s
print(pick(True, 1, 2, 3), pick(False, 1, 2, 3))
x, y = 10, 20
x, y = (y, x) if x < y else (x, y)
print(x, y)
