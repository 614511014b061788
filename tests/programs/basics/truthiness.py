# Truth values of builtin objects and short-circuit boolean operators.
for v in [0, 1, -1, 0.0, 0.1, '', 'a', [], [0], (), (None,), {}, {0: 0}, set(), None, True, False, range(0), range(1), b'', b'\x00']:
    print(repr(v), bool(v))
print(0 or 'x', 1 or 'x', 0 and 'x', 1 and 'x')
print([] or {} or 'last', 'a' and 'b' and 'c')
print(None or 0, not None, not [])
def side(x):
    print('side', x)
    return x
print(side(0) and side(1))
print(side(2) or side(3))
print(1 if [] else 2, 1 if [1] else 2)
class Falsy:
    def __bool__(self):
        return False
class Empty:
    def __len__(self):
        return 0
print(bool(Falsy()), bool(Empty()), bool(object()))
