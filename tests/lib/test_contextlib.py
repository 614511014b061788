"""Compare lib/contextlib with CPython's contextlib."""

import contextlib as CL
import io
from _support import load, outcome

S = load('contextlib')


def run(script):
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(CL)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


def test_contextmanager():
    def s(m):
        log = []
        @m.contextmanager
        def cm(x):
            """cm doc"""
            log.append('enter')
            try:
                yield x * 2
            except ValueError as e:
                log.append('caught %s' % e)
            finally:
                log.append('exit')
        with cm(3) as v:
            log.append(v)
        with cm(1):
            raise ValueError('boom')
        try:
            with cm(1):
                raise KeyError('k')
        except KeyError as e:
            log.append('outer %r' % e)
        @cm(5)
        def deco():
            log.append('in deco')
            return 7
        log.append(deco())
        log.append(deco())
        log.append(cm.__name__)
        log.append(cm.__doc__)
        return log
    run(s)


def test_contextmanager_errors():
    def noyield(m):
        @m.contextmanager
        def g():
            return
            yield
        with g():
            pass
    run(noyield)
    def twoyield(m):
        @m.contextmanager
        def g():
            yield
            yield
        with g():
            pass
    run(twoyield)
    def keepgoing(m):
        @m.contextmanager
        def g():
            try:
                yield
            except ValueError:
                yield
        with g():
            raise ValueError
    run(keepgoing)
    def stopiter(m):
        @m.contextmanager
        def g():
            yield
        with g():
            raise StopIteration('x')
    run(stopiter)


def test_simple_managers():
    def s(m):
        log = []
        class Thing:
            def close(self):
                log.append('closed')
        with m.closing(Thing()) as t:
            log.append(type(t).__name__)
        with m.nullcontext(5) as v:
            log.append(v)
        with m.nullcontext() as v:
            log.append(v)
        with m.suppress(KeyError, IndexError):
            [][1]
        log.append('after suppress')
        try:
            with m.suppress(KeyError):
                raise ValueError('v')
        except ValueError:
            log.append('not suppressed')
        with m.suppress():
            pass
        buf = io.StringIO()
        with m.redirect_stdout(buf) as target:
            print('hello')
            log.append(target is buf)
        err = io.StringIO()
        import sys
        with m.redirect_stderr(err):
            sys.stderr.write('oops')
        log += [buf.getvalue(), err.getvalue()]
        return log
    run(s)


def test_exitstack():
    def s(m):
        log = []
        class CM:
            def __init__(self, name, suppress=False):
                self.name = name
                self.suppress = suppress
            def __enter__(self):
                log.append('enter ' + self.name)
                return self.name
            def __exit__(self, t, v, tb):
                log.append('exit %s %s' % (self.name, t.__name__ if t else None))
                return self.suppress
        with m.ExitStack() as stack:
            log.append(stack.enter_context(CM('a')))
            stack.callback(log.append, 'callback')
            stack.push(lambda *a: log.append('pushed %r' % (a[0],)))
            stack.enter_context(CM('b'))
        with m.ExitStack() as stack:
            stack.enter_context(CM('s', suppress=True))
            stack.enter_context(CM('t'))
            raise ValueError
        log.append('suppressed')
        stack = m.ExitStack()
        stack.enter_context(CM('c'))
        other = stack.pop_all()
        stack.close()
        log.append('popped')
        other.close()
        try:
            with m.ExitStack() as stack:
                def bad(*a):
                    raise KeyError('from exit')
                stack.push(bad)
                raise ValueError('body')
        except KeyError as e:
            log.append('%r ctx=%r' % (e, e.__context__))
        return log
    run(s)
    class X:
        pass
    run(lambda m: m.ExitStack().enter_context(X()))
