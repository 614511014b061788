# Hostile uses of collections.deque: huge repeats, deep nesting, re-entrant __eq__, odd indexes.
from collections import deque

def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__)

attempt(lambda: deque([1, 2]) * (2 ** 62))
attempt(lambda: deque([1, 2]) * (2 ** 200))
attempt(lambda: deque(range(3), 2 ** 62) * (2 ** 61))
attempt(lambda: deque([1]).rotate(-2 ** 63))
attempt(lambda: deque([1, 2, 3]).rotate(-(2 ** 63) + 1))
attempt(lambda: deque([1, 2, 3]).insert(-2 ** 63, 0))
attempt(lambda: deque([1, 2, 3])[-2 ** 63])
attempt(lambda: deque([1, 2, 3]).index(1, -2 ** 63, -2 ** 63))
attempt(lambda: deque([], 2 ** 63 - 1).extend(range(10)))
attempt(lambda: type(iter(deque()))(deque([1]), -2 ** 63))
attempt(lambda: type(iter(deque()))(deque([1]), 2 ** 63 - 1))

d = deque()
for _ in range(200000):
    d = deque([d])
attempt(lambda: repr(d))
attempt(lambda: d == deque([d]))
del d

class Evil:
    def __init__(self, q):
        self.q = q
    def __eq__(self, other):
        self.q.clear()
        self.q.extend(range(100))
        return False
q = deque()
q.extend(Evil(q) for _ in range(3))
for op in (lambda: q.index(5), lambda: q.count(5), lambda: 5 in q, lambda: q.remove(5), lambda: q == deque([1, 2, 3])):
    attempt(op)

class Grow:
    def __iter__(self):
        return self
    def __next__(self):
        g.extend([1, 2])
        if len(g) > 1000:
            raise StopIteration
        return 0
g = deque()
attempt(lambda: g.extend(Grow()))
attempt(lambda: g.extendleft(Grow()))
it = iter(g)
g.clear()
attempt(lambda: next(it))
s = deque(); s.append(s); s.extend(s); s *= 3
attempt(lambda: repr(s))
attempt(lambda: s == s)
print('done')
