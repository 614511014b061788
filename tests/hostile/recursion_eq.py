class E:
    def __eq__(self, other):
        return self == other
    __hash__ = object.__hash__
try:
    print(E() == E())
except RecursionError:
    print('RecursionError caught')
a = []
b = []
for _ in range(200000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError:
    print('nested list == RecursionError')
try:
    print(len(repr(a)))
except RecursionError:
    print('nested list repr RecursionError')
E() in [E()]
