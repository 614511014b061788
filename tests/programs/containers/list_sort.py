# Sorting: stability, keys, reverse, mixed types error.
data = [('b', 2), ('a', 2), ('c', 1), ('a', 1)]
print(sorted(data), sorted(data, key=lambda p: p[1]), sorted(data, key=lambda p: p[1], reverse=True))
words = 'banana Apple cherry apple Banana date'.split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
l = [5, 2, 8, 1, 9]
l.sort(); print(l)
l.sort(reverse=True); print(l)
print(l.sort() is None)
try:
    [1, 'a', 2].sort()
except TypeError as e:
    print('TypeError:', e)
print(sorted([[2, 1], [1, 2], [1, 1, 1], []]))
print(sorted('hello world'), sorted({3: 'c', 1: 'a'}), sorted((-1, 3, -2), key=abs))
recs = [{'n': 'x', 'v': 3}, {'n': 'y', 'v': 1}, {'n': 'z', 'v': 3}]
print([r['n'] for r in sorted(recs, key=lambda r: -r['v'])])
print(sorted([0.5, -1, 2, True, False]))
big = list(range(1000, 0, -7))
print(sorted(big)[:5], sorted(big) == sorted(big, reverse=True)[::-1])
