# Exceptions raised in __enter__ and __exit__, and exceptions passed to __exit__.
class CM:
    def __init__(self, fail_enter=False, fail_exit=False):
        self.fail_enter, self.fail_exit = fail_enter, fail_exit
    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError('enter failed')
        return self
    def __exit__(self, t, v, tb):
        print('exit got', t.__name__ if t else None, tb is not None)
        if self.fail_exit:
            raise KeyError('exit failed')
        return False
try:
    with CM(fail_enter=True):
        print('not run')
except RuntimeError as e:
    print('caught', e)
try:
    with CM(fail_exit=True):
        raise ValueError('body')
except KeyError as e:
    print('caught', repr(e), 'context', repr(e.__context__))
try:
    with CM() as a, CM(fail_enter=True) as b:
        print('not run')
except RuntimeError as e:
    print('second enter failed, first exited:', e)
import contextlib
@contextlib.contextmanager
def managed(name):
    print('setup', name)
    try:
        yield name * 2
    except ZeroDivisionError:
        print('handled in generator')
    finally:
        print('teardown', name)
with managed('ab') as v:
    print('using', v)
with managed('x'):
    1 / 0
print('after')
with contextlib.suppress(KeyError, IndexError):
    {}['missing']
print('suppressed')
