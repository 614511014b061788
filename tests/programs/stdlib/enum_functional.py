# enum: functional API, pickling/copying members, verify/EnumCheck, member/nonmember, __init_subclass__
import copy
import pickle
import enum
from enum import Enum, IntEnum, verify, UNIQUE, CONTINUOUS, member, nonmember

F = Enum('F', 'X Y Z')
print(list(F), F.X.value, F.__module__, repr(F))
print(Enum('G', [('a', 5), ('b', 6)]).b, Enum('H', {'q': 'Q'}).q, Enum('I', ['m', 'n']).n.value)
print(Enum('J', 'p, q').q, list(IntEnum('K', 'u v', start=10)), Enum('L', 'a b', type=int).b + 1)
Animal = Enum('Animal', 'ANT BEE')
print(pickle.loads(pickle.dumps(F.Y)) is F.Y, copy.copy(F.Z) is F.Z, copy.deepcopy(F.X) is F.X)


class Color(Enum):
    RED = 1
    GREEN = 2


print(pickle.loads(pickle.dumps(Color.GREEN)) is Color.GREEN, Color.RED.__reduce_ex__(2))
print(pickle.loads(pickle.dumps([Color.RED, Color.GREEN, Color.RED])))
try:
    Enum()
except TypeError as e:
    print(e)
try:
    Enum(1)
except TypeError as e:
    print(e)

try:
    @verify(UNIQUE)
    class V(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
try:
    @verify(CONTINUOUS)
    class W(Enum):
        A = 1
        C = 3
except ValueError as e:
    print(e)


class Mm(Enum):
    A = 1
    helper = nonmember(5)
    B = member(lambda: 7)


print(Mm.A, Mm.B.name, Mm.helper, Mm.B.value())


class Base(Enum):
    def __init_subclass__(cls, **kw):
        print("subclass", cls.__name__, kw)
        super().__init_subclass__()


class Derived(Base, tag=1):
    X = 1


print(Derived.X, [type(m).__name__ for m in Derived])
try:
    class Bad(Enum):
        mro = 1
except ValueError as e:
    print(e)
