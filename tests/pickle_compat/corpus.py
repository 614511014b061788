"""The objects pickled across the two runtimes (spindle <-> python3) by cross.py.

Module-level classes come from tests/lib/pickle/pobjs.py, importable by the same name in
both processes, so classes and functions pickled by reference resolve on either side."""
import collections
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'lib', 'pickle'))

import pobjs  # noqa: E402


# Cases one runtime cannot do yet: reported as skipped by cross.py, never silently passed.
KNOWN_GAPS = {
}

# Cases whose bytes legitimately differ between the two runtimes (the loaded values must
# still be equal): everything else must pickle to exactly CPython's bytes.
BYTES_MAY_DIFFER = {
    'tuples': "CPython's compiler shares equal constant tuples, so its memo sees one object",
    'sets': 'set iteration order follows str hashes, which differ between the runtimes',
    'nested': 'holds a set of strings (iteration order follows str hashes)',
    'slotted': 'Spindle keeps the slot values of a __dict__ subclass of a slotted class in its '
               '__dict__ too (known gap of __slots__), so the state repeats them',
}


def cases():
    big = 2 ** 1000
    shared = [1, 2]
    rec = []
    rec.append(rec)
    node = pobjs.Node('root')
    child = pobjs.Node('child')
    child.parent = node
    node.children.append(child)
    return [
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
        ('shared', [shared, shared, (shared, shared)]),
        ('recursive', rec),
        ('tree', node),
        ('classes', [pobjs.Plain, pobjs.Outer, pobjs.Outer.Inner, pobjs.Outer.Inner.Deeper,
                     int, str, list, dict, object, type, ValueError, KeyError, Exception,
                     collections.OrderedDict, type(None), type(...), type(NotImplemented)]),
        ('functions', [pobjs.func, len, max, pobjs.make_local, getattr]),
        ('singletons', [None, ..., NotImplemented]),
        ('instances', instances()),
        ('slotted', [pobjs.Slotted(1, 2), pobjs.SlottedDict(1, 2, 3)]),
        ('subclasses', [pobjs.MyList([1, 2, 3]), pobjs.MyDict(a=1), pobjs.MyInt(7),
                        pobjs.MyStr('s'), pobjs.MyTuple((1, 2))]),
        ('exceptions', [ValueError('x'), KeyError('k'), OSError(2, 'no such file'),
                        Exception(), pobjs.MyError('boom', code=3), StopIteration(1),
                        ZeroDivisionError('division by zero'), FileNotFoundError(2, 'nf')]),
        ('stdlib', [collections.OrderedDict([('a', 1), ('b', 2)]), collections.deque([1, 2]),
                    collections.Counter('hello'), range(1, 10, 2), slice(1, 2, 3)]),
    ]


def instances(loaded=False):
    """Instances of the pobjs classes; `loaded=True` gives what loading them yields (their
    __setstate__ / state setters / list and dict items change them on the way)."""
    only = pobjs.OnlySetState(3)
    full = pobjs.ReduceFull()
    setter = pobjs.StateSetter()
    if loaded:
        only.seen = True
        full.items, full.map, full.state = [1, 2, 3], {'k': 'v', 'j': 'w'}, {'s': 1}
        setter.via_setter = 'S'
    return [pobjs.Plain(), pobjs.Plain([1, 2], {'x': 1}), pobjs.Empty(),
            pobjs.WithState(5), only, pobjs.ListState([1, 2]),
            pobjs.Reduced(1, 'b'), full, setter,
            pobjs.NewArgs(1, 2), pobjs.NewArgsEx(1, key='k'),
            pobjs.Outer.Inner()]


def expected_cases():
    """cases() as they look after a trip through pickle."""
    return [(name, instances(True) if name == 'instances' else value)
            for name, value in cases()]


def same(a, b, seen=None):
    """Deep equality: nan equals nan, 0.0 differs from -0.0, shapes of sharing are compared
    by the caller (see cross.py)."""
    if seen is None:
        seen = set()
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        if math.isnan(a):
            return math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, complex):
        return same(a.real, b.real) and same(a.imag, b.imag)
    key = (id(a), id(b))
    if key in seen:
        return True
    if isinstance(a, (list, tuple)):
        seen.add(key)
        return len(a) == len(b) and all(same(x, y, seen) for x, y in zip(a, b))
    if isinstance(a, dict):
        seen.add(key)
        return len(a) == len(b) and all(k in b and same(v, b[k], seen) for k, v in a.items())
    if isinstance(a, BaseException) and type(a).__eq__ is BaseException.__eq__:
        return same(a.args, b.args) and same(getattr(a, '__dict__', {}), getattr(b, '__dict__', {}))
    if isinstance(a, pobjs.Node):
        seen.add(key)
        return a.name == b.name and same(a.children, b.children, seen) and \
            same(a.parent, b.parent, seen)
    return a == b


def structure_ok(name, got):
    """Sharing and recursion survived the trip."""
    if name == 'shared':
        return got[0] is got[1] and got[2][0] is got[0] and got[2][1] is got[0]
    if name == 'recursive':
        return got[0] is got
    if name == 'tree':
        return got.children[0].parent is got
    return True
