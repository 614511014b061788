"""Module-level classes and functions that the pickle tests pickle by reference.
Importable by name (`pobjs`) in both this process and a child python3."""


class Plain:
    def __init__(self, a=1, b='two'):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __repr__(self):
        return 'Plain(%r)' % (self.__dict__,)


class Empty:
    def __eq__(self, other):
        return type(self) is type(other)


class WithState:
    def __init__(self, x):
        self.x = x
        self.cache = 'drop me'

    def __getstate__(self):
        return {'x': self.x}

    def __setstate__(self, state):
        self.x = state['x']
        self.cache = 'rebuilt'

    def __eq__(self, other):
        return type(self) is type(other) and self.x == other.x


class OnlySetState:
    def __init__(self, v):
        self.v = v

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.seen = True

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__


class ListState:
    """__getstate__ returning a non-dict: needs __setstate__."""
    def __init__(self, items):
        self.items = list(items)

    def __getstate__(self):
        return self.items

    def __setstate__(self, state):
        self.items = state

    def __eq__(self, other):
        return type(self) is type(other) and self.items == other.items


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))

    def __eq__(self, other):
        return type(self) is type(other) and (self.a, self.b) == (other.a, other.b)


class ReducedEx:
    def __init__(self, p=None):
        self.p = p

    def __reduce_ex__(self, proto):
        return (ReducedEx, (proto,))

    def __eq__(self, other):
        return type(self) is type(other)


class ReduceFull:
    """__reduce__ with state, listitems, dictitems."""
    def __init__(self):
        self.items = []
        self.map = {}
        self.state = None

    def append(self, x):
        self.items.append(x)

    def extend(self, xs):
        self.items.extend(xs)

    def __setitem__(self, k, v):
        self.map[k] = v

    def __setstate__(self, state):
        self.state = state

    def __reduce__(self):
        return (ReduceFull, (), {'s': 1}, iter([1, 2, 3]), iter([('k', 'v'), ('j', 'w')]))

    def __eq__(self, other):
        return type(self) is type(other) and \
            (self.items, self.map, self.state) == (other.items, other.map, other.state)


def set_state_with(obj, state):
    obj.via_setter = state
    return obj


class StateSetter:
    def __init__(self):
        self.via_setter = None

    def __reduce__(self):
        return (StateSetter, (), 'S', None, None, set_state_with)

    def __eq__(self, other):
        return type(self) is type(other) and self.via_setter == other.via_setter


class NewArgs:
    def __new__(cls, x, y=0):
        self = object.__new__(cls)
        self.x, self.y = x, y
        return self

    def __getnewargs__(self):
        return (self.x, self.y)

    def __eq__(self, other):
        return type(self) is type(other) and (self.x, self.y) == (other.x, other.y)


class NewArgsEx:
    def __new__(cls, x, *, key):
        self = object.__new__(cls)
        self.x, self.key = x, key
        return self

    def __getnewargs_ex__(self):
        return ((self.x,), {'key': self.key})

    def __eq__(self, other):
        return type(self) is type(other) and (self.x, self.key) == (other.x, other.key)


class Slotted:
    __slots__ = ('a', '__b', 'c')

    def __init__(self, a, b):
        self.a = a
        self.__b = b

    def get(self):
        return (self.a, self.__b, getattr(self, 'c', None))

    def __eq__(self, other):
        return type(self) is type(other) and self.get() == other.get()


class SlottedDict(Slotted):
    def __init__(self, a, b, d):
        Slotted.__init__(self, a, b)
        self.d = d

    def __eq__(self, other):
        return Slotted.__eq__(self, other) and self.d == other.d


class MyList(list):
    def __init__(self, *a):
        list.__init__(self, *a)
        self.tag = 'L'

    def __eq__(self, other):
        return type(self) is type(other) and list(self) == list(other) and \
            self.__dict__ == other.__dict__


class MyDict(dict):
    def __eq__(self, other):
        return type(self) is type(other) and dict(self) == dict(other) and \
            self.__dict__ == other.__dict__


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class MyError(Exception):
    def __init__(self, msg, code=0):
        Exception.__init__(self, msg, code)
        self.code = code

    def __eq__(self, other):
        return type(self) is type(other) and self.args == other.args and \
            self.__dict__ == other.__dict__


class Outer:
    class Inner:
        class Deeper:
            pass

        def __eq__(self, other):
            return type(self) is type(other)

    def method(self):
        return 1


def func(x):
    return x + 1


def make_local():
    def local():
        pass
    return local


lam = lambda: 0  # noqa: E731


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None
