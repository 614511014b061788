# Arithmetic and comparison on small ints and floats near the edges (signs, zero, overflow
# into big ints, 2**53, NaN), each through a loop so the same instruction sees many shapes.
import math

vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 2**31, -2**31, 2**53, 2**53 + 1, -2**53 - 1,
        2**62, -2**62, 2**63 - 1, -2**63, 0.0, -0.0, 0.5, -2.5, 1e308, float("inf"), float("nan")]
ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
    ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
    ("<<", lambda a, b: a << b), (">>", lambda a, b: a >> b), ("**", lambda a, b: a ** b),
]
cmps = [("<", lambda a, b: a < b), ("<=", lambda a, b: a <= b), ("==", lambda a, b: a == b),
        ("!=", lambda a, b: a != b), (">", lambda a, b: a > b), (">=", lambda a, b: a >= b)]


def show(x):
    if isinstance(x, float) and math.isnan(x):
        return "nan"
    return repr(x)


for name, f in ops:
    out = []
    for a in vals:
        for b in vals:
            if name == "**" and isinstance(b, int) and abs(b) > 64:
                continue
            if name in ("<<",) and isinstance(b, int) and b > 200:
                continue
            try:
                out.append(show(f(a, b)))
            except (ZeroDivisionError, ValueError, OverflowError, TypeError) as e:
                out.append(type(e).__name__)
    print(name, len(out), hash(tuple(out)) == hash(tuple(out)), " ".join(out[:40]))
    print("  ", " ".join(out[40:120]))
    print("  ", " ".join(out[-60:]))
for name, f in cmps:
    out = []
    for a in vals:
        for b in vals:
            out.append("T" if f(a, b) else "F")
    print(name, "".join(out))

# Inplace forms on a local in a loop.
x = 1
for i in range(70):
    x *= 3
    x //= 2
    x %= 2**61 + 12345
    x <<= 1
    x >>= 1
    x -= 7
    x ^= i
print(x)
y = 0.1
for i in range(100):
    y += i / 7
    y *= 1.0001
    y -= 0.5
print(y)
# Floor division and modulo by negative numbers.
print([(a // b, a % b) for a in range(-7, 8, 3) for b in (-3, -2, 2, 3)])
print([(a / b) for a in (-9, 9, 1 << 40, -(1 << 40)) for b in (-4, 3, 7)])
print(-2**63 // -1, -2**63 % -1, (-2**63) * -1, 2**62 * 2, -(2**62) - 2**62 - 1)
