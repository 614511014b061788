# keys/values/items views are live and support set operations.
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d['d'] = 4
print(len(k), list(v), ('d', 4) in it, 'a' in k)
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
print(sorted(it & {('a', 1), ('b', 9)}))
del d['a']
print(list(k), list(it))
try:
    for key in d:
        d['new'] = 1
except RuntimeError as e:
    print('RuntimeError:', e)
print(list(d))
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print('RuntimeError:', e)
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(list(reversed(d.keys())), list(map(lambda p: p[0] * 2, d.items())))
