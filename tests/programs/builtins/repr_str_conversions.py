# repr, str, int, float, bool, list, tuple, dict, set constructors.
for v in [1, 1.5, 'x', None, True, [1, 'a'], (1,), {'k': [None]}, {3}, b'b', range(2), 2 ** 64, -0.5]:
    print(repr(v), str(v), bool(v))
print(int('7'), int(7.9), int(' 8 '), float('7'), float(7), str(7), bool('x'), bool(''))
print(list('ab'), list((1, 2)), tuple([1, 2]), tuple('ab'), dict([('a', 1)]), dict(a=1), set([1, 1, 2]))
print(list({1: 'x'}.items()), tuple(range(3)), dict({'a': 1}, b=2), sorted(set('aab')))
print(int(), float(), str(), bool(), list(), tuple(), dict(), set())
print(repr(repr('x')), str(str), repr(int), repr(len), repr(print))
class C:
    pass
print(repr(C).startswith("<class '__main__.C'>"), str(type(C())))
print(repr(object).split()[1], type(repr) is type(len))
