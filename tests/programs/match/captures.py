# match: capture and wildcard patterns, bindings only on success, subject evaluated once
calls = []
def subject():
    calls.append(1)
    return [1, 2, 3]

match subject():
    case [1]:
        print("one")
    case [1, 2]:
        print("two")
    case [a, b, c]:
        print("three", a, b, c)
print("subject evaluated", len(calls), "time(s)")

# a failed case binds nothing
x = y = "unset"
match (1, 2, 3):
    case (x, y, 4):
        print("no")
    case (_, _, _):
        print("after failed case:", x, y)

# a case whose pattern matched but whose guard failed keeps its bindings
match (5, 6):
    case (p, q) if p > q:
        print("no")
    case _:
        print("pattern matched, guard failed:", p, q)

# wildcard binds nothing; _ is not a name
_ = "underscore"
match 42:
    case _:
        print("wildcard, _ is still", _)

# capture in a function is a local
def f(v):
    match v:
        case [first, *rest]:
            return first, rest
        case other:
            return "other", other
print(f([1, 2, 3]), f("s"), f([]))
try:
    def g():
        match 1:
            case 2:
                z = 1
        return z
    g()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

# no case matches: nothing happens
match 7:
    case 1 | 2:
        print("no")
print("done")
