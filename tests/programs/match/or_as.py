# match: OR patterns (same names in any order), AS patterns, nesting
def g(v):
    match v:
        case (a, b, 1) | (b, a, 2) | ([1, *_, b] as a):
            return f"a={a!r} b={b!r}"
        case {"k": (1 | 2 | 3) as n} | [(1 | 2 | 3) as n]:
            return f"small {n}"
        case (str() | bytes()) as text:
            return f"text {text!r}"
        case [[x, y] | (x, y, _), *_] as whole:
            return f"nested {x} {y} of {len(whole)}"
    return "none"

for v in [(1, 2, 1), (1, 2, 2), [1, 9, 9, 7], {"k": 2}, [3], {"k": 4}, "s", b"b",
          [[1, 2], 3], [(5, 6, 7)], (5, 5, 5)]:
    print(repr(v), "->", g(v))

# the first alternative that matches wins; failed alternatives bind nothing
n = "unset"
match 5:
    case 1 | 2 as n:
        print("no")
    case 3 | 4 | 5:
        print("n is still", n)

# AS around a capture and a wildcard
match [1, 2]:
    case [x as y, _ as z]:
        print(x, y, z)

# OR of literals in a loop with break/continue inside cases
for i in range(10):
    match i % 4:
        case 0:
            continue
        case 1 | 2:
            print("i", i)
        case 3 if i > 6:
            print("break at", i)
            break
