# __eq__ / __lt__ / sort keys that mutate the container being searched, compared or sorted:
# list.remove/index/count, in, ==, sort, dict get/set/pop, set add/discard, tuple.count.
L = [1, 2, 3, 4]
class M:
    def __eq__(self, o):
        L.clear(); return False
    def __lt__(self, o):
        L.clear(); return False
    __hash__ = object.__hash__
print(M() in L, L)
L.extend([1, 2, 3]); L2 = [1, 2, M()]
print(L == L2 + [0], L2 == [1, 2, 3], L)
L.extend([M(), M(), 3])
try:
    L.sort()
except Exception as e: print(type(e).__name__, e)
print(len(L))
L.extend([3, 1, 2])
try:
    L.sort(key=lambda x: L.append(x) or x)
except Exception as e: print(type(e).__name__, e)
print(len(L))
d = {}
class K:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
    def __eq__(self, o):
        d.clear(); return True
d[K(1)] = 1; d[K(2)] = 2
print(d.get(K(1)), len(d))
d[K(1)] = 1; d[K(2)] = 2
d[K(1)] = 5
print(len(d), list(d.values()))
d[K(1)] = 1
print(d.pop(K(1), 'gone'), len(d))
s = set()
class S(K):
    def __eq__(self, o):
        s.clear(); return True
    __hash__ = K.__hash__
s.add(S(1)); s.add(S(1)); print(len(s))
s.add(S(1)); s.discard(S(1)); print(len(s))
t = (1, 2, M())
print(t.count(3), t.index(1))
