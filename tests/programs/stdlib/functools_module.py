# functools: reduce, partial, wraps, lru_cache, cmp_to_key, cache.
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 'init'))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError:', e)
p = functools.partial(int, base=2)
print(p('1010'), p.func is int, p.args, p.keywords)
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
cube_of_2 = functools.partial(power, 2)
print(square(7), cube_of_2(10))
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@functools.lru_cache(maxsize=2)
def ident(x):
    calls.append(x)
    return x
calls.clear()
for v in [1, 2, 1, 3, 1, 2]:
    ident(v)
print(calls, ident.cache_info())
def deco(fn):
    @functools.wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@deco
def documented():
    """Doc here."""
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
@functools.cache
def sq(n):
    return n * n
print(sq(9), sq(9), sq.cache_info().hits)
