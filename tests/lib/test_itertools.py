"""Compare lib/itertools with CPython's itertools."""

import itertools as I
from _support import load, outcome

S = load('itertools')


def run(script):
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(I)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


def take(it, n):
    return [next(it) for _ in range(n)]


def test_count_cycle_repeat():
    run(lambda m: take(m.count(), 3))
    run(lambda m: take(m.count(5, -2), 3))
    run(lambda m: take(m.count(0.5, 0.25), 3))
    for args in [(5,), (5, 2), (0, 1.0), (1.5,), (2 ** 70,), (1, 2.5), (1.0, 1), (0, True)]:
        run(lambda m: repr(m.count(*args)))
    run(lambda m: (lambda c: (next(c), repr(c)))(m.count(3)))
    run(lambda m: m.count('a'))
    run(lambda m: take(m.cycle('ab'), 5))
    run(lambda m: list(m.cycle([])))
    run(lambda m: [repr(m.repeat(1, 3)), repr(m.repeat('a')), repr(m.repeat(1, -3)), list(m.repeat(7, 2))])
    run(lambda m: (lambda r: (next(r), repr(r)))(m.repeat(1, 3)))
    run(lambda m: take(m.repeat(None), 2))
    run(lambda m: (lambda c: iter(c) is c)(m.count()))


def test_accumulate_chain():
    run(lambda m: list(m.accumulate([1, 2, 3, 4])))
    run(lambda m: list(m.accumulate([1, 2, 3, 4], max)))
    run(lambda m: list(m.accumulate([1, 2, 3], initial=100)))
    run(lambda m: list(m.accumulate([], initial=100)))
    run(lambda m: list(m.accumulate([])))
    run(lambda m: list(m.accumulate('abc')))
    run(lambda m: list(m.chain('ab', [1], (), range(2))))
    run(lambda m: list(m.chain.from_iterable(['ab', 'cd'])))
    run(lambda m: next(m.chain(1)))
    run(lambda m: type(m.chain()).__name__)
    run(lambda m: m.accumulate(5))


def test_filters():
    run(lambda m: list(m.compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
    run(lambda m: list(m.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
    run(lambda m: list(m.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
    run(lambda m: list(m.filterfalse(lambda x: x % 2, range(10))))
    run(lambda m: list(m.filterfalse(None, [0, 1, '', 'a', None])))
    run(lambda m: list(m.starmap(pow, [(2, 5), (3, 2)])))
    run(lambda m: list(m.pairwise('ABCDE')))
    run(lambda m: list(m.pairwise('A')))
    run(lambda m: m.pairwise(1))


def test_islice():
    data = list(range(20))
    for args in [(5,), (2, None), (None, 5, None), (2, 10, 3), (3, 3), (10, 2), (0,), (None,),
                 (1, None, 7), (25,), (-1,), (1, -1), (1, 2, 0), ('a',), (1.5,), (0, None, -1),
                 (), (1, 2, 3, 4), (0, 5, None)]:
        run(lambda m: list(m.islice(data, *args)))
    def consumed(m):
        it = iter(range(10))
        out = list(m.islice(it, 5, 2))
        return out, list(it)
    run(consumed)
    def consumed2(m):
        it = iter(range(10))
        out = list(m.islice(it, 1, 6, 2))
        return out, list(it)
    run(consumed2)
    run(lambda m: take(m.islice(m.count(), 0, None, 10), 3))


def test_groupby():
    run(lambda m: [(k, list(g)) for k, g in m.groupby('AAAABBBCCDAABBB')])
    run(lambda m: [k for k, g in m.groupby('AAAABBBCCD')])
    run(lambda m: [(k, list(g)) for k, g in m.groupby(range(10), lambda x: x // 3)])
    def stale(m):
        gb = m.groupby('aabbcc')
        k1, g1 = next(gb)
        k2, g2 = next(gb)
        return list(g1), list(g2), k1, k2
    run(stale)
    def partial_group(m):
        gb = m.groupby('aaabbb')
        k, g = next(gb)
        first = next(g)
        k2, g2 = next(gb)
        return first, k2, list(g2), list(gb)
    run(partial_group)


def test_tee():
    def s(m):
        a, b = m.tee(iter(range(5)))
        out = [next(a), next(a), list(b), list(a)]
        x, y, z = m.tee('abc', 3)
        out += [list(x), list(y), next(z)]
        out.append(m.tee([1], 0))
        c, d = m.tee(a)
        out.append(type(a).__name__)
        p, q = m.tee(iter([1, 2, 3]))
        next(p)
        r, s2 = m.tee(p)
        out += [list(r), list(s2), list(q)]
        return out
    run(s)
    run(lambda m: m.tee([], -1))


def test_zip_longest():
    run(lambda m: list(m.zip_longest('ABCD', 'xy', fillvalue='-')))
    run(lambda m: list(m.zip_longest('AB', [1, 2, 3], range(1))))
    run(lambda m: list(m.zip_longest()))
    run(lambda m: list(m.zip_longest('ab')))


def test_combinatorics():
    run(lambda m: list(m.product('ab', range(3))))
    run(lambda m: list(m.product(range(2), repeat=3)))
    run(lambda m: list(m.product()))
    run(lambda m: list(m.product('ab', [])))
    run(lambda m: list(m.product('ab', repeat=0)))
    run(lambda m: m.product([1], repeat=-1))
    for r in [None, 0, 1, 2, 3, 4, 5]:
        run(lambda m: list(m.permutations('abcd', r)))
        if r is not None:
            run(lambda m: list(m.combinations('abcd', r)))
            run(lambda m: list(m.combinations_with_replacement('abc', r)))
    run(lambda m: list(m.combinations_with_replacement('', 2)))
    run(lambda m: list(m.combinations_with_replacement('', 0)))
    run(lambda m: list(m.permutations('')))
    run(lambda m: list(m.combinations([], -1)))
    run(lambda m: list(m.permutations([], -1)))
    run(lambda m: len(list(m.permutations(range(6)))))
