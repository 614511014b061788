"""A very small test harness shared by the pickle tests (run by run_all.py)."""
import math
import traceback

RESULTS = {'passed': 0, 'failed': 0, 'failures': []}


def check(name, cond, detail=''):
    if cond:
        RESULTS['passed'] += 1
    else:
        RESULTS['failed'] += 1
        RESULTS['failures'].append('%s %s' % (name, detail))


def run(name, fn, *args):
    """Run fn(*args); an exception is a failure."""
    try:
        fn(*args)
    except Exception:
        RESULTS['failed'] += 1
        RESULTS['failures'].append('%s raised:\n%s' % (name, traceback.format_exc()))


def same(a, b, _seen=None):
    """Deep equality that treats nan as equal to nan and tells 0.0 from -0.0."""
    if _seen is None:
        _seen = set()
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        if math.isnan(a):
            return math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, complex):
        return same(a.real, b.real) and same(a.imag, b.imag)
    key = (id(a), id(b))
    if key in _seen:
        return True
    if isinstance(a, (list, tuple)):
        _seen.add(key)
        return len(a) == len(b) and all(same(x, y, _seen) for x, y in zip(a, b))
    if isinstance(a, dict):
        _seen.add(key)
        return len(a) == len(b) and all(k in b and same(v, b[k], _seen) for k, v in a.items())
    if isinstance(a, BaseException) and type(a).__eq__ is BaseException.__eq__:
        return same(a.args, b.args) and same(getattr(a, '__dict__', {}), getattr(b, '__dict__', {}))
    return a == b


def error_of(fn, *args, **kwargs):
    """(exception class name, message) raised by fn(*args, **kwargs), or None."""
    try:
        fn(*args, **kwargs)
    except BaseException as exc:  # noqa: B902
        return (type(exc).__name__, str(exc))
    return None
