"""Compare lib/copy with CPython's copy."""

import collections
import copy as CP
from _support import load, outcome

S = load('copy')
SC = load('collections')


class Plain:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__


class WithCopy:
    def __init__(self):
        self.log = []

    def __copy__(self):
        return 'copied'

    def __deepcopy__(self, memo):
        return ('deep', len(memo) >= 0)


class WithState:
    def __init__(self, v):
        self.v = v
        self.cache = 'junk'

    def __getstate__(self):
        return {'v': self.v}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


class MyList(list):
    pass


class MyDict(dict):
    pass


def check(x):
    for f in (lambda m, x: m.copy(x), lambda m, x: m.deepcopy(x)):
        a = f(S, x)
        b = f(CP, x)
        assert type(a) is type(b), (x, a, b)
        assert repr(a) == repr(b) or a == b, (x, a, b)
        assert (a is x) == (b is x), (x, a is x, b is x)


def test_atomic_and_builtin():
    for x in [1, 2.5, 'abc', b'xy', None, True, 3j, (1, 2), (1, [2]), frozenset({1}), [1, [2, 3]],
              {'a': [1]}, {1, 2}, bytearray(b'ab'), range(3), len, check, int, Ellipsis, ()]:
        check(x)


def test_identity_semantics():
    inner = [1]
    outer = [inner, inner]
    for m in (S, CP):
        c = m.copy(outer)
        assert c[0] is inner and c is not outer
        d = m.deepcopy(outer)
        assert d[0] is d[1] and d[0] is not inner
        rec = [1]
        rec.append(rec)
        r = m.deepcopy(rec)
        assert r[1] is r and r is not rec
        t = (1, 2)
        assert m.deepcopy(t) is t
        tr = ([],)
        assert m.deepcopy(tr) is not tr
        memo = {}
        m.deepcopy([inner], memo)
        assert id(inner) in memo


def test_instances():
    p = Plain([1, 2])
    for m in (S, CP):
        c = m.copy(p)
        assert c == p and c is not p and c.v is p.v
        d = m.deepcopy(p)
        assert d == p and d.v is not p.v
        assert m.copy(WithCopy()) == 'copied'
        assert m.deepcopy(WithCopy()) == ('deep', True)
        w = m.deepcopy(WithState([5]))
        assert w.__dict__ == {'v': [5], 'restored': True}
        ml = MyList([1, [2]])
        ml.attr = 'a'
        c = m.deepcopy(ml)
        assert type(c) is MyList and c == ml and c[1] is not ml[1] and c.attr == 'a'
        md = MyDict(a=[1])
        c = m.copy(md)
        assert type(c) is MyDict and c == md and c['a'] is md['a']
        class Cyc:
            pass
        o = Cyc()
        o.me = o
        c = m.deepcopy(o)
        assert c.me is c


def test_collections_objects():
    for mod in (collections, SC):
        items = [mod.deque([1, [2]], maxlen=5), mod.defaultdict(list, a=[1]),
                 mod.Counter('hello'), mod.OrderedDict(a=[1], b=2),
                 mod.namedtuple('P', 'x y')(1, [2])]
        for x in items:
            for m in (S, CP):
                c = m.copy(x)
                d = m.deepcopy(x)
                assert repr(c) == repr(x) and repr(d) == repr(x), (x, c, d)
                assert type(c) is type(x) and type(d) is type(x)


def test_methods():
    class A:
        def f(self):
            return self.v
    a = A()
    a.v = [1]
    for m in (S, CP):
        bm = m.deepcopy(a.f)
        assert bm() == [1] and bm.__self__ is not a
        assert m.copy(a.f) == a.f
