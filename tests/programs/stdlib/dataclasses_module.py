# dataclasses: init/repr/eq/order/frozen, field options, InitVar, KW_ONLY, inheritance, asdict/astuple/replace, errors
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, KW_ONLY, make_dataclass
import dataclasses
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(1, 3), Point.__doc__)
print(fields(p)[0].name, [f.name for f in fields(Point)], asdict(p), astuple(p), replace(p, y=5), is_dataclass(p), is_dataclass(Point), is_dataclass(3))
try: Point()
except TypeError as e: print(e)
try: Point(1, 2, [], 4)
except TypeError as e: print(e)
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = "x"
v = V(1)
print(v < V(2), v >= V(1, "a"), sorted([V(3), V(1), V(2, "z")]), hash(v) == hash((1, "x")))
try: v.a = 5
except FrozenInstanceError as e: print(type(e).__name__, e, isinstance(e, AttributeError))
try: del v.a
except FrozenInstanceError as e: print(e)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e: print(e)
try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e: print(e)
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list, repr=False)
    secret: str = field(default="s", compare=False)
    computed: int = field(init=False, default=0)
    def __post_init__(self): self.computed = self.val * 2
n = Node(5)
print(n, n == Node(5, secret="other"), n.computed, asdict(n))
@dataclass
class C3:
    x: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale): self.x *= scale
print(C3(3), C3(3, 10), [f.name for f in fields(C3)])
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = 2
print(K(1, c=5), K.__match_args__)
try: K(1, 2)
except TypeError as e: print(e)
@dataclass(kw_only=True)
class K2:
    a: int
    b: int = 3
print(K2(a=1))
@dataclass
class Base:
    x: int = 1
@dataclass
class Derived(Base):
    y: int = 2
print(Derived(), Derived(5, 6), fields(Derived)[0].name)
@dataclass(eq=False)
class NE: a: int
print(NE(1) == NE(1), NE.__hash__ is object.__hash__)
@dataclass
class H: a: int
print(H.__hash__)
@dataclass(unsafe_hash=True)
class UH: a: int
print(hash(UH(1)) == hash((1,)))
@dataclass
class Rec:
    items: list
r = Rec([]); r.items.append(r); print(r)
D = make_dataclass('D', ['a', ('b', int), ('c', int, field(default=5))])
print(D(1, 2), D.__annotations__ if False else '', fields(D)[2].default)
@dataclass
class Nested:
    p: Point
    ps: list
print(asdict(Nested(Point(1), [Point(2), (Point(3),)])), astuple(Nested(Point(1), [])))
@dataclass(slots=True)
class Sl:
    a: int
    b: int = 2
s = Sl(1); print(s, Sl.__slots__, hasattr(s, '__dict__'))
try: replace(Node(1), computed=3)
except ValueError as e: print(e)
try: asdict(3)
except TypeError as e: print(e)
try: fields(3)
except TypeError as e: print(e)
print(repr(field(default=1))[:30], Point.__eq__.__qualname__, Point.__init__.__qualname__, Point.__repr__.__qualname__)
@dataclass(frozen=True)
class FrozenPoint:
    x: float
    y: float
    def dist(self): return (self.x ** 2 + self.y ** 2) ** 0.5
print(FrozenPoint(3.0, 4.0).dist(), {FrozenPoint(1, 2): 'a'}[FrozenPoint(1, 2)])
print(Point.__dataclass_params__, Point.__match_args__, V.__doc__, K.__doc__)
