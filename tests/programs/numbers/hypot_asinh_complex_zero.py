# math.hypot/dist as CPython 3.11's vector_norm; asinh/acosh/atanh as glibc; complex(x, -0.0) and nan signs in reprs
import math
vals = [0.0, 1e-320, 1e-300, 0.1, 0.5, 0.9, 1.0, 1.5, 2.0, 3.7, 10.0, 1e5, 1e10, 3e8, 2.0**28 + 1, 2.0**28 + 256, 2.0**28 - 1, 2.0000000001, 2.0**-28, 2.0**-28 * 0.99, 1e300]
print([repr(math.asinh(x)) for x in vals], [repr(math.asinh(-x)) for x in vals[:5]])
print([repr(math.acosh(x)) for x in vals if x >= 1])
print([repr(math.atanh(x)) for x in vals if x < 1], [repr(math.atanh(-x)) for x in (0.3, 0.7, 1e-10)])
pts = [(3.5 / 8, 0.25 / 8), (1e-310, 3e-310), (1e308, 1e308), (0.1, 0.2, 0.3), (1, 2, 3, 4, 5), (5e-324, 5e-324), (), (7,), (-3, 4)]
print([repr(math.hypot(*p)) for p in pts], math.hypot(math.inf, math.nan), math.hypot(math.nan, 1))
print(repr(math.dist((0.1, 0.2), (1.7, -0.35))), repr(math.dist((1e-310,), (3e-310,))))
print(complex(1, -0.0), complex(-0.0, -0.0), complex(2, 3), complex(1.5), complex(1j, 2j), complex(1 + 2j, -0.0), complex(0.0, -0.0))
print(complex(math.nan, -math.nan), complex(0, -math.nan), -complex(1, math.nan), complex(-math.inf, -0.0))
