# RecursionError messages depend on what hit the limit, as in CPython.
import sys
class R:
    def __repr__(self):
        return 'R(' + repr(self) + ')'
class S:
    def __str__(self):
        return str(self)
class E:
    def __eq__(self, other):
        return self == other
class C:
    def __call__(self):
        return self()
def f():
    return f()
for label, fn in [('repr', lambda: repr(R())), ('str', lambda: str(S())), ('eq', lambda: E() == E()),
                  ('call', lambda: C()()), ('func', f)]:
    try:
        fn()
    except RecursionError as e:
        print(label, '|', e)
nested = []
for _ in range(3000):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print('nested list |', e)
a = []
b = a
for _ in range(3000):
    b.append([])
    b = b[0]
try:
    a == [[[]]]
    print('shallow compare ok')
except RecursionError as e:
    print('compare |', e)
print(sys.getrecursionlimit())
