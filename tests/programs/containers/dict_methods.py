# dict methods and insertion ordering.
d = {'one': 1, 'two': 2}
d['three'] = 3
print(d, len(d), list(d), list(d.values()), list(d.items()))
print(d.get('one'), d.get('nine'), d.get('nine', 9), 'two' in d, 2 in d)
print(d.setdefault('four', 4), d.setdefault('one', 100), d)
print(d.pop('two'), d.pop('nope', 'default'), d)
try:
    d.pop('nope')
except KeyError as e:
    print('KeyError:', e)
print(d.popitem(), d)
d.update({'a': 0}, b=1)
d.update([('c', 2)])
print(d)
d['one'] = 'replaced'
print(list(d))
del d['one']
d['one'] = 'readded'
print(list(d))
print(dict.fromkeys('abc', 0), dict(zip('xy', [1, 2])), dict(a=1), dict([(1, 2)]))
c = d.copy(); c.clear(); print(c, len(d))
print({'a': 1} | {'b': 2, 'a': 3})
e = {'x': 1}
e |= {'y': 2}
print(e, {1: 'a'} == {1: 'a'}, {1: 'a', 2: 'b'} == {2: 'b', 1: 'a'})
try:
    {}['missing']
except KeyError as e:
    print('KeyError:', e)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError:', e)
print(list(reversed({'a': 1, 'b': 2})), {1: 1, 1.0: 2, True: 3})
