"""cmath: mathematical functions for complex numbers (Spindle's own implementation of
CPython 3.11's module: the same algorithms for finite arguments, so the same results, and
C99's special values for infinite and NaN parts, from the generated _cmath_special)."""

import math as _m
from _cmath_special import TABLES as _TABLES

pi = _m.pi
e = _m.e
tau = _m.tau
inf = _m.inf
nan = _m.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)

_DBL_MAX = 1.7976931348623157e308
_DBL_MIN = 2.2250738585072014e-308
_DBL_MANT_DIG = 53
_LARGE_DOUBLE = _DBL_MAX / 4.
_SQRT_LARGE_DOUBLE = _m.sqrt(_LARGE_DOUBLE)
_LOG_LARGE_DOUBLE = _m.log(_LARGE_DOUBLE)
_SQRT_DBL_MIN = _m.sqrt(_DBL_MIN)
_SCALE_UP = 2 * (_DBL_MANT_DIG // 2) + 1
_SCALE_DOWN = -(_SCALE_UP + 1) // 2
_LN2 = 0.6931471805599453094
_LN10 = 2.302585092994045684


def _hypot(x, y):
    # C's hypot() (what CPython's cmath calls), not math.hypot's vector norm
    return abs(complex(x, y))


class _Domain(Exception):
    pass


class _Range(Exception):
    pass


def _to_complex(x):
    if isinstance(x, complex):
        return x
    t = type(x)
    if hasattr(t, '__complex__'):
        c = x.__complex__()
        if not isinstance(c, complex):
            raise TypeError('__complex__ returned non-complex (type %s)' % type(c).__name__)
        return c
    if isinstance(x, (int, float)) or hasattr(t, '__float__') or hasattr(t, '__index__'):
        return complex(_float(x), 0.0)
    raise TypeError('must be real number, not %s' % t.__name__)


def _float(x):
    if isinstance(x, float):
        return x
    t = type(x)
    if isinstance(x, int) or hasattr(t, '__float__') or hasattr(t, '__index__'):
        return float(x)
    raise TypeError('must be real number, not %s' % t.__name__)


def _class(x):
    if _m.isnan(x):
        return 6
    if _m.isinf(x):
        return 0 if x < 0 else 5
    if x != 0:
        return 1 if x < 0 else 4
    return 2 if _m.copysign(1.0, x) < 0 else 3


def _special(name, x, y):
    v = _TABLES[name][_class(x)][_class(y)]
    if v == 'ValueError':
        raise _Domain
    if v == 'OverflowError':
        raise _Range
    return complex(*v)


def _finite(z):
    return _m.isfinite(z.real) and _m.isfinite(z.imag)


def _wrap(impl, name):
    def f(z, /):
        z = _to_complex(z)
        try:
            return impl(z)
        except _Domain:
            raise ValueError('math domain error') from None
        except _Range:
            raise OverflowError('math range error') from None
    f.__name__ = f.__qualname__ = name
    f.__doc__ = impl.__doc__
    return f


def _check_overflow(r):
    if _m.isinf(r.real) or _m.isinf(r.imag):
        raise _Range
    return r


def _sqrt(z):
    """Return the square root of z."""
    if not _finite(z):
        return _special('sqrt', z.real, z.imag)
    if z.real == 0. and z.imag == 0.:
        return complex(0., z.imag)
    ax = abs(z.real)
    ay = abs(z.imag)
    if ax < _DBL_MIN and ay < _DBL_MIN:
        ax = _m.ldexp(ax, _SCALE_UP)
        s = _m.ldexp(_m.sqrt(ax + _hypot(ax, _m.ldexp(ay, _SCALE_UP))), _SCALE_DOWN)
    else:
        ax /= 8.
        s = 2. * _m.sqrt(ax + _hypot(ax, ay / 8.))
    d = ay / (2. * s)
    if z.real >= 0.:
        return complex(s, _m.copysign(d, z.imag))
    return complex(d, _m.copysign(s, z.imag))


def _exp(z):
    """Return the exponential value e**z."""
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) and _m.isfinite(y) and y != 0.:
            if x > 0:
                return complex(_m.copysign(inf, _m.cos(y)), _m.copysign(inf, _m.sin(y)))
            return complex(_m.copysign(0., _m.cos(y)), _m.copysign(0., _m.sin(y)))
        return _special('exp', x, y)
    if x > _LOG_LARGE_DOUBLE:
        l = _m.exp(x - 1.)
        r = complex(l * _m.cos(y) * e, l * _m.sin(y) * e)
    else:
        l = _m.exp(x)
        r = complex(l * _m.cos(y), l * _m.sin(y))
    return _check_overflow(r)


def _log1(z):
    if not _finite(z):
        return _special('log', z.real, z.imag)
    ax = abs(z.real)
    ay = abs(z.imag)
    if ax > _LARGE_DOUBLE or ay > _LARGE_DOUBLE:
        real = _m.log(_hypot(ax / 2., ay / 2.)) + _LN2
    elif ax < _DBL_MIN and ay < _DBL_MIN:
        if ax > 0. or ay > 0.:
            real = (_m.log(_hypot(_m.ldexp(ax, _DBL_MANT_DIG), _m.ldexp(ay, _DBL_MANT_DIG)))
                    - _DBL_MANT_DIG * _LN2)
        else:
            raise _Domain
    else:
        h = _hypot(ax, ay)
        if 0.71 <= h <= 1.73:
            am, an = (ax, ay) if ax > ay else (ay, ax)
            real = _m.log1p((am - 1) * (am + 1) + an * an) / 2.
        else:
            real = _m.log(h)
    return complex(real, _m.atan2(z.imag, z.real))


def log(x, base=None, /):
    """log(z[, base]) -> the logarithm of z to the given base (natural if not given)."""
    z = _to_complex(x)
    try:
        r = _log1(z)
        if base is not None:
            b = _log1(_to_complex(base))
            r = r / b
    except _Domain:
        raise ValueError('math domain error') from None
    except ZeroDivisionError:
        raise ValueError('math domain error') from None
    return r


def _log10(z):
    """Return the base-10 logarithm of z."""
    r = _log1(z)
    return complex(r.real / _LN10, r.imag / _LN10)


def _asinh(z):
    """Return the inverse hyperbolic sine of z."""
    x, y = z.real, z.imag
    if not _finite(z):
        return _special('asinh', x, y)
    if abs(x) > _LARGE_DOUBLE or abs(y) > _LARGE_DOUBLE:
        if y >= 0.:
            real = _m.copysign(_m.log(_hypot(x / 2., y / 2.)) + _LN2 * 2., x)
        else:
            real = -_m.copysign(_m.log(_hypot(x / 2., y / 2.)) + _LN2 * 2., -x)
        return complex(real, _m.atan2(y, abs(x)))
    s1 = _sqrt(complex(1. + y, -x))
    s2 = _sqrt(complex(1. - y, x))
    return complex(_m.asinh(s1.real * s2.imag - s2.real * s1.imag),
                   _m.atan2(y, s1.real * s2.real - s1.imag * s2.imag))


def _asin(z):
    """Return the arc sine of z."""
    s = _asinh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def _acos(z):
    """Return the arc cosine of z."""
    x, y = z.real, z.imag
    if not _finite(z):
        return _special('acos', x, y)
    if abs(x) > _LARGE_DOUBLE or abs(y) > _LARGE_DOUBLE:
        real = _m.atan2(abs(y), x)
        if x < 0.:
            imag = -_m.copysign(_m.log(_hypot(x / 2., y / 2.)) + _LN2 * 2., y)
        else:
            imag = _m.copysign(_m.log(_hypot(x / 2., y / 2.)) + _LN2 * 2., -y)
        return complex(real, imag)
    s1 = _sqrt(complex(1. - x, -y))
    s2 = _sqrt(complex(1. + x, y))
    return complex(2. * _m.atan2(s1.real, s2.real),
                   _m.asinh(s2.real * s1.imag - s2.imag * s1.real))


def _acosh(z):
    """Return the inverse hyperbolic cosine of z."""
    x, y = z.real, z.imag
    if not _finite(z):
        return _special('acosh', x, y)
    if abs(x) > _LARGE_DOUBLE or abs(y) > _LARGE_DOUBLE:
        return complex(_m.log(_hypot(x / 2., y / 2.)) + _LN2 * 2., _m.atan2(y, x))
    s1 = _sqrt(complex(x - 1., y))
    s2 = _sqrt(complex(x + 1., y))
    return complex(_m.asinh(s1.real * s2.real + s1.imag * s2.imag),
                   2. * _m.atan2(s1.imag, s2.real))


def _atanh(z):
    """Return the inverse hyperbolic tangent of z."""
    x, y = z.real, z.imag
    if not _finite(z):
        return _special('atanh', x, y)
    if x < 0.:
        r = _atanh(complex(-x, -y))
        return complex(-r.real, -r.imag)
    ay = abs(y)
    if x > _SQRT_LARGE_DOUBLE or ay > _SQRT_LARGE_DOUBLE:
        h = _hypot(x / 2., y / 2.)
        return complex(x / 4. / h / h, -_m.copysign(pi / 2., -y))
    if x == 1. and ay < _SQRT_DBL_MIN:
        if ay == 0.:
            raise _Domain
        return complex(-_m.log(_m.sqrt(ay) / _m.sqrt(_hypot(ay, 2.))),
                       _m.copysign(_m.atan2(2., -ay) / 2, y))
    return complex(_m.log1p(4. * x / ((1 - x) * (1 - x) + ay * ay)) / 4.,
                   -_m.atan2(-2. * y, (1 - x) * (1 + x) - ay * ay) / 2.)


def _atan(z):
    """Return the arc tangent of z."""
    s = _atanh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def _cosh(z):
    """Return the hyperbolic cosine of z."""
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) and _m.isfinite(y) and y != 0.:
            if x > 0:
                return complex(_m.copysign(inf, _m.cos(y)), _m.copysign(inf, _m.sin(y)))
            return complex(_m.copysign(inf, _m.cos(y)), -_m.copysign(inf, _m.sin(y)))
        return _special('cosh', x, y)
    if abs(x) > _LOG_LARGE_DOUBLE:
        x1 = x - _m.copysign(1., x)
        r = complex(_m.cos(y) * _m.cosh(x1) * e, _m.sin(y) * _m.sinh(x1) * e)
    else:
        r = complex(_m.cos(y) * _m.cosh(x), _m.sin(y) * _m.sinh(x))
    return _check_overflow(r)


def _sinh(z):
    """Return the hyperbolic sine of z."""
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) and _m.isfinite(y) and y != 0.:
            if x > 0:
                return complex(_m.copysign(inf, _m.cos(y)), _m.copysign(inf, _m.sin(y)))
            return complex(-_m.copysign(inf, _m.cos(y)), _m.copysign(inf, _m.sin(y)))
        return _special('sinh', x, y)
    if abs(x) > _LOG_LARGE_DOUBLE:
        x1 = x - _m.copysign(1., x)
        r = complex(_m.cos(y) * _m.sinh(x1) * e, _m.sin(y) * _m.cosh(x1) * e)
    else:
        r = complex(_m.cos(y) * _m.sinh(x), _m.sin(y) * _m.cosh(x))
    return _check_overflow(r)


def _tanh(z):
    """Return the hyperbolic tangent of z."""
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) and _m.isfinite(y) and y != 0.:
            return complex(1.0 if x > 0 else -1.0,
                           _m.copysign(0., 2. * _m.sin(y) * _m.cos(y)))
        return _special('tanh', x, y)
    if abs(x) > _LOG_LARGE_DOUBLE:
        return complex(_m.copysign(1., x), 4. * _m.sin(y) * _m.cos(y) * _m.exp(-2. * abs(x)))
    tx = _m.tanh(x)
    ty = _m.tan(y)
    cx = 1. / _m.cosh(x)
    txty = tx * ty
    denom = 1. + txty * txty
    return complex(tx * (1. + ty * ty) / denom, ((ty / denom) * cx) * cx)


def _cos(z):
    """Return the cosine of z."""
    return _cosh(complex(-z.imag, z.real))


def _sin(z):
    """Return the sine of z."""
    s = _sinh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def _tan(z):
    """Return the tangent of z."""
    s = _tanh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


sqrt = _wrap(_sqrt, 'sqrt')
exp = _wrap(_exp, 'exp')
log10 = _wrap(_log10, 'log10')
asinh = _wrap(_asinh, 'asinh')
asin = _wrap(_asin, 'asin')
acos = _wrap(_acos, 'acos')
acosh = _wrap(_acosh, 'acosh')
atanh = _wrap(_atanh, 'atanh')
atan = _wrap(_atan, 'atan')
cosh = _wrap(_cosh, 'cosh')
sinh = _wrap(_sinh, 'sinh')
tanh = _wrap(_tanh, 'tanh')
cos = _wrap(_cos, 'cos')
sin = _wrap(_sin, 'sin')
tan = _wrap(_tan, 'tan')


def phase(z, /):
    """Return argument, also known as the phase angle, of a complex."""
    z = _to_complex(z)
    return _m.atan2(z.imag, z.real)


def _abs(z):
    if not _finite(z):
        if _m.isinf(z.real) or _m.isinf(z.imag):
            return inf
        return nan
    r = _hypot(z.real, z.imag)
    if _m.isinf(r):
        raise OverflowError('absolute value too large')
    return r


def polar(z, /):
    """Convert a complex from rectangular coordinates to polar coordinates (r, phi)."""
    z = _to_complex(z)
    phi = _m.atan2(z.imag, z.real)
    try:
        r = _abs(z)
    except OverflowError:
        raise OverflowError('math range error') from None
    return r, phi


def rect(r, phi, /):
    """Convert from polar coordinates to rectangular coordinates."""
    r = _float(r)
    phi = _float(phi)
    if not (_m.isfinite(r) and _m.isfinite(phi)):
        if _m.isinf(r) and _m.isfinite(phi) and phi != 0.:
            if r > 0:
                return complex(_m.copysign(inf, _m.cos(phi)), _m.copysign(inf, _m.sin(phi)))
            return complex(-_m.copysign(inf, _m.cos(phi)), -_m.copysign(inf, _m.sin(phi)))
        try:
            return _special('rect', r, phi)
        except _Domain:
            raise ValueError('math domain error') from None
    if phi == 0.0:
        return complex(r, r * phi)
    return complex(r * _m.cos(phi), r * _m.sin(phi))


def isfinite(z, /):
    """Return True if both the real and imaginary parts of z are finite, else False."""
    z = _to_complex(z)
    return _m.isfinite(z.real) and _m.isfinite(z.imag)


def isnan(z, /):
    """Checks if the real or imaginary part of z not a number (NaN)."""
    z = _to_complex(z)
    return _m.isnan(z.real) or _m.isnan(z.imag)


def isinf(z, /):
    """Checks if the real or imaginary part of z is infinite."""
    z = _to_complex(z)
    return _m.isinf(z.real) or _m.isinf(z.imag)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    """Determine whether two complex numbers are close in value."""
    a = _to_complex(a)
    b = _to_complex(b)
    rel_tol = _float(rel_tol)
    abs_tol = _float(abs_tol)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if a.real == b.real and a.imag == b.imag:
        return True
    if _m.isinf(a.real) or _m.isinf(a.imag) or _m.isinf(b.real) or _m.isinf(b.imag):
        return False
    diff = _abs(a - b)
    return (diff <= rel_tol * _abs(b)) or (diff <= rel_tol * _abs(a)) or diff <= abs_tol
