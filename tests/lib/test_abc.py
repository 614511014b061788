"""Compare lib/abc with CPython's abc."""

import abc as A
from _support import load, outcome

S = load('abc')


def run(script):
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(A)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


def make(m):
    class Shape(m.ABC):
        @m.abstractmethod
        def area(self):
            pass

        @m.abstractmethod
        def name(self):
            pass

        def describe(self):
            return '%s %s' % (self.name(), self.area())

    class Half(Shape):
        def area(self):
            return 1

    class Square(Half):
        def name(self):
            return 'square'

    return Shape, Half, Square


def test_instantiation():
    run(lambda m: make(m)[0]())
    run(lambda m: make(m)[1]())
    run(lambda m: make(m)[2]().describe())
    run(lambda m: sorted(make(m)[0].__abstractmethods__))
    run(lambda m: sorted(make(m)[1].__abstractmethods__))
    run(lambda m: sorted(make(m)[2].__abstractmethods__))
    def meta(m):
        class B(metaclass=m.ABCMeta):
            @m.abstractmethod
            def f(self):
                pass
            @property
            @m.abstractmethod
            def p(self):
                pass
        return B()
    run(meta)
    def concrete(m):
        class C(m.ABC):
            pass
        return type(C()).__name__, isinstance(C, m.ABCMeta), type(C).__name__
    run(concrete)


def test_register_and_hooks():
    def s(m):
        class Sized(m.ABC):
            @classmethod
            def __subclasshook__(cls, C):
                if cls is Sized:
                    return any('__len__' in B.__dict__ for B in C.__mro__)
                return NotImplemented
        class Mine(m.ABC):
            pass
        class Other:
            pass
        class Child(Other):
            pass
        Mine.register(Other)
        token = m.get_cache_token()
        r = Mine.register(int)
        return [isinstance([], Sized), isinstance(1, Sized), issubclass(str, Sized),
                isinstance(Other(), Mine), issubclass(Child, Mine), isinstance(Child(), Mine),
                isinstance(1, Mine), issubclass(bool, Mine), issubclass(float, Mine),
                r is int, isinstance(token, int)]
    run(s)
    run(lambda m: issubclass(1, m.ABC))
    run(lambda m: m.ABC.register(1))


def test_update_abstractmethods():
    def s(m):
        class B(m.ABC):
            @m.abstractmethod
            def f(self):
                pass
        class C(B):
            pass
        C.f = lambda self: 1
        m.update_abstractmethods(C)
        return C().f(), sorted(B.__abstractmethods__)
    run(s)
