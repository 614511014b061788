"""Compare lib/collections with CPython's collections."""

import collections as C
import copy
from _support import load, same, outcome

S = load('collections')


def run(script):
    """Run `script(mod)` against both modules; compare outcome reprs."""
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(C)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


def test_deque_basic():
    def s(m):
        d = m.deque([1, 2, 3])
        d.append(4); d.appendleft(0)
        out = [repr(d), len(d), d[0], d[-1], list(d), list(reversed(d)), 3 in d, 9 in d]
        out.append(d.pop()); out.append(d.popleft()); out.append(repr(d))
        d.extend('ab'); d.extendleft('xy'); out.append(repr(d))
        d.rotate(2); out.append(repr(d)); d.rotate(-3); out.append(repr(d))
        d.rotate(17); out.append(repr(d))
        d.reverse(); out.append(repr(d))
        d.insert(2, 'q'); d.insert(-1, 'r'); d.insert(100, 's'); d.insert(-100, 't'); out.append(repr(d))
        d.remove('q'); out.append(repr(d))
        out.append(d.count('a')); out.append(d.index('a')); out.append(d.index(1, 2))
        d[1] = 'z'; del d[2]; out.append(repr(d))
        out.append(repr(d.copy())); out.append(repr(copy.copy(d)))
        d.clear(); out.append(repr(d)); out.append(bool(d))
        return out
    run(s)


def test_deque_maxlen():
    def s(m):
        d = m.deque(range(10), maxlen=3)
        out = [repr(d), d.maxlen]
        d.append(10); out.append(repr(d))
        d.appendleft(-1); out.append(repr(d))
        d.extend(range(5)); out.append(repr(d))
        d.extendleft('ab'); out.append(repr(d))
        z = m.deque([1], maxlen=0); z.append(1); out.append(repr(z))
        out.append(repr(d + m.deque([9])))
        out.append(repr(d * 2)); d2 = m.deque([1, 2]); d2 *= 3; out.append(repr(d2))
        out.append(repr(m.deque('abc') * 0))
        return out
    run(s)


def test_deque_errors():
    for f in [lambda m: m.deque([1], maxlen=-1), lambda m: m.deque([1], maxlen='a'),
              lambda m: m.deque().pop(), lambda m: m.deque().popleft(),
              lambda m: m.deque([1]).index(5), lambda m: m.deque([1]).remove(5),
              lambda m: m.deque([1], maxlen=1).insert(0, 2), lambda m: m.deque([1])[5],
              lambda m: m.deque([1])[1:2], lambda m: m.deque([1]) + [2],
              lambda m: m.deque(None)]:
        run(f)


def test_deque_compare():
    def s(m):
        a, b = m.deque([1, 2]), m.deque([1, 3])
        return [a == b, a != b, a < b, a <= b, a > b, a >= b, a == [1, 2],
                a == m.deque([1, 2]), m.deque() == m.deque()]
    run(s)


def test_deque_mutation_during_iteration():
    def s(m):
        d = m.deque([1, 2, 3])
        it = iter(d)
        next(it)
        d.append(4)
        return next(it)
    run(s)


def test_deque_recursive_repr():
    def s(m):
        d = m.deque([1])
        d.append(d)
        return repr(d)
    run(s)


def test_deque_iadd_self():
    def s(m):
        d = m.deque([1, 2])
        d += d
        d.extend(d)
        return repr(d)
    run(s)


def test_defaultdict():
    def s(m):
        d = m.defaultdict(list)
        d['a'].append(1)
        d['b']
        out = [repr(d), d == {'a': [1], 'b': []}, isinstance(d, dict), d.get('c'), 'c' in d]
        c = d.copy(); out.append(repr(c)); out.append(type(c).__name__)
        out.append(repr(m.defaultdict(None, a=1)))
        out.append(repr(m.defaultdict(int, [(1, 2)])))
        i = m.defaultdict(int)
        for ch in 'hello':
            i[ch] += 1
        out.append(repr(i)); out.append(repr(i | {'z': 1}))
        class D(m.defaultdict):
            pass
        out.append(repr(D(list)))
        return out
    run(s)


def test_defaultdict_errors():
    run(lambda m: m.defaultdict(None)['x'])
    run(lambda m: m.defaultdict(3))


def test_counter_basic():
    def s(m):
        c = m.Counter('abracadabra')
        out = [repr(c), c.most_common(), c.most_common(2), c.most_common(0), c['z'],
               sorted(c.elements()), list(c.elements()), c.total()]
        c.update('zz'); c.update({'a': 10}); c.update(q=3); out.append(repr(c))
        c.subtract('aaa'); c.subtract({'z': 5}); out.append(repr(c))
        del c['nope']; del c['q']; out.append(repr(c))
        out.append(repr(m.Counter())); out.append(repr(m.Counter(a=0)))
        out.append(repr(m.Counter({'x': 1, 'y': 3})))
        return out
    run(s)


def test_counter_arith():
    def s(m):
        a = m.Counter(a=3, b=1, c=-2)
        b = m.Counter(a=1, b=2, d=4, c=-5)
        out = [repr(a + b), repr(a - b), repr(a | b), repr(a & b), repr(+a), repr(-a),
               a == b, a == m.Counter(a=3, b=1, c=-2), m.Counter(a=1) == m.Counter(a=1, b=0),
               m.Counter(a=1) <= m.Counter(a=2), m.Counter(a=1) < m.Counter(a=1)]
        x = m.Counter(a=1); x += m.Counter(a=-3, b=2); out.append(repr(x))
        x = m.Counter(a=1); x -= m.Counter(a=-3, b=2); out.append(repr(x))
        x = m.Counter(a=1, c=5); x |= m.Counter(a=3, b=2); out.append(repr(x))
        x = m.Counter(a=1, c=5); x &= m.Counter(a=3, b=2); out.append(repr(x))
        return out
    run(s)


def test_counter_errors():
    run(lambda m: m.Counter.fromkeys('abc'))
    run(lambda m: m.Counter(a=1) + 1)


def test_ordereddict():
    def s(m):
        d = m.OrderedDict()
        d['b'] = 1; d['a'] = 2; d['c'] = 3
        out = [repr(d), list(d)]
        d.move_to_end('b'); out.append(list(d))
        d.move_to_end('b', last=False); out.append(list(d))
        out.append(d.popitem()); out.append(d.popitem(last=False)); out.append(repr(d))
        e1 = m.OrderedDict([(1, 1), (2, 2)]); e2 = m.OrderedDict([(2, 2), (1, 1)])
        out += [e1 == e2, e1 == dict(e2), dict(e1) == e2, e1 != e2, repr(m.OrderedDict())]
        out.append(repr(m.OrderedDict.fromkeys('ab', 0)))
        out.append(repr(e1.copy())); out.append(repr(e1 | {3: 3}))
        out.append(list(reversed(e1)))
        return out
    run(s)
    run(lambda m: m.OrderedDict().popitem())
    run(lambda m: m.OrderedDict().move_to_end('x'))


def test_namedtuple_basic():
    def s(m):
        P = m.namedtuple('Point', 'x y')
        p = P(1, y=2)
        out = [repr(p), p.x, p.y, p[0], tuple(p), p == (1, 2), P._fields, repr(P._make([3, 4])),
               p._asdict(), repr(p._replace(x=9)), P.__doc__, P.x.__doc__, P.__new__.__doc__,
               isinstance(p, tuple), hash(p) == hash((1, 2)), P.__name__, len(p)]
        x, y = p; out.append(x + y)
        Q = m.namedtuple('Q', ['a', 'b', 'c'], defaults=[5, 6])
        out += [repr(Q(1)), Q._field_defaults, repr(Q(1, c=0))]
        R = m.namedtuple('R', 'a, def, a, _b', rename=True)
        out.append(R._fields)
        E = m.namedtuple('E', '')
        out.append(repr(E()))
        class Sub(P):
            def norm(self):
                return self.x ** 2 + self.y ** 2
        out += [Sub(3, 4).norm(), repr(Sub(3, 4))]
        return out
    run(s)


def test_namedtuple_errors():
    P = lambda m: m.namedtuple('P', 'x y')
    for f in [lambda m: P(m)(1), lambda m: P(m)(1, 2, 3), lambda m: P(m)(1, z=2),
              lambda m: P(m)(1, x=2), lambda m: P(m)(), lambda m: P(m)._make([1]),
              lambda m: P(m)(1, 2)._replace(z=1),
              lambda m: m.namedtuple('P', 'x def'), lambda m: m.namedtuple('P', 'x 1y'),
              lambda m: m.namedtuple('P', 'x _y'), lambda m: m.namedtuple('P', 'x x'),
              lambda m: m.namedtuple('P', 'x', defaults=[1, 2]),
              lambda m: m.namedtuple('P', 'x y z', defaults=[1])(1, 2, 3, 4),
              lambda m: m.namedtuple('P', 'x y z')(),
              lambda m: setattr(P(m)(1, 2), 'x', 5)]:
        a = outcome(lambda: repr(f(S)))
        b = outcome(lambda: repr(f(C)))
        if f.__code__.co_consts and 'setattr' in f.__code__.co_names:
            assert a[0] == b[0] == 'raise' and a[1] == b[1], (a, b)
        else:
            assert a == b, (a, b)


def test_chainmap():
    def s(m):
        a, b = {'a': 1}, {'a': 2, 'b': 3}
        c = m.ChainMap(a, b)
        out = [repr(c), c['a'], c['b'], len(c), list(c), 'b' in c, c.get('z', 0), sorted(c.items())]
        c['z'] = 9; out.append(repr(c))
        d = c.new_child(); d['a'] = 0; out.append(repr(d)); out.append(repr(d.parents))
        del c['z']; out.append(repr(c)); out.append(bool(m.ChainMap()))
        return out
    run(s)
    run(lambda m: m.ChainMap({}, {'a': 1}).__delitem__('a'))
    run(lambda m: m.ChainMap({})['x'])
