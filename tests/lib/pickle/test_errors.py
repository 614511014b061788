"""Errors: Spindle's pickle raises what CPython's C pickle raises (class name and message)."""
import pickle
import sys
import threading

import pobjs
from harness import check, error_of, run


class BadReduceInt:
    def __reduce__(self):
        return 42


class BadReduceShort:
    def __reduce__(self):
        return (BadReduceShort,)


class BadReduceLong:
    def __reduce__(self):
        return (BadReduceLong, (), None, None, None, None, None)


class BadReduceCallable:
    def __reduce__(self):
        return (42, ())


class BadReduceArgs:
    def __reduce__(self):
        return (BadReduceArgs, [1])


class BadListItems:
    def __reduce__(self):
        return (BadListItems, (), None, [1, 2])


class BadNewArgs:
    def __getnewargs__(self):
        return [1]


class WrongName:
    pass


WrongName.__qualname__ = 'NotThere'


class Impostor:
    pass


Impostor.__qualname__ = 'BadReduceInt'


class NoModule:
    pass


NoModule.__module__ = 'no_such_module_for_pickle'


def gen():
    yield 1


local_lambda = lambda: 1  # noqa: E731


def dump_cases():
    def inner():
        pass
    return [
        ('lambda', local_lambda), ('pobjs.lam', pobjs.lam), ('local', inner),
        ('pobjs.local', pobjs.make_local()), ('lock', threading.Lock()),
        ('rlock', threading.RLock()), ('generator', gen()), ('module', sys),
        ('reduce int', BadReduceInt()), ('reduce short', BadReduceShort()),
        ('reduce long', BadReduceLong()), ('reduce callable', BadReduceCallable()),
        ('reduce args', BadReduceArgs()), ('listitems', BadListItems()),
        ('newargs', BadNewArgs()), ('wrong name', WrongName), ('impostor', Impostor),
        ('no module', NoModule), ('nested lambda', [1, {'f': local_lambda}]),
        ('frame', sys._getframe()), ('code', gen.__code__),
        ('non-ascii global p2', pobjs), ('unhashable ok', [[1], {2: [3]}]),
    ]


LOAD_CASES = [
    b'', b'\x80\x04', b'\x80\x04K', b'N', b'\xff', b'z', b'\x80\x06N.', b'0', b'h\x05.',
    b'K\x01K\x02', b'e.', b'(e.', b'a.', b']N.',
    b'\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00N.', b'cbuiltins\nfoo\n.',
    b'cno_such_module_xyz\nfoo\n.', b'S"abc\n.', b'I1x\n.', b')\x85.', b'NNt.',
    b'\x8c\x08builtins\x8c\x03foo\x93.', b'\x80\x04\x8c\x06pobjs\x8c\x0bOuter.Nope\x93.',
    b'\x80\x02cpobjs\nOuter.Inner\n.', b'X\x05\x00\x00\x00ab', b'I12', b'.', b'Q.',
    b'P1\n.', b'\x97.', b'\x80\x02\x82\x05.', b'(t.', b'\x80\x05\x96\x05\x00\x00\x00\x00\x00\x00\x00ab',
    b'Fabc\n.', b'S\'a\\x41\\n\\101\'\n.', b'Vx\\u0041\\U0001f600\n.',
    b'\x80\x02N\x85\x86.', b'\x80\x02]K\x01b.', b'\x80\x02(K\x01K\x02\x8f.',
]


def test_dumps(sp):
    for name, obj in dump_cases():
        for proto in (0, 2, 4, 5):
            expected = error_of(pickle.dumps, obj, proto)
            got = error_of(sp.dumps, obj, proto)
            check('dumps error %s/p%d' % (name, proto), got == expected,
                  '%r != %r' % (got, expected))


def test_loads(sp):
    for data in LOAD_CASES:
        expected = error_of(pickle.loads, data)
        got = error_of(sp.loads, data)
        if expected is None:
            ok = repr(sp.loads(data)) == repr(pickle.loads(data))
        else:
            ok = got == expected
        check('loads %r' % (data,), ok, '%r != %r' % (got, expected))
    check('loads str', error_of(sp.loads, 'abc') == error_of(pickle.loads, 'abc'))


def test_protocol_args(sp):
    check('protocol 6', error_of(sp.dumps, 1, 6) == error_of(pickle.dumps, 1, 6))
    check('protocol -1', sp.dumps([1], -1) == pickle.dumps([1], -1))
    check('default protocol', sp.dumps({'a': (1,)}) == pickle.dumps({'a': (1,)}))
    check('buffer_callback p4', error_of(sp.dumps, 1, 4, buffer_callback=print) ==
          error_of(pickle.dumps, 1, 4, buffer_callback=print))
    check('buffer_callback p5 not implemented',
          error_of(sp.dumps, 1, 5, buffer_callback=print)[0] == 'NotImplementedError')
    check('constants', (sp.HIGHEST_PROTOCOL, sp.DEFAULT_PROTOCOL) == (5, 4))
    check('hierarchy', issubclass(sp.PicklingError, sp.PickleError) and
          issubclass(sp.UnpicklingError, sp.PickleError) and
          issubclass(sp.PickleError, Exception))


def test_deep_recursion(sp):
    deep = []
    for _ in range(100000):
        deep = [deep]
    check('deep nesting raises RecursionError',
          error_of(sp.dumps, deep, 4)[0] == 'RecursionError')


def main(sp):
    run('dumps errors', test_dumps, sp)
    run('loads errors', test_loads, sp)
    run('protocol args', test_protocol_args, sp)
    run('deep recursion', test_deep_recursion, sp)
