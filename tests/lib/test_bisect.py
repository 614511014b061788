"""Compare lib/bisect with CPython's bisect."""

import bisect as B
from _support import load, outcome

S = load('bisect')


def run(script):
    a = outcome(lambda: repr(script(S)))
    b = outcome(lambda: repr(script(B)))
    assert a == b, 'spindle %r != cpython %r' % (a, b)


def test_bisect():
    a = [1, 2, 2, 2, 3, 5, 8]
    for x in [0, 1, 2, 2.5, 3, 8, 9]:
        for args in [(), (2,), (2, 5), (0, 0), (6, 100)]:
            for name in ['bisect', 'bisect_left', 'bisect_right']:
                run(lambda m: getattr(m, name)(a, x, *args))
    run(lambda m: m.bisect(a, 2, -1))
    run(lambda m: m.bisect_left(a, 2, lo=-1))
    recs = [('a', 1), ('b', 2), ('c', 2), ('d', 4)]
    for x in [0, 2, 3, 5]:
        run(lambda m: (m.bisect_left(recs, x, key=lambda r: r[1]), m.bisect_right(recs, x, key=lambda r: r[1]),
                       m.bisect(recs, x, 1, 3, key=lambda r: r[1])))


def test_insort():
    def s(m):
        a = []
        for x in [5, 1, 3, 3, 9, 0, 3]:
            m.insort(a, x)
        b = [1, 1.0]
        m.insort_left(b, 1.0)
        m.insort_right(b, 1)
        recs = [('a', 1), ('c', 3)]
        m.insort(recs, ('b', 2), key=lambda r: r[1])
        m.insort_left(recs, ('z', 1), key=lambda r: r[1])
        m.insort_right(recs, ('y', 3), key=lambda r: r[1])
        return a, [type(v).__name__ for v in b], recs
    run(s)
    run(lambda m: m.insort([], 1, -1))
