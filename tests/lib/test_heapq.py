"""Compare lib/heapq with CPython's heapq (same heap layouts)."""

import heapq as H
import random
from _support import load, outcome

S = load('heapq')


def run(script):
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(H)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


def test_push_pop_layout():
    rng = random.Random(7)
    for trial in range(30):
        data = [rng.randrange(50) for _ in range(rng.randrange(40))]
        def s(m):
            h = []
            layouts = []
            for x in data:
                m.heappush(h, x)
                layouts.append(list(h))
            out = []
            while h:
                out.append(m.heappop(h))
                layouts.append(list(h))
            return out, layouts
        run(s)
        run(lambda m: (lambda h: (m.heapify(h), h)[1])(list(data)))
        def r(m):
            h = list(data)
            m.heapify(h)
            out = [m.heapreplace(h, 25) if h else None, m.heappushpop(h, 10), m.heappushpop(h, -1)]
            return out, h
        run(r)


def test_tuples_and_errors():
    run(lambda m: (lambda h: [m.heappush(h, x) for x in [(2, 'b'), (1, 'z'), (2, 'a')]] and
                   [m.heappop(h) for _ in range(3)])([]))
    for f in [lambda m: m.heappop([]), lambda m: m.heappush((), 1), lambda m: m.heapify(()),
              lambda m: m.heapreplace([], 1), lambda m: m.heappop(()),
              lambda m: m.heappushpop((), 1), lambda m: m.heappush([1], 'a')]:
        run(f)


def test_nlargest_nsmallest():
    rng = random.Random(3)
    data = [rng.randrange(20) for _ in range(60)]
    for n in [-1, 0, 1, 2, 5, 60, 100]:
        run(lambda m: m.nsmallest(n, data))
        run(lambda m: m.nlargest(n, data))
        run(lambda m: m.nsmallest(n, data, key=lambda x: -x))
        run(lambda m: m.nlargest(n, [(x % 3, i) for i, x in enumerate(data)], key=lambda t: t[0]))
    run(lambda m: m.nsmallest(2, 5))


def test_merge():
    run(lambda m: list(m.merge([1, 3, 5], [2, 4, 6], [0, 7])))
    run(lambda m: list(m.merge()))
    run(lambda m: list(m.merge([], [1])))
    run(lambda m: list(m.merge([5, 3, 1], [6, 2], reverse=True)))
    run(lambda m: list(m.merge(['a', 'bb'], ['B', 'ccc'], key=len)))
    run(lambda m: list(m.merge([(1, 'x'), (2, 'y')], [(1, 'a'), (2, 'b')], key=lambda t: t[0])))
    run(lambda m: list(m.merge([3, 2], [3, 1], key=lambda v: v, reverse=True)))
