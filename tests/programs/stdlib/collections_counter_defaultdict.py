# collections.Counter and defaultdict.
from collections import Counter, defaultdict
c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2))
c.update('aaz'); print(c.most_common(3))
c.subtract({'a': 5}); print(c['a'])
print(sorted(c.elements()), c.total() if hasattr(c, 'total') else sum(c.values()))
print(Counter([1, 1, 2]) + Counter([2, 3]), Counter(a=3) - Counter(a=1, b=2), Counter(a=1) | Counter(a=4), Counter(a=3, b=1) & Counter(a=1))
print(Counter({'x': 2}) == Counter(x=2), list(Counter('hello').keys()))
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common())
dd = defaultdict(list)
for w in words:
    dd[len(w)].append(w)
print(dict(dd), dd[99], len(dd))
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(sorted(counts.items()), counts.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 1
print({k: dict(v) for k, v in nested.items()})
plain = defaultdict()
try:
    plain['missing']
except KeyError as e:
    print('KeyError:', e)
print(repr(defaultdict(int, {'a': 1})))
