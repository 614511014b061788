# type() of values and three-argument type().
for v in [1, 1.0, 's', b'b', None, True, [], (), {}, set(), frozenset(), range(1), slice(1), len, type, object(), lambda: 0, iter([]), (x for x in [])]:
    print(type(v).__name__, type(v))
print(type(type(1)), type(1) is int, type(int) is type)
X = type('X', (), {'a': 1})
print(X, X.a, X().__class__.__name__)
class M:
    def meth(self):
        pass
print(type(M.meth).__name__, type(M().meth).__name__, type(M.__dict__).__name__)
import sys
print(type(sys).__name__, type(sys.stdout).__name__ if False else 'io')
print(type.__name__, object.__name__, type(NotImplemented).__name__, type(...).__name__)
