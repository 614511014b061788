"""Compare lib/warnings with CPython's warnings (recorded warnings and formatting)."""

import warnings as W
from _support import load, outcome

S = load('warnings')


def run(script):
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(W)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


def _record(m, body):
    with m.catch_warnings(record=True) as log:
        body(m)
    return [(str(x.message), x.category.__name__, x.lineno > 0) for x in log]


def test_actions():
    def body(m):
        m.simplefilter('always')
        for i in range(3):
            m.warn('again')
        m.warn('dep', DeprecationWarning)
        m.warn(RuntimeWarning('inst'))
    run(lambda m: _record(m, body))

    # Each module gets its own registry (warn() would share this file's __warningregistry__).
    def once(m):
        m.simplefilter('once')
        reg = {}
        for i in range(3):
            m.warn_explicit('once', UserWarning, 'f.py', 1 + i, 'mod', reg)
            m.warn_explicit('other', UserWarning, 'f.py', 9, 'mod', reg)
    run(lambda m: _record(m, once))

    def default(m):
        m.simplefilter('default')
        reg = {}
        for i in range(2):
            m.warn_explicit('d', UserWarning, 'f.py', 5, 'mod', reg)
            m.warn_explicit('d', UserWarning, 'f.py', 6, 'mod', reg)
        return sorted(k for k in reg if k != 'version')
    run(lambda m: _record(m, default))

    def ignore(m):
        m.simplefilter('always')
        m.filterwarnings('ignore', message='skip')
        m.filterwarnings('ignore', category=RuntimeWarning)
        m.warn('skip me')
        m.warn('Skip too')
        m.warn('keep')
        m.warn('rt', RuntimeWarning)
        m.warn('bytes', BytesWarning)
    run(lambda m: _record(m, ignore))


def test_error_action():
    def s(m):
        with m.catch_warnings():
            m.simplefilter('error', UserWarning)
            m.warn('boom')
    run(s)

    def s2(m):
        with m.catch_warnings():
            m.filterwarnings('error', message='.*fatal$')
            m.warn('this is fatal')
    run(s2)


def test_formatting_and_errors():
    run(lambda m: m.formatwarning('msg', UserWarning, 'f.py', 7, '  src  '))
    run(lambda m: m.formatwarning('msg', DeprecationWarning, 'f.py', 7, ''))
    run(lambda m: m.warn('x', int))
    run(lambda m: m.simplefilter('bogus'))
    run(lambda m: str(m.WarningMessage('m', UserWarning, 'f.py', 3)))
