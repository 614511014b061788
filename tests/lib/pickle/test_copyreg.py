"""Spindle's lib/copyreg.py (loaded as `scopyreg`) behaves like CPython's copyreg."""
import copyreg
import pickle

import _load
import pobjs
from harness import check, error_of, run


def test_api(sc):
    check('__all__', sorted(sc.__all__) == sorted(copyreg.__all__))
    check('complex registered', sc.dispatch_table[complex](3 + 4j) == (complex, (3.0, 4.0)))
    union = int | str
    check('union', sc.dispatch_table[type(union)](union)[1][1] == (int, str))
    check('pickle() not callable', error_of(sc.pickle, int, 5) == error_of(copyreg.pickle, int, 5))
    check('constructor() not callable', error_of(sc.constructor, 5) == error_of(copyreg.constructor, 5))
    check('__newobj__', type(sc.__newobj__(pobjs.NewArgs, 1, 2)) is pobjs.NewArgs)
    ne = sc.__newobj_ex__(pobjs.NewArgsEx, (1,), {'key': 'k'})
    check('__newobj_ex__', (ne.x, ne.key) == (1, 'k'))
    for cls in (pobjs.Slotted, pobjs.SlottedDict, pobjs.Plain):
        if '__slotnames__' in cls.__dict__:
            delattr(cls, '__slotnames__')
        mine = sc._slotnames(cls)
        delattr(cls, '__slotnames__')
        check('_slotnames %s' % cls.__name__, mine == copyreg._slotnames(cls))


def test_reduce_ex(sc):
    for obj in (pobjs.Plain(), pobjs.Empty(), pobjs.MyList([1]), pobjs.MyInt(3)):
        for proto in (0, 1):
            mine = sc._reduce_ex(obj, proto)
            theirs = copyreg._reduce_ex(obj, proto)
            check('_reduce_ex %s/%d' % (type(obj).__name__, proto),
                  mine[1:] == theirs[1:] and mine[0].__name__ == theirs[0].__name__,
                  '%r != %r' % (mine, theirs))
    for obj in (pobjs.Slotted(1, 2),):
        check('_reduce_ex slots error', error_of(sc._reduce_ex, obj, 0) ==
              error_of(copyreg._reduce_ex, obj, 0))
    obj = sc._reconstructor(pobjs.MyInt, int, 5)
    check('_reconstructor int', type(obj) is pobjs.MyInt and obj == 5)
    obj = sc._reconstructor(pobjs.Plain, object, None)
    check('_reconstructor object', type(obj) is pobjs.Plain)


def test_extensions(sc):
    sc.add_extension('m', 'n', 5)
    check('add', sc._extension_registry[('m', 'n')] == 5 and sc._inverted_registry[5] == ('m', 'n'))
    sc.add_extension('m', 'n', 5)  # idempotent
    for args in (('m', 'n', 6), ('m', 'o', 5), ('m', 'x', 0), ('m', 'x', 2 ** 31)):
        check('add error %r' % (args,), error_of(sc.add_extension, *args) is not None)
    check('remove error', error_of(sc.remove_extension, 'm', 'n', 6) is not None)
    sc._extension_cache[5] = 'cached'
    sc.remove_extension('m', 'n', 5)
    check('remove', not sc._extension_registry and not sc._inverted_registry
          and 5 not in sc._extension_cache)


def main(sp):
    sc = _load.load_scopyreg()
    run('copyreg api', test_api, sc)
    run('copyreg reduce_ex', test_reduce_ex, sc)
    run('copyreg extensions', test_extensions, sc)
