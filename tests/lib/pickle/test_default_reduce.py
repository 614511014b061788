"""pickle._default_reduce (used when the runtime's object has no __reduce_ex__ of its own)
returns what CPython's object.__reduce_ex__ returns."""
import threading

import pobjs
from harness import check, error_of, run


def materialize(rv):
    if isinstance(rv, tuple):
        return tuple(list(x) if hasattr(x, '__next__') else x for x in rv)
    return rv


def describe(rv):
    rv = materialize(rv)
    if isinstance(rv, tuple) and rv and callable(rv[0]) and hasattr(rv[0], '__name__'):
        return (rv[0].__name__,) + rv[1:]
    return rv


def test_values(sp):
    objs = [pobjs.Plain(), pobjs.Empty(), pobjs.WithState(1), pobjs.NewArgs(1, 2),
            pobjs.NewArgsEx(3, key=4), pobjs.Slotted(1, 2), pobjs.SlottedDict(1, 2, 3),
            pobjs.MyList([1, 2]), pobjs.MyDict(a=1), pobjs.MyInt(5), pobjs.MyStr('s'),
            pobjs.MyTuple((1,)), object(), 3 + 4j, 7, 'str', (1, 2)]
    for obj in objs:
        for proto in (0, 1, 2, 3, 4, 5):
            expected = error_of(obj.__reduce_ex__, proto)
            got = error_of(sp._default_reduce, obj, proto)
            if expected is None and got is None:
                ok = describe(sp._default_reduce(obj, proto)) == \
                    describe(object.__reduce_ex__(obj, proto))
            else:
                ok = got == expected
            check('default reduce %s/p%d' % (type(obj).__name__, proto), ok,
                  '%r != %r' % (got, expected))


def test_refusals(sp):
    for obj in (threading.Lock(), threading.RLock(), (x for x in ()), threading,
                pobjs.func.__code__):
        for proto in (2, 4):
            check('default reduce refuses %s' % type(obj).__name__,
                  error_of(sp._default_reduce, obj, proto) ==
                  error_of(object.__reduce_ex__, obj, proto))


def test_exception_fallback(sp):
    # CPython adds the instance dict once it exists, even empty; the fallback only when non-empty
    for exc in (ValueError('x'), pobjs.MyError('m', code=2), KeyError()):
        expected = exc.__reduce__()
        if len(expected) == 3 and not expected[2]:
            expected = expected[:2]
        check('exception fallback %r' % exc, sp._default_reduce(exc, 4) == expected)


def main(sp):
    run('default reduce values', test_values, sp)
    run('default reduce refusals', test_refusals, sp)
    run('default reduce exceptions', test_exception_fallback, sp)
