import math
vals = [float('1e999999'), -float('1e999999'), float('nan'), 5e-324, 1.7976931348623157e308, 0.0, -0.0]
for a in vals:
    for b in vals:
        for op in [lambda: a + b, lambda: a * b, lambda: a / b, lambda: a // b, lambda: a % b, lambda: a ** b, lambda: divmod(a, b), lambda: round(a), lambda: int(a), lambda: math.floor(a)]:
            try:
                op()
            except (ZeroDivisionError, OverflowError, ValueError):
                pass
print('floats survived')
for a in [0, 1, -1, 2 ** 64, -(2 ** 64), 10 ** 300]:
    for b in [0, 1, -1, 63, 64, 2 ** 64, -(2 ** 64)]:
        for op in [lambda: a // b, lambda: a % b, lambda: a << (b % 4096), lambda: a >> abs(b), lambda: pow(a, b, 97) if b else 0, lambda: a ** (b % 64), lambda: a / b, lambda: a & b ^ b | a]:
            try:
                op()
            except (ZeroDivisionError, OverflowError, ValueError):
                pass
print('ints survived')
try:
    1 << (2 ** 64)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
print(round(1e308, -308), round(5, -1000), round(1.5, 1000), int('-' + '0' * 4000))
