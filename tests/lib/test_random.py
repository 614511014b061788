"""Compare lib/random with CPython's random: same seeds, same numbers."""

import random as R
from _support import load, outcome

S = load('random')
try:
    import warnings
except ImportError:  # spindle has no warnings module yet (and lib/random does not warn)
    pass
else:
    # CPython 3.11 warns about float arguments to randrange.
    warnings.simplefilter('ignore', DeprecationWarning)

SEEDS = [0, 1, 42, -7, 2 ** 32, 2 ** 32 - 1, 2 ** 100 + 12345, -(3 ** 90), 1.5, -0.0, 3.0,
         True, 'hello', '', 'ünïcode', b'bytes', bytearray(b'ba'), 10 ** 50]


def both(script, seeds=SEEDS):
    for seed in seeds:
        a = S.Random(seed)
        b = R.Random(seed)
        x = outcome(lambda: script(a))
        y = outcome(lambda: script(b))
        assert x == y, 'seed %r: spindle %r != cpython %r' % (seed, x, y)


def test_sha512():
    import hashlib
    for data in [b'', b'abc', b'x' * 111, b'y' * 112, b'z' * 300]:
        assert S._sha512(data) == hashlib.sha512(data).digest()


def test_random_stream():
    both(lambda r: [r.random() for _ in range(1300)])


def test_getrandbits():
    both(lambda r: [r.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 1000, 7]])
    both(lambda r: r.getrandbits(-1), [1])
    both(lambda r: r.getrandbits(1.5), [1])
    both(lambda r: r.randbytes(17), [1, 2])


def test_randrange_randint():
    both(lambda r: [r.randrange(10), r.randrange(1, 100), r.randrange(0, 100, 7),
                    r.randrange(100, 0, -3), r.randrange(2 ** 80), r.randint(-5, 5),
                    r.randrange(1), r.randint(3, 3), r.randrange(5, 7), r.randrange(3.0)]
         + [r.randrange(1000) for _ in range(200)])
    for args in [(0,), (5, 1), (1, 5, 0), (1.5,), (1, 5, -1), (1, 2.5), (1, 5, 1.5),
                 (5, None, 2), (1, 1), ('a',)]:
        both(lambda r: r.randrange(*args), [1])


def test_choice_shuffle_sample():
    pop = list(range(50))
    both(lambda r: [r.choice(pop) for _ in range(50)] + [r.choice('abc'), r.choice(range(7))])
    def sh(r):
        x = list(range(30))
        r.shuffle(x)
        y = list('abcdef')
        r.shuffle(y)
        return x, y
    both(sh)
    both(lambda r: [r.sample(pop, 5), r.sample(pop, 50), r.sample(range(10 ** 6), 10),
                    r.sample(range(100), 30), r.sample('abcdefg', 0), r.sample(pop, 6),
                    r.sample(['a', 'b'], 5, counts=[3, 4]), r.sample(range(2000), 200)])
    for f in [lambda r: r.choice([]), lambda r: r.sample([1], 2), lambda r: r.sample({1}, 1),
              lambda r: r.sample({1: 2}, 1), lambda r: r.sample([1, 2], -1),
              lambda r: r.sample([1, 2], 1, counts=[1]), lambda r: r.sample([1, 2], 1, counts=[0, 0]),
              lambda r: r.sample([1, 2], 1, counts=[1.5, 1])]:
        both(f, [1])


def test_choices():
    pop = 'abcdefghij'
    both(lambda r: [r.choices(pop), r.choices(pop, k=20), r.choices(pop, weights=range(10), k=20),
                    r.choices(pop, cum_weights=list(range(1, 11)), k=5),
                    r.choices([1, 2], [0.1, 0.9], k=10), r.choices(range(3), k=0)])
    for f in [lambda r: r.choices([1, 2], [1], k=2), lambda r: r.choices([1, 2], [0, 0]),
              lambda r: r.choices([1, 2], [1, 2], cum_weights=[1, 2]), lambda r: r.choices([], k=1),
              lambda r: r.choices([1], [float('inf')])]:
        both(f, [1])


def test_distributions():
    def s(r):
        out = []
        for _ in range(20):
            out += [r.uniform(1, 5), r.triangular(), r.triangular(0, 10, 2), r.triangular(1, 1),
                    r.normalvariate(), r.normalvariate(5, 2), r.gauss(), r.gauss(3, 0.5),
                    r.expovariate(2.0), r.lognormvariate(0, 1), r.vonmisesvariate(1, 4),
                    r.vonmisesvariate(0, 0), r.gammavariate(0.5, 1), r.gammavariate(1.0, 2),
                    r.gammavariate(3.5, 2), r.betavariate(2, 3), r.paretovariate(3),
                    r.weibullvariate(1, 2)]
        return out
    both(s)
    both(lambda r: r.gammavariate(0, 1), [1])
    both(lambda r: r.expovariate(), [1])


def test_state():
    def s(mod):
        r = mod.Random(99)
        r.random()
        r.gauss()
        st = r.getstate()
        a = [r.random(), r.gauss()]
        r.setstate(st)
        b = [r.random(), r.gauss()]
        return st, a, b
    assert outcome(s, S) == outcome(s, R)
    st = R.Random(5).getstate()
    r = S.Random()
    r.setstate(st)
    assert [r.random() for _ in range(10)] == [R.Random(5).random() for _ in range(1)] + [
        x for x in (lambda q: [q.random() for _ in range(10)])(R.Random(5))][1:]
    for bad in [(1, 2, 3), (3, (1, 2), None), (3, tuple([0] * 624 + [625]), None),
                (3, [0] * 625, None)]:
        both(lambda r: r.setstate(bad), [1])


def test_seed_types():
    both(lambda r: r.seed([1]), [1])
    both(lambda r: (r.seed('abc', version=1), r.random())[1], [1])
    both(lambda r: (r.seed(b'abc', version=1), r.random())[1], [1])
    both(lambda r: (r.seed(12, version=1), r.random())[1], [1])


def test_module_functions():
    S.seed(1234)
    R.seed(1234)
    a = [S.random(), S.randint(1, 6), S.choice('xyz'), S.sample(range(10), 3), S.gauss()]
    b = [R.random(), R.randint(1, 6), R.choice('xyz'), R.sample(range(10), 3), R.gauss()]
    assert a == b, (a, b)
    x = S.Random()
    y = S.Random()
    assert x.random() != y.random()


def test_subclass():
    class Mine(S.Random):
        def random(self):
            return 0.5
    class Theirs(R.Random):
        def random(self):
            return 0.5
    a, b = Mine(3), Theirs(3)
    assert [a.randrange(10), a.choice('abcd'), a.uniform(0, 2)] == \
           [b.randrange(10), b.choice('abcd'), b.uniform(0, 2)]
