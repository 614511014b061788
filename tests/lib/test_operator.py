"""Compare lib/operator with CPython's operator."""

import copy
import operator as O
from _support import load, outcome

S = load('operator')


def run(script):
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(O)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


BIN = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lt', 'le', 'eq', 'ne',
       'gt', 'ge', 'is_', 'is_not', 'and_', 'or_', 'xor', 'lshift', 'rshift', 'concat',
       'contains', 'getitem', 'countOf', 'indexOf', 'iadd', 'isub', 'imul', 'itruediv',
       'ifloordiv', 'imod', 'ipow', 'iand', 'ior', 'ixor', 'ilshift', 'irshift', 'iconcat',
       'matmul', 'imatmul']
UN = ['neg', 'pos', 'abs', 'not_', 'truth', 'index', 'invert', 'inv', 'length_hint']
VALUES = [0, 3, -2, 2.5, True, 'ab', [1, 2], (1,), {1, 2}, None, 10 ** 20]
SMALL = [v for v in VALUES if v != 10 ** 20]


def test_all_names():
    assert sorted(S.__all__) == sorted(O.__all__)
    for name in dir(O):
        if not name.startswith('_') or (name.startswith('__') and name.endswith('__') and
                                        callable(getattr(O, name)) and name != '__loader__'):
            if name in ('__spec__', '__loader__', '__build_class__'):
                continue
            assert hasattr(S, name), name


def test_binary():
    for name in BIN:
        for a in VALUES:
            for b in (SMALL if name in ('pow', 'ipow', 'lshift', 'ilshift', 'mul', 'imul') else VALUES):
                run(lambda m: getattr(m, name)(copy.copy(a), copy.copy(b)))


def test_unary():
    for name in UN:
        for a in VALUES + [iter([1, 2])]:
            run(lambda m: getattr(m, name)(a))


def test_inplace_mutates():
    def s(m):
        x = [1]
        y = m.iadd(x, [2])
        z = m.iconcat(x, (3,))
        return x, y is x, z is x
    run(s)


def test_items():
    def s(m):
        d = {'a': 1, 'b': 2}
        m.setitem(d, 'c', 3)
        m.delitem(d, 'a')
        return d, m.getitem([1, 2, 3], slice(1, None))
    run(s)


def test_getters():
    class A:
        pass
    a = A()
    a.b = A()
    a.b.c = 5
    a.x = 1
    def s(m):
        return [m.itemgetter(1)('abc'), m.itemgetter(0, 2)('abc'), m.itemgetter('k')({'k': 9}),
                m.attrgetter('x')(a), m.attrgetter('b.c', 'x')(a),
                m.methodcaller('split', ',')('a,b'), m.methodcaller('replace', 'a', 'b', 1)('aaa'),
                m.methodcaller('get', 'z', default=None)({}) if False else 0,
                repr(m.itemgetter(1, 'a')), repr(m.attrgetter('a.b', 'c')),
                repr(m.methodcaller('f', 1, k=2)), repr(m.methodcaller('f')),
                sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=m.itemgetter(1)),
                m.call(max, 1, 2, key=None)]
    run(s)
    for f in [lambda m: m.itemgetter(), lambda m: m.attrgetter(), lambda m: m.attrgetter(1),
              lambda m: m.methodcaller(), lambda m: m.methodcaller(1),
              lambda m: m.attrgetter('a.b')(1), lambda m: m.itemgetter(1)([]),
              lambda m: m.length_hint(1, 'a'), lambda m: m.length_hint(iter(range(4))),
              lambda m: m.length_hint(5, 7), lambda m: m.indexOf([1], 2)]:
        run(f)
