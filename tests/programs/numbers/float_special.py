# inf, nan, negative zero and float comparisons.
import math
inf, nan = float('inf'), float('nan')
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan, [nan] == [nan])
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1e308), math.isfinite(inf))
print(-0.0, 0.0 == -0.0, math.copysign(1, -0.0), str(-0.0), repr(-0.0 + 0))
print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324 / 2)
print(int(2.9), int(-2.9), int(1e20), float(2 ** 1023) * 2)
for s in ['inf', '-inf', 'nan']:
    try:
        int(float(s))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    2.0 ** 10000
except OverflowError as e:
    print('OverflowError:', e)
try:
    math.exp(1000)
except OverflowError as e:
    print('OverflowError:', e)
print(max(1, nan), max(nan, 1), min(inf, 3), sorted([3, inf, -inf, 0]))
print(float('1e500'), float('-1e500'), 1e-400)
print((0.1).as_integer_ratio(), (2.5).is_integer(), (3.0).is_integer(), (0.5).hex())
