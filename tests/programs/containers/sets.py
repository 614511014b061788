# set and frozenset operations (printed sorted or with ints only).
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(b, {4}), a.difference({1}), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(range(10)), a.isdisjoint({7}), a == {4, 3, 2, 1})
s = set()
s.add(3); s.add(3); s.add(1)
print(s, len(s))
s.update([5, 6], {7})
s.discard(100); s.remove(5)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print('KeyError:', e)
x = s.pop()
print(x in s, len(s))
fs = frozenset([1, 2, 2])
print(fs, type(fs).__name__, fs | {9}, {fs: 'hashable'}[frozenset({2, 1})])
try:
    fs.add(3)
except AttributeError as e:
    print('AttributeError:', e)
print(sorted({'pear', 'apple', 'fig'}), sorted(set('hello')))
print(set(), frozenset(), set([]) == frozenset(), {1, 2} == frozenset({1, 2}))
t = {1, 2, 3}
t &= {2, 3, 4}; print(t)
t |= {8}; print(t)
t -= {2}; print(t)
t ^= {3, 9}; print(t)
print(type(frozenset({1}) | {2}).__name__, type({2} | frozenset({1})).__name__)
print({i * i for i in range(-3, 4)} == {0, 1, 4, 9})
