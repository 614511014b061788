# match: class patterns: __match_args__, keyword sub-patterns, isinstance, self-matching builtins
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"flat {x},{y}"
        case Point(x, 0) | Point(0, x):
            return f"on an axis at {x}"
        case Point(x=a, y=b) if a == b:
            return f"diagonal {a}"
        case Point(y=yy):
            return f"somewhere, y={yy}"
        case object(real=r):
            return f"has .real {r}"
        case _:
            return "no point"

for p in [Point(0, 0), Point(3, 0), Point(0, 4), Point3(1, 2, 0), Point3(1, 2, 3),
          Point(5, 5), Point(1, 2), 7, "s"]:
    print(where(p))

# a missing attribute is no match
class Empty:
    __match_args__ = ("gone",)
match Empty():
    case Empty(g):
        print("no")
    case Empty():
        print("instance without the attribute")

# builtins that match themselves with one positional sub-pattern (also subclasses)
class MyInt(int):
    pass
for v in [True, 3, MyInt(4), 1.5, "s", b"b", bytearray(b"x"), [1], (1,), {1: 2}, {1}, frozenset({2}), 1j]:
    match v:
        case bool(z):
            print("bool", z)
        case int(z):
            print("int", z, type(z).__name__)
        case float(z) | str(z) | bytes(z) | bytearray(z):
            print("scalar", repr(z))
        case list(z) | tuple(z) | dict(z) | set(z) | frozenset(z):
            print("collection", z)
        case complex(real=r, imag=i):
            print("complex", r, i)

# __instancecheck__ is honoured
class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, str)
class Stringy(metaclass=Meta):
    pass
match "text":
    case Stringy():
        print("Stringy matched a str")
