# dataclasses: hash rules, custom methods kept, post_init, frozen inheritance, make_dataclass, slots, Field
from dataclasses import dataclass, field, fields, replace, make_dataclass, MISSING, Field
import dataclasses


@dataclass
class Custom:
    a: int

    def __repr__(self):
        return "custom!"

    def __eq__(self, other):
        return True


print(Custom(1), Custom(1) == Custom(2), Custom.__hash__)


@dataclass(frozen=True)
class FBase:
    x: int


try:
    @dataclass
    class Child(FBase):
        y: int = 0
except TypeError as e:
    print(e)


@dataclass
class NBase:
    x: int


try:
    @dataclass(frozen=True)
    class FChild(NBase):
        y: int = 0
except TypeError as e:
    print(e)
try:
    @dataclass(order=True)
    class HasLt:
        a: int

        def __lt__(self, o):
            return True
except TypeError as e:
    print(e)
try:
    @dataclass(order=True, eq=False)
    class BadOrder:
        a: int
except ValueError as e:
    print(e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(e)
try:
    @dataclass
    class NoAnn:
        x = field(default=1)
except TypeError as e:
    print(e)


@dataclass
class Inventory:
    name: str
    unit_price: float
    quantity: int = 0
    history: list = field(default_factory=list, metadata={"unit": "items"})

    def total(self):
        return self.unit_price * self.quantity


item = Inventory("widget", 3.5, 4)
item.history.append("sold")
print(item, item.total(), fields(item)[3].metadata, fields(item)[3].metadata["unit"])
print(replace(item, quantity=10), Inventory("a", 1.0).history is not Inventory("b", 1.0).history)
print(type(fields(item)[0]) is Field, fields(item)[0].default is MISSING, fields(item)[2].default)
Pt = make_dataclass('Pt', [('x', int), ('y', int, field(default=0))], namespace={'norm': lambda self: abs(self.x) + abs(self.y)}, order=True)
print(Pt(3, -4), Pt(3, -4).norm(), Pt(1) < Pt(2), Pt.__name__, dataclasses.is_dataclass(Pt))


@dataclass(slots=True, frozen=True)
class SF:
    a: int
    b: str = "q"


s = SF(1)
print(s, s == SF(1), hash(s) == hash((1, "q")), SF.__slots__)
try:
    s.a = 2
except dataclasses.FrozenInstanceError as e:
    print(e)


@dataclass
class Self:
    self: int
    other: int = 1


print(Self(5), Self(self=1, other=2))


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), fields(Empty), Empty.__match_args__)
