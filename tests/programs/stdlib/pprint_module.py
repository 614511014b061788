# pprint: dicts/lists/tuples/sets, width/indent/depth/compact/sort_dicts, str/bytes wrapping, collections types, dataclasses, recursion flags
import pprint, collections, dataclasses
data = {'name': 'widget', 'tags': ['a', 'b', 'c'] * 5, 'nested': {'x': list(range(30)), 'y': {'deep': (1, 2, {'z': None})}}, 'long': 'word ' * 30, 'b': b'bytes ' * 20, 'set': {3, 1, 2}, 'fs': frozenset({5, 4}), 'num': 12345678901234567890, 'f': 1.5}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, depth=2, compact=True)
pprint.pprint(data, sort_dicts=False, width=120)
print(pprint.pformat(list(range(50)), compact=True, width=60))
r = [1, 2]; r.append(r); print(pprint.isrecursive(r), pprint.isreadable(r), pprint.isreadable([1, "a"]), pprint.saferepr([1, {2: (3,)}]))
pprint.pprint(collections.OrderedDict((str(i), i) for i in range(12)))
pprint.pprint(collections.defaultdict(list, {'k' * 20: list(range(20)), 'j': [1]}))
pprint.pprint(collections.Counter('abracadabra' * 10))
pprint.pprint(collections.deque(range(40), maxlen=50))
@dataclasses.dataclass
class P:
    x: int
    y: list
pprint.pprint(P(1, list(range(40))))
pprint.pprint([P(1, [2])] * 3, width=20)
pprint.pprint({'a': 1_000_000}, underscore_numbers=True)
pprint.pp({'b': 1, 'a': 2})
pprint.pprint(('tuple', ('nested', 'very long string ' * 5)), width=50)
pprint.pprint([[1, 2, [3, 4, [5, 6, [7, 8]]]]], depth=3)
pprint.pprint({}), pprint.pprint([]), pprint.pprint(()), pprint.pprint((1,)), pprint.pprint(set())
print(pprint.pformat('x' * 100, width=30))
pprint.PrettyPrinter(width=30).pprint({'key%d' % i: 'value%d' % i for i in range(5)})
@dataclasses.dataclass
class Q:
    a: int
print(Q.__repr__.__qualname__, Q.__repr__.__wrapped__.__qualname__, Q.__init__.__qualname__, Q.__eq__.__qualname__)
