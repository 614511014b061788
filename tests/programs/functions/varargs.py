# *args and **kwargs in definitions and calls.
def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2, a=3))
print(f(*[1, 2], *(3,), **{'x': 1}, y=2))
def g(a, b, *rest, c=0, **opts):
    return a, b, rest, c, sorted(opts.items())
print(g(1, 2))
print(g(1, 2, 3, 4, c=5, z=6, y=7))
print(g(*'ab', c='c'))
args = (1, 2, 3)
kw = {'sep': '-', 'end': '|\n'}
print(*args, **kw)
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(*range(101)))
def show(**kw):
    for k, v in kw.items():
        print(k, '=', v)
show(b=2, a=1, c=3)
try:
    f(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print(e)
try:
    g(1, 2, **{'c': 1}, c=2)
except TypeError as e:
    print(e)
