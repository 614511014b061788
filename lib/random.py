"""Pseudo-random numbers, bit-for-bit compatible with CPython 3.11.

Written for Spindle from the documented behaviour of CPython's `random`
module.  The generator is the Mersenne Twister MT19937 (Matsumoto and
Nishimura, 1998), reimplemented here in Python.  Seeding follows CPython:

- an int seed uses its absolute value, split into 32-bit words (least
  significant first), fed to MT's `init_by_array`;
- a float seed uses `abs(hash(seed))`;
- a str/bytes/bytearray seed (version 2, the default) becomes the int
  `int.from_bytes(s + sha512(s).digest(), 'big')` (sha512 is computed by a
  small pure-Python implementation below, since `hashlib` is not available);
- no seed mixes `time.time_ns()` and `os.getpid()` (CPython uses os.urandom).

Every distribution draws from `random()` / `getrandbits()` in the same order
as CPython, so equal seeds give equal results.  The module-level functions
are the bound methods of one hidden `Random()` instance.
"""

import math as _math
from warnings import warn as _warn
import os as _os
import time as _time

__all__ = ['Random', 'SystemRandom', 'betavariate', 'choice', 'choices',
           'expovariate', 'gammavariate', 'gauss', 'getrandbits', 'getstate',
           'lognormvariate', 'normalvariate', 'paretovariate', 'randbytes',
           'randint', 'random', 'randrange', 'sample', 'seed', 'setstate',
           'shuffle', 'triangular', 'uniform', 'vonmisesvariate',
           'weibullvariate']

NV_MAGICCONST = 4 * _math.exp(-0.5) / _math.sqrt(2.0)
TWOPI = 2.0 * _math.pi
LOG4 = _math.log(4.0)
SG_MAGICCONST = 1.0 + _math.log(4.5)
BPF = 53
RECIP_BPF = 2 ** -BPF

_N = 624
_M = 397
_MATRIX_A = 0x9908b0df
_UPPER = 0x80000000
_LOWER = 0x7fffffff
_MASK32 = 0xffffffff


################################################################################
### SHA-512 (FIPS 180-4), only for seeding from str/bytes
################################################################################

_SHA512_K = None


def _sha512_constants():
    # K[i] is the first 64 bits of the fractional part of the cube root of
    # the i-th prime; H0 the same for the square roots of the first 8 primes.
    primes = []
    n = 2
    while len(primes) < 80:
        if all(n % p for p in primes if p * p <= n):
            primes.append(n)
        n += 1

    def frac_root(p, k):
        # floor(frac(p ** (1/k)) * 2**64), computed exactly with integers.
        scale = 1 << 64
        target = p * scale ** k
        lo, hi = 0, 1
        while hi ** k <= target:
            hi <<= 1
        while lo < hi - 1:
            mid = (lo + hi) // 2
            if mid ** k <= target:
                lo = mid
            else:
                hi = mid
        return lo & ((1 << 64) - 1)

    return ([frac_root(p, 3) for p in primes], [frac_root(p, 2) for p in primes[:8]])


def _sha512(data):
    global _SHA512_K
    if _SHA512_K is None:
        _SHA512_K = _sha512_constants()
    K, H0 = _SHA512_K
    mask = (1 << 64) - 1

    def rotr(x, n):
        return ((x >> n) | (x << (64 - n))) & mask

    data = bytes(data)
    length = len(data) * 8
    data += b'\x80' + b'\x00' * ((111 - len(data)) % 128) + length.to_bytes(16, 'big')
    h = list(H0)
    for start in range(0, len(data), 128):
        block = data[start:start + 128]
        w = [int.from_bytes(block[i:i + 8], 'big') for i in range(0, 128, 8)]
        for i in range(16, 80):
            s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7)
            s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6)
            w.append((w[i - 16] + s0 + w[i - 7] + s1) & mask)
        a, b, c, d, e, f, g, hh = h
        for i in range(80):
            S1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)
            ch = (e & f) ^ (~e & g)
            t1 = (hh + S1 + ch + K[i] + w[i]) & mask
            S0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (S0 + maj) & mask
            hh, g, f, e, d, c, b, a = g, f, e, (d + t1) & mask, c, b, a, (t1 + t2) & mask
        h = [(x + y) & mask for x, y in zip(h, [a, b, c, d, e, f, g, hh])]
    return b''.join(x.to_bytes(8, 'big') for x in h)


################################################################################
### Random
################################################################################

def _index(value):
    if isinstance(value, int):
        return value
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return method(value)


class Random:
    """Random number generator base class used by bound module functions.

    Subclass and override random(), seed(), getstate() and setstate() (and
    optionally getrandbits()) to use a different core generator.
    """

    VERSION = 3

    def __init__(self, x=None):
        """Initialize an instance.

        Optional argument x controls seeding, as for Random.seed().
        """
        self._mt = [0] * _N
        self._mti = _N + 1
        self.seed(x)
        self.gauss_next = None

    # -- the Mersenne Twister core --------------------------------------------

    def _init_genrand(self, s):
        mt = self._mt
        mt[0] = s & _MASK32
        for i in range(1, _N):
            prev = mt[i - 1]
            mt[i] = (1812433253 * (prev ^ (prev >> 30)) + i) & _MASK32
        self._mti = _N

    def _init_by_array(self, key):
        self._init_genrand(19650218)
        mt = self._mt
        i, j = 1, 0
        klen = len(key)
        for _ in range(max(_N, klen)):
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + j) & _MASK32
            i += 1
            j += 1
            if i >= _N:
                mt[0] = mt[_N - 1]
                i = 1
            if j >= klen:
                j = 0
        for _ in range(_N - 1):
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & _MASK32
            i += 1
            if i >= _N:
                mt[0] = mt[_N - 1]
                i = 1
        mt[0] = 0x80000000

    def _twist(self):
        mt = self._mt
        for kk in range(_N):
            y = (mt[kk] & _UPPER) | (mt[(kk + 1) % _N] & _LOWER)
            value = mt[(kk + _M) % _N] ^ (y >> 1)
            if y & 1:
                value ^= _MATRIX_A
            mt[kk] = value
        self._mti = 0

    def _genrand_uint32(self):
        if self._mti >= _N:
            self._twist()
        y = self._mt[self._mti]
        self._mti += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        return y

    def _seed_int(self, n):
        n = abs(n)
        key = []
        while n:
            key.append(n & _MASK32)
            n >>= 32
        if not key:
            key = [0]
        self._init_by_array(key)

    # -- public core API --------------------------------------------------------

    def seed(self, a=None, version=2):
        """Initialize internal state from a seed.

        None seeds from the current time and process id; int and float seeds
        and (version 2) str, bytes and bytearray seeds are deterministic.
        """
        if version == 1 and isinstance(a, (str, bytes)):
            if isinstance(a, bytes):
                a = a.decode('latin-1')
            x = ord(a[0]) << 7 if a else 0
            for c in a:
                x = ((1000003 * x) ^ ord(c)) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            a = bytes(a)
            a = int.from_bytes(a + _sha512(a), 'big')
        elif not (a is None or isinstance(a, (int, float, str, bytes, bytearray))):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        if a is None:
            a = (_time.time_ns() << 32) ^ (_os.getpid() << 16) ^ id(self)
        elif isinstance(a, int):
            a = int(a)
        else:
            a = hash(a)
        self._seed_int(a)
        self.gauss_next = None

    def getstate(self):
        """Return internal state; can be passed to setstate() later."""
        return self.VERSION, tuple(self._mt) + (self._mti,), self.gauss_next

    def setstate(self, state):
        """Restore internal state from object returned by getstate()."""
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
        elif version == 2:
            version, internalstate, self.gauss_next = state
            try:
                internalstate = tuple(x % (2 ** 32) for x in internalstate)
            except ValueError as e:
                raise TypeError from e
        else:
            raise ValueError('state with version %s passed to '
                             'Random.setstate() of version %s' % (version, self.VERSION))
        if not isinstance(internalstate, tuple):
            raise TypeError('state vector must be a tuple')
        if len(internalstate) != _N + 1:
            raise ValueError('state vector is the wrong size')
        mt = [int(x) & _MASK32 for x in internalstate[:_N]]
        index = int(internalstate[_N])
        if index < 0 or index > _N:
            raise ValueError('invalid state')
        self._mt = mt
        self._mti = index

    def random(self):
        """random() -> x in the interval [0, 1)."""
        a = self._genrand_uint32() >> 5
        b = self._genrand_uint32() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        """getrandbits(k) -> x.  Generates an int with k random bits."""
        k = _index(k)
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        if k == 0:
            return 0
        if k <= 32:
            return self._genrand_uint32() >> (32 - k)
        result = 0
        shift = 0
        while k > 0:
            r = self._genrand_uint32()
            if k < 32:
                r >>= 32 - k
            result |= r << shift
            shift += 32
            k -= 32
        return result

    def randbytes(self, n):
        """Generate n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    # -- integers ------------------------------------------------------------------

    def _randbelow(self, n):
        """Return a random int in the range [0,n).  Defined for n > 0."""
        cls = type(self)
        if cls.random is not Random.random and cls.getrandbits is Random.getrandbits:
            return self._randbelow_without_getrandbits(n)
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        random = self.random
        if n >= maxsize:
            return _math.floor(random() * n)
        if n == 0:
            return 0
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return _math.floor(r * maxsize) % n

    def randrange(self, start, stop=None, step=1):
        """Choose a random item from range(stop) or range(start, stop[, step]).

        Roughly equivalent to ``choice(range(start, stop, step))`` but
        supports arbitrarily large ranges.
        """
        istart = self._randrange_arg(start, 'arg 1')
        if stop is None:
            if step != 1 or type(step) is not int:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError('empty range for randrange()')
        istop = self._randrange_arg(stop, 'stop')
        width = istop - istart
        istep = self._randrange_arg(step, 'step')
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError('empty range for randrange() (%d, %d, %d)' % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError('zero step for randrange()')
        if n <= 0:
            raise ValueError('empty range for randrange()')
        return istart + istep * self._randbelow(n)

    @staticmethod
    def _randrange_arg(value, what):
        try:
            return _index(value)
        except TypeError:
            ivalue = int(value)
            if ivalue != value:
                _warn('randrange() will raise TypeError in the future', DeprecationWarning, 3)
                raise ValueError('non-integer %s for randrange()' % what) from None
            # As CPython 3.11 (attributed to randrange's caller).
            _warn('non-integer arguments to randrange() have been deprecated '
                  'since Python 3.10 and will be removed in a subsequent '
                  'version', DeprecationWarning, 3)
            return ivalue

    def randint(self, a, b):
        """Return random integer in range [a, b], including both end points."""
        return self.randrange(a, b + 1)

    # -- sequences -------------------------------------------------------------------

    def choice(self, seq):
        """Choose a random element from a non-empty sequence."""
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffle list x in place, and return None."""
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """Chooses k unique random elements from a population sequence.

        Returns a new list containing elements from the population while
        leaving the original population unchanged.  Repeated elements can be
        given through `counts`.
        """
        if not _is_sequence(population):
            raise TypeError('Population must be a sequence.  '
                            'For dicts or sets, use sorted(d).')
        n = len(population)
        if counts is not None:
            cum_counts = []
            total = 0
            for c in counts:
                total = total + c
                cum_counts.append(total)
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the population')
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            selections = self.sample(range(total), k=k)
            return [population[_bisect_right(cum_counts, s, 0, len(cum_counts))]
                    for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError('Sample larger than population or is negative')
        result = [None] * k
        setsize = 21
        if k > 5:
            setsize += 4 ** _math.ceil(_math.log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """Return a k sized list of population elements chosen with replacement.

        If the relative weights or cumulative weights are not specified,
        the selections are made with equal probability.
        """
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[_math.floor(random() * n)] for _ in range(k)]
            cum_weights = []
            total = None
            for w in weights:
                total = w if total is None else total + w
                cum_weights.append(total)
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _math.isfinite(total):
            raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_bisect_right(cum_weights, random() * total, 0, hi)]
                for _ in range(k)]

    # -- real-valued distributions ---------------------------------------------------

    def uniform(self, a, b):
        """Get a random number in the range [a, b) or [a, b] depending on rounding."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution with the given low, high and mode."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _math.sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan's method)."""
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_math.log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Gaussian distribution (Box-Muller; keeps the second value for the next call)."""
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = self.random() * TWOPI
            g2rad = _math.sqrt(-2.0 * _math.log(1.0 - self.random()))
            z = _math.cos(x2pi) * g2rad
            self.gauss_next = _math.sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log normal distribution."""
        return _math.exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd (1.0 / desired mean)."""
        return -_math.log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Circular data distribution with mean angle mu and concentration kappa."""
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _math.sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _math.cos(_math.pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _math.exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            return (mu + _math.acos(f)) % TWOPI
        return (mu - _math.acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        """Gamma distribution.  Not the gamma function!"""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        random = self.random
        if alpha > 1.0:
            # Cheng's rejection algorithm GB.
            ainv = _math.sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _math.log(u1 / (1.0 - u1)) / ainv
                x = alpha * _math.exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _math.log(z):
                    return x * beta
        if alpha == 1.0:
            return -_math.log(1.0 - random()) * beta
        # alpha < 1: Ahrens and Dieter's algorithm GS.
        while True:
            u = random()
            b = (_math.e + alpha) / _math.e
            p = b * u
            if p <= 1.0:
                x = p ** (1.0 / alpha)
            else:
                x = -_math.log((b - p) / alpha)
            u1 = random()
            if p > 1.0:
                if u1 <= x ** (alpha - 1.0):
                    break
            elif u1 <= _math.exp(-x):
                break
        return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution; returned values range between 0 and 1."""
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """Pareto distribution.  alpha is the shape parameter."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution with scale alpha and shape beta."""
        u = 1.0 - self.random()
        return alpha * (-_math.log(u)) ** (1.0 / beta)


def _is_sequence(obj):
    if isinstance(obj, (list, tuple, str, range, bytes, bytearray)):
        return True
    if isinstance(obj, (dict, set, frozenset)) or hasattr(obj, 'keys'):
        return False
    return hasattr(obj, '__getitem__') and hasattr(obj, '__len__')


def _bisect_right(a, x, lo, hi):
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


class SystemRandom(Random):
    """Random numbers from the operating system (os.urandom); not reproducible."""

    def random(self):
        """Get the next random number in the range [0.0, 1.0)."""
        return (int.from_bytes(_os.urandom(7), 'big') >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """getrandbits(k) -> x.  Generates an int with k random bits."""
        k = _index(k)
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        numbytes = (k + 7) // 8
        x = int.from_bytes(_os.urandom(numbytes), 'big')
        return x >> (numbytes * 8 - k)

    def randbytes(self, n):
        """Generate n random bytes."""
        return _os.urandom(n)

    def seed(self, *args, **kwds):
        """Stub method.  Not used for a system random number generator."""
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _notimplemented


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
