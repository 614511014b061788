# match: mapping patterns: keys looked up with get(), **rest, subclasses, attribute keys
def describe(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x} {y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle {r} rest={sorted(rest.items())}"
        case {1: one, 2.0: two}:
            return f"numeric keys {one} {two}"
        case {}:
            return f"some mapping of {len(v)}"
        case _:
            return "not a mapping"

for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5},
          {"type": "circle", "r": 5, "color": "red", "fill": True}, {1: "a", 2: "b"},
          {1.0: "a", 2: "b", 3: "c"}, {"type": "point", "x": 1}, {}, [("type", "point")], "s"]:
    print(describe(v))

# get() is used: a dict subclass's get is called, __missing__ is not
from collections import defaultdict, OrderedDict
class Loud(dict):
    def get(self, key, default=None):
        print("get", repr(key))
        return super().get(key, default)
match Loud(a=1, b=2):
    case {"a": 1, "b": b}:
        print("loud matched", b)
d = defaultdict(int, x=1)
match d:
    case {"x": 1, "missing": _}:
        print("no")
    case {"x": x}:
        print("defaultdict", x, sorted(d))
match OrderedDict(k="v"):
    case {"k": v, **rest}:
        print("ordered", v, rest)

# **rest is a new dict without the matched keys
src = {"a": 1, "b": 2, "c": 3}
match src:
    case {"b": _, **rest}:
        print(rest, rest is src, src)

# keys may be dotted names; equal keys at run time are a ValueError
class K:
    a = "k"
    b = "k"
match {"k": 1, "j": 2}:
    case {K.a: v}:
        print("attribute key", v)
try:
    match {"k": 1, "j": 2}:
        case {K.a: 1, K.b: 2}:
            pass
except ValueError as e:
    print("ValueError:", e)
