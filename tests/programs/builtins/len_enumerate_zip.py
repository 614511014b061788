# len, enumerate and zip.
print(len([1, 2]), len('abc'), len({}), len(range(10)), len(b'xy'), len({1: 2, 3: 4}), len((1,)))
try:
    len(5)
except TypeError as e:
    print('TypeError:', e)
print(list(enumerate('abc')), list(enumerate('ab', 1)), list(enumerate([], 5)))
e = enumerate(['x', 'y'], start=-1)
print(next(e), next(e), type(e).__name__)
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip(*['ab', 'cd'])))
print(dict(zip(['k1', 'k2'], [10, 20])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print('ValueError:', e)
names, ages = zip(*[('a', 1), ('b', 2)])
print(names, ages)
for i, (a, b) in enumerate(zip('xy', 'pq')):
    print(i, a, b)
