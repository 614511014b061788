# min, max, sum with keys, defaults and start values.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min('b', 'a'))
print(max([1, -5, 3], key=abs), min(['bb', 'a', 'ccc'], key=len), max([], default='empty'))
print(max([(1, 'b'), (1, 'a')]), min({'x': 3, 'y': 1}, key=lambda k: {'x': 3, 'y': 1}[k]))
for bad in [lambda: min([]), lambda: max(), lambda: max(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(()), sum(range(5), start=100))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
print(max(1, 2.5, True), min(0, False), max([1, 3, 3], key=lambda x: 0))
