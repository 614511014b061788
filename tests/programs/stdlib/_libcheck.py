"""Run one tests/lib/test_<name>.py check file as a golden program.

The files in tests/lib compare Spindle's lib/ modules with CPython's inside one python3
process (`_support.load` loads lib/<name> next to the CPython module). Here the same
checks run against whichever module the running interpreter imports under the real name:
CPython's own under python3 (which writes the expected output) and lib/<name> under
spindle. Every `outcome(...)` the checks compute is printed, so the golden comparison
checks that spindle's module gives the same values and the same errors as CPython's.
Long results are printed as their length and a checksum, a result equal to the one
before it is not repeated, and after each check come the number of results and a checksum
of all of them. With brief=True only that summary line is printed per check (for files
with thousands of results); LIBCHECK_VERBOSE=1 in the environment prints everything, to
diff python3's and spindle's output by hand.

Usage from a golden program:  import _libcheck; _libcheck.main('collections', skip={...})
"""

import os
import sys

sys.path.insert(0, '../../lib')

_VERBOSE = bool(os.environ.get('LIBCHECK_VERBOSE'))
_state = {'brief': False, 'normalize': (), 'last': None, 'count': 0, 'sum': 0}


def _checksum(s, h=0):
    for ch in s:
        h = (h * 1000003 + ord(ch)) % 2305843009213693951
    return h


def _show(o):
    r = repr(o)
    for a, b in _state['normalize']:
        r = r.replace(a, b)
    _state['count'] += 1
    _state['sum'] = _checksum(r + '\n', _state['sum'])
    if r == _state['last'] and not _VERBOSE:
        return
    _state['last'] = r
    if _state['brief'] and not _VERBOSE:
        return
    if len(r) > 160 and not _VERBOSE:
        r = '%s... (%d chars, checksum %d)' % (r[:80], len(r), _checksum(r))
    print('  ', r)


class _Support:
    """Stands in for tests/lib/_support.py: the module under test is the real one."""

    @staticmethod
    def load(name):
        __import__(name)
        return sys.modules[name]

    @staticmethod
    def outcome(f, *args, **kwargs):
        try:
            o = ('ok', f(*args, **kwargs))
        except Exception as e:  # noqa: BLE001 - we report whatever is raised
            o = ('raise', type(e).__name__, str(e))
        _show(o)
        return o

    @staticmethod
    def same(f, g, *args, **kwargs):
        a = _Support.outcome(f, *args, **kwargs)
        b = _Support.outcome(g, *args, **kwargs)
        assert a == b, 'mismatch: %r != %r' % (a, b)
        return a

    @staticmethod
    def same_repr(f, g, *args, **kwargs):
        a = _Support.outcome(lambda: repr(f(*args, **kwargs)))
        b = _Support.outcome(lambda: repr(g(*args, **kwargs)))
        assert a == b, 'mismatch: %r != %r' % (a, b)
        return a


def main(name, skip=(), brief=False, normalize=()):
    """Run every test_* function of tests/lib/test_<name>.py except those in `skip`.
    `normalize`: (old, new) text replacements applied to printed results, for messages in
    which CPython names a type as its C implementation does."""
    _state['brief'] = brief
    _state['normalize'] = normalize
    support = type(sys)('_support')
    for attr in ('load', 'outcome', 'same', 'same_repr'):
        setattr(support, attr, getattr(_Support, attr))
    sys.modules['_support'] = support
    mod = __import__('test_' + name)
    for fname in sorted(vars(mod)):
        f = getattr(mod, fname)
        if not fname.startswith('test_') or not callable(f):
            continue
        if fname in skip:
            print('skip', fname)
            continue
        print(fname)
        _state.update(last=None, count=0, sum=0)
        try:
            f()
        except Exception as e:  # noqa: BLE001
            print('FAIL', fname, type(e).__name__, e)
        print('  %d results, checksum %d' % (_state['count'], _state['sum']))
