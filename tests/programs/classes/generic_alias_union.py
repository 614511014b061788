# types.GenericAlias (list[int]), X | Y unions (types.UnionType), PEP 560 __mro_entries__ and mappingproxy.
import types
a = list[int]
print(a, dict[str, list[int]], tuple[()], tuple[int, ...], type[int], a.__origin__, a.__args__, a.__parameters__)
print(a([1, 2]), a == list[int], a == list[str], hash(a) == hash(list[int]), type(a), type(a) is types.GenericAlias)
print(a.append is list.append, a.__name__ if hasattr(a, '__name__') else '-')
try: isinstance([], list[int])
except TypeError as e: print(e)
u = int | str
print(u, type(u), u.__args__, int | None, None | int, isinstance(3, u), isinstance(3.0, u), issubclass(bool, u))
print(int | str == str | int, (int | str) | float, int | int, list[int] | None, isinstance(None, int | None))
print(types.UnionType, types.GenericAlias)
class C(list[int]): pass
print(C.__mro__, C.__orig_bases__ if hasattr(C, '__orig_bases__') else '')
def f(x: list[int]) -> dict[str, int]: pass
print(f.__annotations__)
try: list[int][str]
except TypeError as e: print(e)
print(types.GenericAlias(list, int), types.GenericAlias(dict, (str, int)))
try: 1 | int
except TypeError as e: print(e)
try: hash(type.__dict__)
except TypeError as e: print(e)
m = types.MappingProxyType({'a': 1})
try: m |= {}
except TypeError as e: print(e)
try: m['b'] = 1
except TypeError as e: print(e)
try: del m['a']
except TypeError as e: print(e)
try: types.MappingProxyType([1])
except TypeError as e: print(e)
print(m, str(m), m == {'a': 1}, m | {'b': 2}, {'z':0} | m, list(reversed(m)), m.get('a'), len(m), 'a' in m, m.copy())
print(type(type.__dict__), vars(int) is not None, type(vars(int)).__name__, 'append' in list.__dict__)
class K:
    x = 1
print(type(K.__dict__).__name__, K.__dict__['x'], sorted(k for k in K.__dict__ if not k.startswith('__')))
try: K.__dict__['y'] = 2
except TypeError as e: print(e)
