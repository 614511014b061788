"""Compare lib/functools with CPython's functools."""

import functools as F
from _support import load, outcome

S = load('functools')


def run(script):
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(F)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


def test_reduce():
    run(lambda m: m.reduce(lambda a, b: a + b, [1, 2, 3, 4]))
    run(lambda m: m.reduce(lambda a, b: a + b, [], 10))
    run(lambda m: m.reduce(lambda a, b: a * b, range(1, 6), 2))
    run(lambda m: m.reduce(max, []))
    run(lambda m: m.reduce(max, 1))
    run(lambda m: m.reduce(max, 'abc'))


def test_partial():
    def f(a, b, c=3, *, d=4):
        return (a, b, c, d)
    def s(m):
        p = m.partial(f, 1, d=5)
        q = m.partial(p, 2)
        return [p(2), p(2, 3, d=6), q(), q.args, q.keywords, q.func is f, p.func is f,
                repr(m.partial(max, 1, key=None)), m.partial(int, base=2)('101')]
    run(s)
    run(lambda m: m.partial(1))


def test_wraps():
    def s(m):
        def deco(fn):
            @m.wraps(fn)
            def inner(*a, **k):
                return fn(*a, **k)
            return inner
        @deco
        def hello(x: int) -> str:
            """doc here"""
            return str(x)
        hello.__dict__['extra'] = 1
        return [hello.__name__, hello.__doc__, hello.__qualname__.split('.')[-1],
                hello.__annotations__, hello.__wrapped__.__name__, hello(3), m.WRAPPER_ASSIGNMENTS,
                m.WRAPPER_UPDATES]
    run(s)


def test_lru_cache():
    def s(m):
        calls = []
        @m.lru_cache(maxsize=2)
        def sq(x):
            calls.append(x)
            return x * x
        out = [sq(1), sq(2), sq(1), sq(3), sq(2), sq(1), calls[:], repr(sq.cache_info()),
               sq.cache_info().hits, sq.cache_info()._fields, sq.cache_parameters()]
        sq.cache_clear(); out.append(repr(sq.cache_info()))
        @m.lru_cache
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        out += [fib(60), repr(fib.cache_info()), fib.__name__]
        @m.lru_cache(maxsize=None, typed=True)
        def t(x):
            return type(x).__name__
        out += [t(1), t(1.0), t(True), repr(t.cache_info()), t.cache_parameters()]
        @m.lru_cache(maxsize=0)
        def z(x):
            return x
        out += [z(1), z(1), repr(z.cache_info())]
        @m.lru_cache()
        def kw(a, b=2):
            return a + b
        out += [kw(1), kw(1, b=2), kw(a=1), kw(1), repr(kw.cache_info())]
        @m.cache
        def c(x):
            return [x]
        out += [c(1) is c(1), repr(c.cache_info())]
        class A:
            @m.lru_cache
            def meth(self, x):
                return x + 1
        out += [A().meth(1), repr(A.meth.cache_info())]
        @m.lru_cache(-5)
        def neg(x):
            return x
        out += [neg(1), neg(1), repr(neg.cache_info())]
        return out
    run(s)
    run(lambda m: m.lru_cache('x'))


def test_cmp_to_key():
    def cmp(a, b):
        return (a > b) - (a < b)
    def s(m):
        k = m.cmp_to_key(lambda a, b: cmp(len(a), len(b)) or cmp(a, b))
        words = ['ccc', 'a', 'bb', 'aa', 'b']
        return [sorted(words, key=k), k('a') < k('b'), k('a') == k('a'), k('b') >= k('a'),
                max(words, key=k), k(1).obj]
    run(s)


def test_total_ordering():
    def s(m):
        @m.total_ordering
        class V:
            def __init__(self, v):
                self.v = v
            def __eq__(self, o):
                return self.v == o.v
            def __lt__(self, o):
                if not isinstance(o, V):
                    return NotImplemented
                return self.v < o.v
        @m.total_ordering
        class G:
            def __init__(self, v):
                self.v = v
            def __eq__(self, o):
                return self.v == o.v
            def __ge__(self, o):
                return self.v >= o.v
        a, b = V(1), V(2)
        g, h = G(1), G(2)
        return [a < b, a <= b, a > b, a >= b, a <= V(1), a >= V(1),
                g < h, g <= h, g > h, g >= h, g < G(1), g <= G(1),
                V.__gt__.__name__]
    run(s)
    def bad(m):
        @m.total_ordering
        class X:
            pass
    run(bad)
    def ni(m):
        @m.total_ordering
        class V:
            def __lt__(self, o):
                return NotImplemented
        return V() > 1
    run(ni)


def test_cached_property():
    def s(m):
        class A:
            n = 0
            @m.cached_property
            def val(self):
                """the doc"""
                A.n += 1
                return A.n * 10
        a = A()
        return [a.val, a.val, A.n, 'val' in a.__dict__, A.val.__doc__, A.val.attrname,
                isinstance(A.__dict__['val'], m.cached_property)]
    run(s)


def test_singledispatch():
    def s(m):
        @m.singledispatch
        def show(x):
            return 'obj'
        @show.register(int)
        def _(x):
            return 'int'
        @show.register
        def _(x: list):
            return 'list'
        show.register(str, lambda x: 'str')
        class MyInt(int):
            pass
        return [show(1), show(True), show(MyInt(3)), show([1]), show('s'), show(1.5),
                show.dispatch(bool).__name__, show.__name__, object in show.registry]
    run(s)
