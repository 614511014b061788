"""Spindle's pickle against CPython's, both directions, every protocol.

(a) what Spindle's pickle writes, CPython's pickle loads to an equal value; at protocols 0-5 the
    bytes are also compared with CPython's own pickle.dumps (byte-identity statistics);
(b) what CPython's pickle writes (protocols 0-5), Spindle's pickle loads to an equal value;
(c) Spindle's pickle reads back what it wrote.
"""
import collections
import pickle

import pobjs
from harness import check, error_of, run, same


def cases():
    big = 2 ** 1000
    out = [
        ('None', None), ('True', True), ('False', False),
        ('ints', [0, 1, 255, 256, 65535, 65536, -1, -128, -129, -32768, 2 ** 31 - 1, -2 ** 31,
                  2 ** 31, -2 ** 31 - 1, 2 ** 63, -2 ** 63, 2 ** 64 - 1, 127, 128, -256, -257]),
        ('bigints', [big, -big, big - 1, -big + 1, 2 ** 2040, -2 ** 2047, 2 ** 2048 + 12345]),
        ('floats', [0.0, -0.0, 1.5, -2.25, 1e300, -1e-300, 5e-324, 2.2250738585072014e-308,
                    1.7976931348623157e308, float('inf'), float('-inf'), float('nan'),
                    0.1, 1 / 3, 123456789.123456789, 2.0 ** 52, 2.0 ** -1074 * 3]),
        ('complex', [complex(1, 2), complex(-0.0, float('inf')), 3j]),
        ('str', ['', 'a', 'abc' * 100, 'é', '€uro', '\U0001f600 astral \U00010000',
                 'nul\x00 nl\n cr\r bs\\ sub\x1a', 'x' * 255, 'y' * 256, '\u0100' * 200]),
        ('bytes', [b'', b'a', bytes(range(256)), b'z' * 255, b'z' * 256, b'\x00\n\\']),
        ('bytearray', [bytearray(), bytearray(b'abc'), bytearray(range(256))]),
        ('tuples', [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),), (((1,),),), tuple(range(50))]),
        ('lists', [[], [1], [1, 2], list(range(999)), list(range(1000)), list(range(1001)),
                   list(range(2500)), [[]] * 3, [[1, [2, [3, [4]]]]]]),
        ('dicts', [{}, {'a': 1}, {'a': 1, 'b': 2}, {i: str(i) for i in range(1000)},
                   {i: i for i in range(1001)}, {(1, 2): [3], 4.5: None, None: True}]),
        ('sets', [set(), {1}, {1, 2, 3}, set(range(1000)), set(range(1001)), frozenset(),
                  frozenset({1}), frozenset({'a', 'b'}), {frozenset({1, 2})}]),
        ('nested', {'list': [1, 2.5, 'x', b'y', None, (True, False)],
                    'dict': {'k': {'k2': [{'k3': ()}]}}, 'set': {(1, 2), 'z'}}),
        ('classes', [pobjs.Plain, pobjs.Outer, pobjs.Outer.Inner, pobjs.Outer.Inner.Deeper,
                     int, str, list, dict, object, type, ValueError, KeyError, Exception,
                     collections.OrderedDict, type(None), type(...), type(NotImplemented)]),
        ('functions', [pobjs.func, len, max, pobjs.make_local, getattr, pickle.dumps]),
        ('singletons', [None, ..., NotImplemented]),
        ('instances', [pobjs.Plain(), pobjs.Plain([1, 2], {'x': 1}), pobjs.Empty(),
                       pobjs.WithState(5), pobjs.OnlySetState(3), pobjs.ListState([1, 2]),
                       pobjs.Reduced(1, 'b'), pobjs.ReduceFull(), pobjs.StateSetter(),
                       pobjs.NewArgs(1, 2), pobjs.NewArgsEx(1, key='k'),
                       pobjs.Outer.Inner()]),
        ('slotted', [pobjs.Slotted(1, 2), pobjs.SlottedDict(1, 2, 3)]),
        ('subclasses', [pobjs.MyList([1, 2, 3]), pobjs.MyDict(a=1), pobjs.MyInt(7),
                        pobjs.MyStr('s'), pobjs.MyTuple((1, 2))]),
        ('exceptions', [ValueError('x'), KeyError('k'), OSError(2, 'no such file'),
                        Exception(), pobjs.MyError('boom', code=3), StopIteration(1),
                        ZeroDivisionError('division by zero'), FileNotFoundError(2, 'nf')]),
        ('stdlib', [collections.OrderedDict([('a', 1), ('b', 2)]), collections.deque([1, 2]),
                    collections.Counter('hello'), range(1, 10, 2), slice(1, 2, 3)]),
    ]
    return out


def _diff(got, value):
    text = '%r != %r' % (got, value)
    return text if len(text) < 300 else text[:300] + '...'


def loads_equal(value, data, loader):
    got = loader(data)
    return same(value, got), got


def test_case(sp, name, value, stats):
    for proto in range(0, 6):
        label = '%s/p%d' % (name, proto)
        expected = error_of(pickle.dumps, value, proto)
        if expected is not None:
            # CPython refuses (e.g. __slots__ at protocol 0/1): so must we, the same way
            check(label + ' same error', error_of(sp.dumps, value, proto) == expected,
                  repr((error_of(sp.dumps, value, proto), expected)))
            continue
        try:
            ours = sp.dumps(value, proto)
        except Exception as exc:
            check(label + ' dumps', False, repr(exc))
            continue
        theirs = pickle.dumps(value, proto)
        # the oracle is what CPython itself gets back (a __setstate__ may change things)
        value = pickle.loads(theirs)
        # (a) CPython loads what we wrote
        ok, got = loads_equal(value, ours, pickle.loads)
        check(label + ' cpython-loads-ours', ok, _diff(got, value))
        stats['total'] += 1
        if ours == theirs:
            stats['identical'] += 1
        else:
            stats['different'].append(label)
        # (b) we load what CPython wrote
        ok, got = loads_equal(value, theirs, sp.loads)
        check(label + ' ours-loads-cpython', ok, _diff(got, value))
        # (c) we load what we wrote
        ok, got = loads_equal(value, ours, sp.loads)
        check(label + ' roundtrip', ok, _diff(got, value))


def test_all(sp, stats):
    for name, value in cases():
        if name in ('instances', 'exceptions', 'subclasses', 'classes', 'functions'):
            for i, item in enumerate(value):
                run('%s[%d]' % (name, i), test_case, sp, '%s[%d]' % (name, i), item, stats)
        else:
            run(name, test_case, sp, name, value, stats)


def main(sp):
    stats = {'total': 0, 'identical': 0, 'different': []}
    test_all(sp, stats)
    return stats
