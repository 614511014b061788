"""Helpers for the developer checks of Spindle's Python stdlib (`lib/`).

The modules in `lib/` use the real stdlib names (`collections`, `random`...)
and import one another by those names.  To compare them with CPython's own
modules inside one python3 process, `load(name)` executes a `lib/` module
under the alias `sp_<name>` while, for the duration of the load, every
`lib/` module name in `sys.modules` points at Spindle's version.  The
CPython originals are put back afterwards, so the reference modules stay
untouched.

`outcome(f)` runs a callable and returns either ('ok', value) or
('raise', exception type, message), which makes "same result or same
exception" a plain equality check.
"""

import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LIB = os.path.join(ROOT, 'lib')

# Load order respects the imports between lib modules.
ORDER = ['keyword', 'operator', 'collections', 'functools', 'itertools',
         'heapq', 'bisect', 'types', 'copy', 'string', 'abc', 'contextlib',
         'textwrap', 'warnings', 'random']

_loaded = {}


def _path(name):
    pkg = os.path.join(LIB, name, '__init__.py')
    if os.path.exists(pkg):
        return pkg, True
    return os.path.join(LIB, name + '.py'), False


def load(name):
    """Return Spindle's `lib/<name>` module, loading all lib modules once."""
    if not _loaded:
        _load_all()
    return _loaded[name]


def _load_all():
    saved = {n: sys.modules.get(n) for n in ORDER}
    try:
        for n in ORDER:
            path, is_pkg = _path(n)
            if not os.path.exists(path):
                continue
            kw = {}
            if is_pkg:
                kw['submodule_search_locations'] = [os.path.dirname(path)]
            spec = importlib.util.spec_from_file_location('sp_' + n, path, **kw)
            mod = importlib.util.module_from_spec(spec)
            sys.modules['sp_' + n] = mod
            sys.modules[n] = mod
            spec.loader.exec_module(mod)
            _loaded[n] = mod
    finally:
        for n, m in saved.items():
            if m is None:
                sys.modules.pop(n, None)
            else:
                sys.modules[n] = m


def outcome(f, *args, **kwargs):
    try:
        return ('ok', f(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - we compare whatever is raised
        return ('raise', type(e).__name__, str(e))


def same(f, g, *args, **kwargs):
    """Assert f(*args) and g(*args) give the same value or the same error."""
    a = outcome(f, *args, **kwargs)
    b = outcome(g, *args, **kwargs)
    assert a == b, 'mismatch: spindle %r != cpython %r (args %r %r)' % (a, b, args, kwargs)
    return a


def same_repr(f, g, *args, **kwargs):
    a = outcome(lambda: repr(f(*args, **kwargs)))
    b = outcome(lambda: repr(g(*args, **kwargs)))
    assert a == b, 'mismatch: spindle %r != cpython %r' % (a, b)
    return a
