# math functions and constants.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.isqrt(10 ** 20 + 5), math.pow(2, 0.5), math.exp(1), math.log(math.e))
print(math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0), math.expm1(0))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 6), 12), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.floor(-1.5), math.ceil(-1.5), math.trunc(1.9), math.fabs(-2), math.copysign(3, -0.0))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.gcd(12, 18, 30), math.lcm(4, 6))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.hypot(3, 4), math.dist((0, 0), (3, 4)))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.modf(3.75), math.frexp(8), math.ldexp(0.5, 4))
print(math.fmod(-7, 3), -7 % 3, math.remainder(7, 4))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)
print(math.factorial(30), math.sqrt(10 ** 100))
