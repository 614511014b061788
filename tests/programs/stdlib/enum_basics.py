# enum.Enum: members, lookup by value/name, iteration, aliases, repr/str/format, errors
import enum
from enum import Enum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return self.name.lower()

    @classmethod
    def default(cls):
        return cls.GREEN


print(repr(Color.RED), str(Color.RED), format(Color.RED), f"{Color.RED}", f"[{Color.RED:>12}]")
print(Color.CRIMSON is Color.RED, Color.RED.describe(), Color.default())
print(list(Color), len(Color), Color(2), Color['BLUE'], Color.RED.name, Color.RED.value)
print(repr(Color), type(Color), type(Color.RED), isinstance(Color.RED, Color))
print(Color.__members__)
print(Color._member_names_, Color._value2member_map_, list(reversed(Color)))
print(Color.RED in Color, hash(Color.RED) == hash('RED'), {Color.RED: 1}[Color.CRIMSON])
print(Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1, bool(Color.RED))
print(Color(Color.BLUE), Color.RED.__class__, vars(Color.GREEN))
try:
    Color(7)
except ValueError as e:
    print(repr(e))
try:
    Color['X']
except KeyError as e:
    print(repr(e))
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print(e)
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
try:
    del Color.RED
except AttributeError as e:
    print(e)


class A(Enum):
    a = auto()
    b = auto()
    c = 10
    d = auto()


print(list(A), [m.value for m in A])
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print(e)
try:
    class Ext(Color):
        Z = 9
except TypeError as e:
    print(e)
try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e:
    print(e)
try:
    class BadS(Enum):
        _foo_ = 1
except ValueError as e:
    print(e)


class Empty(Enum):
    pass


class Sub(Empty):
    X = 1


print(list(Empty), len(Empty), Empty.__members__, Sub.X, Sub(1))
print(dir(A))
print(dir(A.a), dir(Color.RED))
print(enum.EnumMeta is enum.EnumType, Enum, type(Color.__members__).__name__)
