# match: guards, control flow in case bodies, match in generators, nested match, closures
def classify(n):
    match n:
        case int(x) if x < 0:
            return "negative"
        case int(x) if x % 2 == 0 and x > 10:
            return "big even"
        case int() if not n:
            return "zero"
        case int(x):
            return "positive"
        case _ if isinstance(n, float):
            return "float"
    return "unknown"
print([classify(v) for v in [-3, 0, 12, 7, 2.5, "s"]])

# guards are evaluated only when the pattern matched, in order
def noisy(label, result):
    print("guard", label)
    return result
match [1, 2]:
    case [1] if noisy("a", True):
        pass
    case [1, x] if noisy("b", False):
        pass
    case [1, x] if noisy("c", True):
        print("third case, x =", x)

# return inside a case, match inside a loop inside a generator
def gen(items):
    for item in items:
        match item:
            case ("stop",):
                return
            case (cmd, arg):
                yield f"{cmd}({arg})"
            case _:
                yield "?"
print(list(gen([("a", 1), 3, ("b", 2), ("stop",), ("c", 3)])))

# nested match statements and captures used by closures
def make(v):
    match v:
        case [a, b]:
            match b:
                case {"f": f}:
                    return lambda: (a, f)
                case _:
                    return lambda: (a, b)
    return None
print(make([1, {"f": 2}])(), make([3, 4])(), make(5))

# a guard may use the walrus operator and names bound by the pattern
match (3, 4):
    case (a, b) if (h := (a * a + b * b) ** 0.5) == 5:
        print("hypotenuse", h)

# class bodies and module level
class Config:
    match {"mode": "fast"}:
        case {"mode": mode}:
            speed = mode.upper()
print(Config.speed, Config.mode)
