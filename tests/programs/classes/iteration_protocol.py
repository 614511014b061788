# __iter__ / __next__ and the old __getitem__ iteration protocol.
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)))
c = Countdown(2)
print(next(c), next(c), next(c, 'done'))
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares())
class Bag:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        yield from self.items
b = Bag('x', 'y')
print(list(b), list(b), [*b], dict.fromkeys(b))
for i, v in enumerate(Bag(3, 4)):
    print(i, v)
a, b2 = Bag(1, 2)
print(a, b2)
it = iter([1, 2, 3])
print(iter(it) is it, list(it), list(it))
try:
    iter(5)
except TypeError as e:
    print('TypeError:', e)
class Sentinel:
    def __init__(self): self.i = 0
    def __call__(self):
        self.i += 1
        return self.i
print(list(iter(Sentinel(), 4)))
