# __slots__, __bool__, __len__ and __index__.
class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
s = Slotted()
try:
    s.c = 3
except AttributeError as e:
    print('AttributeError:', e)
try:
    print(s.b)
except AttributeError as e:
    print('AttributeError:', e)
print(hasattr(s, '__dict__'), s.a)
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
lst = list(range(10))
print(lst[Idx(3)], lst[Idx(1):Idx(4)], hex(Idx(255)), bin(Idx(5)), range(Idx(3)))
print('ab' * Idx(3))
class Sized:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(len(Sized(4)), bool(Sized(0)), bool(Sized(2)))
try:
    len(Sized(-1))
except ValueError as e:
    print('ValueError:', e)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError:', e)
