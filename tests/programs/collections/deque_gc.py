# collections.deque: reference cycles through deques (and their iterators) are collected.
import gc, weakref
from collections import deque

class A:
    pass

gc.collect()
d = deque(); d.append(d); wd = weakref.ref(d)
a = A(); a.q = deque([a], maxlen=3); wa = weakref.ref(a)
b = A(); b.it = iter(deque([b])); wb = weakref.ref(b)
s = type('S', (deque,), {})(); s.me = s; ws = weakref.ref(s)
print(gc.is_tracked(deque()), gc.is_tracked(d))
del d, a, b, s
print(gc.collect() >= 4, wd(), wa(), wb(), ws())
