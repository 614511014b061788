# Superinstructions on the top of the stack and a constant (TOS op const, TOS compared with a
# constant, `is None` tests, `in` tests), with operands outside their fast paths too.
class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, other)
        return self.v == other

    def __lt__(self, other):
        return NotImplemented

    def __add__(self, other):
        return Eq(self.v + other)

    def __contains__(self, item):
        print("contains", item)
        if item == "boom":
            raise KeyError(item)
        return item == self.v


def pick(xs):
    out = []
    for x in xs:
        if x is None:
            out.append("none")
        elif x == 0:
            out.append("zero")
        elif isinstance(x, (int, float)) and x > 2.5:
            out.append("big")
        elif x is not True:
            out.append(("other", x))
        else:
            out.append("true")
    return out


def arith(x):
    return (x + 1, x * 2, x - 0.5, x // 3, x % 4) if isinstance(x, (int, float)) else (x + "!", x * 2)


def contains_tests(c):
    hits = []
    for k in ["a", "b", 3]:
        if k in c:
            hits.append(k)
        if k not in c:
            hits.append(("not", k))
    return hits


def loop_back():
    a = [5, 4, 3]
    i = 0
    while a[i] != 3:
        i = i + 1
    n = None
    count = 0
    while n is None:
        count += 1
        if count == 3:
            n = 1
    return i, count


print(pick([0, 0.0, 3, 2, None, True, "s", 2**70, Eq(0)]))
print(arith(7), arith(-7), arith(2.5), arith("ab"), arith(2**62 + 2**62))
print((Eq(1) + 2).v)
print(contains_tests(["a", 3]), contains_tests({"b": 1}), contains_tests(("a", "c")))
print(contains_tests(Eq("b")))
try:
    if "boom" in Eq("x"):
        pass
except KeyError as e:
    print("KeyError", e)
try:
    if 1 in 5:
        pass
except TypeError as e:
    print("TypeError", e)
try:
    if Eq(1) < 3:
        pass
except TypeError as e:
    print("TypeError", e)
try:
    print(None + 1)
except TypeError as e:
    print("TypeError", e)
print(loop_back())
