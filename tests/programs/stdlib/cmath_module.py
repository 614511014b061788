# cmath: every function on ordinary, branch-cut, huge/tiny and non-finite arguments; errors
import cmath, math
vals = [0j, -0.0 + 0j, 1 + 2j, -3.5 + 0.25j, 2 - 1j, -1e-310 + 1e-310j, 1e300 + 1e300j, -1e308 - 2j, 0.5j, -2 + 0j, 2 - 0j,
        complex(1, -0.0), 1 + 1e-20j, complex(800, 1), complex(-800, 0.5), complex(1, 0), complex(-1, 0), 3, -2.5, complex(1e308, 1e308), complex(-1e308, 5), complex(5, -1e308), complex(1, 1e-300), complex(1e200, 1e-200)]
inf, nan = math.inf, math.nan
specials = [complex(a, b) for a in (-inf, -1.0, -0.0, 0.0, 1.0, inf, nan) for b in (-inf, -1.0, -0.0, 0.0, 1.0, inf, nan)]
names = ['sqrt', 'exp', 'log', 'log10', 'acos', 'asin', 'atan', 'acosh', 'asinh', 'atanh', 'cos', 'sin', 'tan', 'cosh', 'sinh', 'tanh']
for name in names:
    f = getattr(cmath, name)
    out = []
    for z in vals + specials:
        try:
            out.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, ' '.join(out))
print(cmath.log(8, 2), cmath.log(1j, 1 + 1j), cmath.log(-1, 10))
for args in [(0,), (1, 1), (2, 0)]:
    try:
        print(cmath.log(*args))
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.polar(3 + 4j), cmath.polar(-2), cmath.rect(2, math.pi / 2), cmath.rect(1, 0), cmath.rect(-1, -0.0))
for r, p in [(inf, 1.0), (-inf, 2.0), (inf, 0.0), (1.0, inf), (0.0, inf), (nan, 1.0), (inf, nan)]:
    try:
        print(cmath.rect(r, p), end=' ')
    except ValueError as e:
        print('ValueError', end=' ')
print()
try:
    cmath.polar(complex(1e308, 1e308))
except OverflowError as e:
    print('OverflowError', e)
print(cmath.isfinite(1 + 2j), cmath.isfinite(complex(inf, 0)), cmath.isinf(complex(0, -inf)), cmath.isnan(complex(nan, 0)), cmath.isnan(3))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(0j, 1e-10j, abs_tol=1e-9), cmath.isclose(complex(inf, 0), complex(inf, 0)))
try:
    cmath.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print('ValueError', e)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
class C:
    def __complex__(self): return 3 + 4j
class F:
    def __float__(self): return 0.25
print(cmath.sqrt(C()), cmath.exp(F()), cmath.sqrt(True))
for bad in ['x', None, [1]]:
    try:
        cmath.sqrt(bad)
    except TypeError as e:
        print('TypeError', e)
class Bad:
    def __complex__(self): return 1
try:
    cmath.exp(Bad())
except TypeError as e:
    print('TypeError', e)
