# Class __dict__ is a read-only mappingproxy; types.MappingProxyType; __call__ of functions and builtins; print to file objects.
import types
class C:
    x = 1
    def m(self):
        return 'm'
d = C.__dict__
print(type(d).__name__, d['x'], 'm' in d, d.get('zz', 'none'), sorted(k for k in d if not k.startswith('__')))
try:
    d['x'] = 2
except TypeError as e:
    print('TypeError:', e)
p = types.MappingProxyType({'a': 1, 'b': 2})
print(p, len(p), list(p), list(p.items()), p.copy(), p | {'c': 3}, {'z': 0} | p, p == {'a': 1, 'b': 2})
try:
    types.MappingProxyType([1, 2])
except TypeError as e:
    print('TypeError:', e)
try:
    hash(p)
except TypeError as e:
    print('TypeError:', e)
print(hasattr(len, '__call__'), len.__call__([1, 2, 3]), (lambda x: x * 2).__call__(4), C().m.__call__())
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print('a', 1, None, sep='-', end='!', file=w)
print(file=w)
print(w.parts)
for bad in [1, 'x']:
    try:
        getattr(C, bad) if bad == 1 else print(end=bad, sep=5)
    except TypeError as e:
        print('TypeError:', e)
