# collections.deque: subclasses (own __init__, repr name, copy, +, *), pickle and copy.
from collections import deque
import copy, pickle

class Named(deque):
    pass

class Pair(deque):
    def __init__(self, a, b):
        super().__init__([a, b])

class Tagged(deque):
    def __init__(self, it=(), maxlen=None, tag='t'):
        super().__init__(it, maxlen)
        self.tag = tag
    def __repr__(self):
        return 'Tagged<%s>%s' % (self.tag, list(self))

n = Named('abc', 5)
print(n, type(n).__name__, isinstance(n, deque), n.maxlen)
c = n.copy(); print(c, type(c).__name__)
print(type(n + deque('d')).__name__, n + deque('d'), type(n * 2).__name__, type(copy.copy(n)).__name__)
n.x = 1; print(n.x, n.__reduce__()[2], Named().__reduce__()[2])
p = Pair(1, 2); print(p, len(p))
for f in [lambda: p.copy(), lambda: p + deque(), lambda: p * 2, lambda: copy.copy(p)]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError:', e)
tg = Tagged([1, 2], tag='z'); print(tg, repr(tg), str(tg))
print(Named([1]) == deque([1]), deque([1]) == Named([1]), Named([1]) < Named([2]), Named('ab') != deque('ab'))

class Bad(deque):
    def __init__(self, *a):
        pass
    def __new__(cls, *a):
        if a:
            return [1]
        return super().__new__(cls)
try:
    Bad().copy()
except TypeError as e:
    print('TypeError:', e)

red = deque([1, 2], 4).__reduce__()
print(red[0], red[1], red[2], list(red[3]))
for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    d = deque([1, 'two', (3,)], maxlen=7)
    e = pickle.loads(pickle.dumps(d, proto))
    print(proto, e, e.maxlen, e == d)
    nn = Named([1, 2]); nn.attr = 'kept'
    m = pickle.loads(pickle.dumps(nn, proto))
    print(proto, type(m).__name__, m, m.attr)
inner = [1, 2]
d = deque([inner, inner], 3)
dc, dd = copy.copy(d), copy.deepcopy(d)
print(dc, dc[0] is inner, dd, dd[0] is inner, dd[0] is dd[1], dd.maxlen)
rec = deque(); rec.append(rec)
r2 = copy.deepcopy(rec); print(r2, r2[0] is r2)
r3 = pickle.loads(pickle.dumps(rec)); print(r3, r3[0] is r3)
it = iter(deque([1, 2, 3])); next(it)
print(it.__reduce__()[1][1], list(type(it)(deque('abc'), 1)), list(type(it)(deque('abc'), 9)), list(type(reversed(deque()))(deque('abc'), 1)))
