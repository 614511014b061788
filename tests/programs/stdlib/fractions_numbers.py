# fractions and numbers: construction/parsing, arithmetic with int/float/complex, comparisons, hashing, rounding, limit_denominator, errors, the numeric ABCs
from fractions import Fraction as F
import numbers, math, copy, pickle
print(F(3, 4), F(6, -8), repr(F(1, 3)), F('3/4'), F(' -1.25e-2 '), F('1_000/3'), F(0.1), F(2.5), F(F(1, 2), F(3, 4)), F(7), F('.5'), F('5.'), F(1.5).limit_denominator(), F(math.pi).limit_denominator(1000), F(3.14159).limit_denominator(100))
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, a ** -2, (-a) ** -3, a ** 0.5, 2 ** F(3), 2 ** F(1, 2), F(4) ** F(1, 2), a + 1, 1 + a, a + 0.5, 0.5 + a, a * 1j, -a, +a, abs(-a))
print(a == F(2, 6), a == 1/3, F(1, 2) == 0.5, a < 0.34, a > b, F(1) == 1, hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)), int(F(7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(1234, 100), 1), round(F(1234, 100), -1), float(F(1, 3)), bool(F(0)))
print(sorted([F(1, 2), 0.3, F(1, 3), 1]), F(1, 3).as_integer_ratio(), F.from_float(0.25), a.numerator, a.denominator, isinstance(a, numbers.Rational), copy.copy(a) is a, pickle.loads(pickle.dumps(a)), sum([F(1, 10)] * 10), max(F(1, 2), F(2, 3)))
for bad in [lambda: F(1, 0), lambda: F('abc'), lambda: F('1/0'), lambda: F(1.5, 2), lambda: F(float('nan')), lambda: F(float('inf')), lambda: F(object()), lambda: a / 0, lambda: F(1).limit_denominator(0), lambda: F('1 /')]:
    try: print(bad())
    except (ValueError, TypeError, ZeroDivisionError, OverflowError) as e: print(type(e).__name__, e)
print(isinstance(1, numbers.Integral), isinstance(1.0, numbers.Real), isinstance(1.0, numbers.Rational), isinstance(1j, numbers.Complex), isinstance(True, numbers.Number), issubclass(numbers.Integral, numbers.Complex), isinstance('1', numbers.Number))
class MyReal(numbers.Real):
    pass
try: MyReal()
except TypeError as e: print(str(e)[:60])
