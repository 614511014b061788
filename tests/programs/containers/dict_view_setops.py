# Set operations, comparisons and membership of dict keys/items views.
d = {'a': 1, 'b': 2, 'c': 3}
e = {'b': 2, 'c': 30, 'x': 9}
k, it = d.keys(), d.items()
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}), sorted({'a', 'q'} ^ k), sorted({'c'} - k))
print(sorted(k & e.keys()), sorted(k | e.keys()), sorted(k - e.keys()), sorted(k ^ e.keys()))
print(sorted(it & e.items()), sorted(it - e.items()), sorted(it ^ e.items()), sorted(it | {('z', 0)}))
print(k == {'a', 'b', 'c'}, {'a', 'b', 'c'} == k, k < {'a', 'b', 'c', 'd'}, k >= {'a'}, it == {('a', 1), ('b', 2), ('c', 3)}, k != e.keys())
print(k.isdisjoint({'z'}), k.isdisjoint(['a']), it.isdisjoint(e.items()), ('b', 2) in it, ('b', 3) in it, 'zz' in it, 2 in d.values())
print(list(reversed(d.items())), list(reversed(d.values())), k & [1, 'a'], len(k), len(d.values()))
try:
    k & 5
except TypeError as ex:
    print(ex)
try:
    d.values() & {1}
except TypeError as ex:
    print(ex)
print(d.values() == d.values(), k == k, type(k - set()).__name__)
