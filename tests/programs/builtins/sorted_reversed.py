# sorted and reversed.
print(sorted([3, 1, 2]), sorted('cba'), sorted((2, 1)), sorted({'b': 1, 'a': 2}))
print(sorted([3, 1, 2], reverse=True), sorted(['aa', 'b', 'ccc'], key=len))
r = reversed([1, 2, 3])
print(type(r).__name__, list(r), list(r))
print(list(reversed('abc')), list(reversed(range(4))), list(reversed((1, 2))), list(reversed({'x': 1, 'y': 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print('TypeError:', e)
print(sorted([]), sorted([5]), sorted([2, 1], key=None))
