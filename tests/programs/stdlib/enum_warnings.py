# enum: DeprecationWarnings of 3.11 (non-member `in` an Enum class, auto() after unsorted values)
from enum import Enum, auto


class Color(Enum):
    RED = 1
    GREEN = 2


try:
    print(1 in Color)
except TypeError as e:
    print(e)
print(Color.RED in Color)


class A(Enum):
    a = 1
    b = 5
    c = 3
    d = auto()


print(A.d.value)
