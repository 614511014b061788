# Dicts: ordering through deletions, update forms, |=, errors, user keys, large dicts.
d = {}
for i in range(20):
    d[i * 7 % 13] = i
print(d, len(d))
for k in list(d)[::3]:
    del d[k]
print(d, list(d.keys())[:3], list(d.values())[-3:])
d.update({100: 1}, x=2)
d.update([(200, 2)])
print(d.popitem(), d.pop(100), d.setdefault('new', []), d.get('missing', 'dflt'))
print({1: 'a'} == {1.0: 'a'}, {'a': 1}.items() == {('a', 1)}, dict.fromkeys([1, 2]))
try:
    {}['k']
except KeyError as e:
    print('KeyError', e, repr(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print('KeyError', e)
try:
    d.update(5)
except TypeError as e:
    print('TypeError', e)
try:
    d.update([1, 2])
except TypeError as e:
    print('TypeError', e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print('ValueError', e)
try:
    {[]: 1}
except TypeError as e:
    print('TypeError', e)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return f'K({self.v})'
dk = {K(1): 'one', K(2): 'two'}
print(dk[K(1)], K(2) in dk, K(3) in dk, dk)
x = {'b': 1, 'a': 2}
print(sorted(x), sorted(x.items(), key=lambda kv: kv[1]), min(x, key=x.get), list(reversed(x)))
od = dict(sorted({'z': 1, 'y': 2}.items())); print(od)
print({i: i for i in range(3)} | {5: 5}, {**x, 'c': 3})
e = {'a': 1}; e |= {'b': 2}; e |= [('c', 3)]; print(e)
print(dict(a=1) == dict([('a', 1)]), len({}), bool({}), bool({0: 0}))
big = {i: str(i) for i in range(1000)}
print(len(big), big[999], sum(big), list(big)[500])
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], big.get(3))
