# enum: IntEnum, StrEnum, mixed-in data types, custom __new__/__init__, _missing_, _ignore_
from enum import Enum, IntEnum, StrEnum, auto


class N(IntEnum):
    A = 1
    B = 2


print(repr(N.A), str(N.A), format(N.A), f"{N.A:03d}", N.A + 1, N.A == 1, N.A < N.B)
print(sorted([N.B, N.A]), N(2), int(N.B), N.A.real, [1, 2, 3][N.B], isinstance(N.A, int))


class S(StrEnum):
    X = auto()
    Y = "yy"


print(repr(S.X), str(S.X), S.X == "x", S.Y.upper(), format(S.Y), f"<{S.Y:>4}>", S("yy"))
try:
    class BadS(StrEnum):
        Z = 3
except TypeError as e:
    print(e)


class Foo(int, Enum):
    A = 1
    B = 2


print(str(Foo.A), format(Foo.A), repr(Foo.A), Foo.A + 1, Foo(2))


class Bar(str, Enum):
    X = "x"


print(str(Bar.X), format(Bar.X), f"[{Bar.X:>7}]", repr(Bar.X), Bar.X == "x")


class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)


print(Planet.EARTH.mass, Planet.MARS.value, Planet((6.42e23, 3.39e6)), Planet.EARTH.gravity)


class Coord(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj
    X = (0, 'P.X')
    Y = (1, 'P.Y')


print(Coord.Y, Coord(1).label, Coord.X.value, Coord.X.name, Coord.X == b"\x00")


class M(Enum):
    A = 'a'
    B = 'b'

    @classmethod
    def _missing_(cls, v):
        if isinstance(v, str):
            for m in cls:
                if m.value == v.lower():
                    return m
        return None


print(M('A'), M('b'))
try:
    M('z')
except ValueError as e:
    print(e)


class Bad(Enum):
    A = 1

    @classmethod
    def _missing_(cls, v):
        return 5


try:
    Bad(3)
except TypeError as e:
    print(e, repr(e.__context__))


class Col(Enum):
    _ignore_ = 'tmp i'
    RED = 'r'
    tmp = 5
    for i in range(2):
        pass


print(list(Col), hasattr(Col, 'tmp'))


class Nm(Enum):
    name = 1
    value = 2


print(Nm.name, Nm.value, Nm.name.name, Nm.name.value, Nm.value.name)


class Ord(Enum):
    _order_ = 'A B'
    A = 1
    B = 2


print(list(Ord))
try:
    class Ord2(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e:
    print(e)
