# round() with banker's rounding, ndigits, negative ndigits; int(), math floor/ceil/trunc.
import math
print([round(x) for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.4999, 2.5001]])
print(round(3.14159, 2), round(3.14159, 0), round(3.14159, -1), round(1234.5, -2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 2))
print(type(round(2.5)), type(round(2.5, 0)), type(round(7, 1)))
print(round(2.675, 2), round(0.285, 2), round(1e20, 2), round(-0.0))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2), int(-0.9))
print(math.floor(1e20), math.ceil(10 ** 20 / 3))
try:
    round(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    round(float('nan'))
except ValueError as e:
    print('ValueError:', e)
print(round(float('inf'), 2), round(12345678901234567890, -5))
