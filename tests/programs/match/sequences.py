# match: sequence patterns: lists, tuples, ranges, star patterns; str/bytes are not sequences
def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [x, y]:
            return f"two {x!r} {y!r}"
        case (x, y, z):
            return f"three {x!r} {y!r} {z!r}"
        case [first, *middle, last]:
            return f"many {first!r} {middle!r} {last!r}"
        case _:
            return "not a sequence"

for v in [[], (), [1], (1,), [1, 2], (1, 2), [1, 2, 3], range(3), [1, 2, 3, 4, 5],
          range(10), "ab", b"ab", bytearray(b"ab"), {1, 2}, {1: 2}, iter([1, 2]), 5]:
    print(type(v).__name__, "->", shape(v))

# the star capture is always a list
match (1, 2, 3):
    case (a, *rest):
        print(a, rest, type(rest).__name__)
match "x", "y":
    case *init, last:
        print(init, last)

# *_ indexes instead of unpacking
class Seq(list):
    def __getitem__(self, i):
        print("getitem", i)
        return super().__getitem__(i)
match Seq([10, 20, 30, 40]):
    case [first, *_, last]:
        print("first/last", first, last)
match Seq([1, 2]):
    case [*_]:
        print("any sequence")

# nested sequences and literals
match [(1, 2), [3, [4, 5]]]:
    case [(1, a), [b, [c, 6]]]:
        print("no")
    case [(1, a), [b, [c, 5]]]:
        print("nested", a, b, c)

# tuple subclasses and lists of lists
import collections
Pt = collections.namedtuple("Pt", "x y")
match Pt(1, 2):
    case (x, y):
        print("namedtuple as sequence", x, y)
