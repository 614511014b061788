"""Pickler/Unpickler objects: files, several pickles on one stream, dispatch_table,
persistent_id/persistent_load, reducer_override, extension codes, encoding= for Python 2 data."""
import copyreg
import io
import pickle

import pobjs
from _load import COPYREGS
from harness import check, error_of, run


class Sink:
    """A write-only file (what the runtime will hand us), recording each write."""
    def __init__(self):
        self.chunks = []

    def write(self, data):
        self.chunks.append(bytes(data))

    def value(self):
        return b''.join(self.chunks)


def test_files(sp):
    big = [b'x' * 70000, 'y' * 70000, list(range(20000))]
    for proto in (2, 3, 4, 5):
        sink = Sink()
        p = sp.Pickler(sink, proto)
        p.dump(big)
        p.dump({'second': 2})
        data = sink.value()
        f = io.BytesIO()
        cp = pickle.Pickler(f, proto)
        cp.dump(big)
        cp.dump({'second': 2})
        check('file dump p%d bytes' % proto, data == f.getvalue())
        f = io.BytesIO(data)
        check('file stream cpython p%d' % proto,
              pickle.load(f) == big and pickle.load(f) == {'second': 2})
        f = io.BytesIO(data)
        u = sp.Unpickler(f)
        first = u.load()
        second = sp.Unpickler(f).load()
        check('file stream ours p%d' % proto, first == big and second == {'second': 2}
              and f.read() == b'')
        f = io.BytesIO(data)
        check('load() p%d' % proto, sp.load(f) == big and sp.load(f) == {'second': 2})
        check('load() at EOF p%d' % proto, error_of(sp.load, f) == error_of(pickle.load, f))
    f = io.BytesIO()
    sp.dump([1, 2], f, 3)
    check('dump()', f.getvalue() == pickle.dumps([1, 2], 3))
    # text opcodes read through readline from a file
    f = io.BytesIO(pickle.dumps({'a': [1.5, 'x', 2 ** 70]}, 0) + pickle.dumps('next', 0))
    check('proto 0 from file', sp.load(f) == {'a': [1.5, 'x', 2 ** 70]} and sp.load(f) == 'next')


def reduce_plain(obj):
    return (pobjs.Plain, (obj.a, 'via table'))


def test_dispatch_table(sp):
    for proto in (2, 4):
        f = Sink()
        p = sp.Pickler(f, proto)
        p.dispatch_table = {pobjs.Plain: reduce_plain}
        p.dump(pobjs.Plain(7))
        g = io.BytesIO()
        cp = pickle.Pickler(g, proto)
        cp.dispatch_table = {pobjs.Plain: reduce_plain}
        cp.dump(pobjs.Plain(7))
        check('dispatch_table p%d' % proto, f.value() == g.getvalue() and
              pickle.loads(f.value()).b == 'via table')

    class TablePickler(sp.Pickler):
        dispatch_table = copyreg.dispatch_table.copy()
    TablePickler.dispatch_table[pobjs.Plain] = reduce_plain
    f = Sink()
    TablePickler(f, 4).dump([pobjs.Plain(1)])
    check('class dispatch_table', pickle.loads(f.value())[0].b == 'via table')
    # copyreg.pickle registration is seen by default
    for reg in COPYREGS:
        reg.pickle(pobjs.Empty, lambda obj: (pobjs.Plain, (0, 'copyreg')))
    try:
        check('copyreg.pickle', pickle.loads(sp.dumps(pobjs.Empty(), 4)).b == 'copyreg' and
              sp.dumps(pobjs.Empty(), 4) == pickle.dumps(pobjs.Empty(), 4))
    finally:
        for reg in COPYREGS:
            del reg.dispatch_table[pobjs.Empty]


def test_persistent(sp):
    db = {'k1': 'value one', 'k2': [1, 2]}

    class P(sp.Pickler):
        def persistent_id(self, obj):
            for key, value in db.items():
                if value is obj:
                    return key
            return None

    class U(sp.Unpickler):
        def persistent_load(self, pid):
            return db[pid]

    class CP(pickle.Pickler):
        def persistent_id(self, obj):
            return P.persistent_id(None, obj)

    class CU(pickle.Unpickler):
        def persistent_load(self, pid):
            return db[pid]

    data = [db['k1'], db['k2'], 'other']
    for proto in (0, 2, 4, 5):
        f = Sink()
        P(f, proto).dump(data)
        g = io.BytesIO()
        CP(g, proto).dump(data)
        check('persistent_id p%d bytes' % proto, f.value() == g.getvalue())
        got = U(io.BytesIO(f.value())).load()
        check('persistent_load p%d' % proto, got == data and got[0] is db['k1'])
        got = CU(io.BytesIO(f.value())).load()
        check('cpython persistent_load p%d' % proto, got[1] is db['k2'])


def test_reducer_override(sp):
    class RO(sp.Pickler):
        def reducer_override(self, obj):
            if obj is pobjs.func:
                return (str, ('func replaced',))
            return NotImplemented

    f = Sink()
    RO(f, 4).dump([pobjs.func, 1, 'x'])
    check('reducer_override', pickle.loads(f.value()) == ['func replaced', 1, 'x'])


def test_extension(sp):
    for reg in COPYREGS:
        reg.add_extension('pobjs', 'Plain', 240)
        reg.add_extension('pobjs', 'Outer', 0x1234)
        reg.add_extension('pobjs', 'func', 0x123456)
    try:
        value = [pobjs.Plain, pobjs.Outer, pobjs.func, pobjs.Plain]
        for proto in (2, 3, 4):
            ours = sp.dumps(value, proto)
            check('ext p%d bytes' % proto, ours == pickle.dumps(value, proto))
            for reg in COPYREGS:
                reg.clear_extension_cache()
            check('ext p%d load' % proto, sp.loads(pickle.dumps(value, proto)) == value)
    finally:
        for reg in COPYREGS:
            reg.remove_extension('pobjs', 'Plain', 240)
            reg.remove_extension('pobjs', 'Outer', 0x1234)
            reg.remove_extension('pobjs', 'func', 0x123456)


def test_python2_data(sp):
    # Python 2 era opcodes: STRING/BINSTRING/SHORT_BINSTRING, INST/OBJ, __builtin__ names
    cases = [
        (b"S'abc'\np0\n.", {}),
        (b"U\x03abcq\x00.", {}),
        (b"T\x03\x00\x00\x00abcq\x00.", {}),
        (b"U\x03\xe9\xe9\xe9q\x00.", {'encoding': 'latin1'}),
        (b"U\x03\xe9\xe9\xe9q\x00.", {'encoding': 'bytes'}),
        (b"c__builtin__\nxrange\n(I1\nI5\nI1\ntR.", {}),
        (b"c__builtin__\nset\n((lp0\nI1\naI2\natRp1\n.", {}),
        (b"(ipobjs\nPlain\n(dS'a'\nI5\nsb.", {}),
        (b"(cpobjs\nPlain\no}(U\x01aK\x06ub.", {}),
        (b"cexceptions\nValueError\n(S'x'\ntR.", {}),
        (b"ccopy_reg\n_reconstructor\n(cpobjs\nPlain\nc__builtin__\nobject\nNtR}U\x01aK\x01sb.", {}),
        (b"I01\nI00\nL12345678901234567890L\nF1.5\n(t.", {}),
    ]
    for data, kwargs in cases:
        expected = pickle.loads(data, **kwargs)
        got = sp.loads(data, **kwargs)
        check('py2 %r' % data[:30], repr(got) == repr(expected) and type(got) is type(expected),
              '%r != %r' % (got, expected))


def test_memo_api(sp):
    p = sp.Pickler(Sink(), 2)
    p.dump('a')
    p.clear_memo()
    check('clear_memo', len(p.memo) == 0)
    s = 'shared'
    f = Sink()
    p = sp.Pickler(f, 2)
    p.dump(s)
    p.dump(s)   # memo persists across dump() calls, like CPython
    g = io.BytesIO()
    cp = pickle.Pickler(g, 2)
    cp.dump(s)
    cp.dump(s)
    check('memo across dumps', f.value() == g.getvalue())


def main(sp):
    run('files', test_files, sp)
    run('dispatch_table', test_dispatch_table, sp)
    run('persistent', test_persistent, sp)
    run('reducer_override', test_reducer_override, sp)
    run('extension', test_extension, sp)
    run('python2 data', test_python2_data, sp)
    run('memo api', test_memo_api, sp)
