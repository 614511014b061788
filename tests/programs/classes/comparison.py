# Rich comparison methods and their reflection.
import functools
class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return isinstance(o, Ver) and self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __repr__(self):
        return 'Ver' + str(self.parts)
a, b, c = Ver(1, 2), Ver(1, 10), Ver(1, 2)
print(a == c, a != b, a < b, a <= c, b > a, b >= a)
print(sorted([b, a, Ver(0, 9)]))
print(max([a, b]), min([a, b]))
print(a == 3, a != 'x')
@functools.total_ordering
class T:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(T(1) > T(0), T(1) >= T(1), T(2) <= T(1))
class Loud:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        print('lt', self.n, o.n)
        return self.n < o.n
    def __gt__(self, o):
        print('gt', self.n, o.n)
        return self.n > o.n
print(Loud(1) < Loud(2))
print(Loud(1) > Loud(2))
class Plain: pass
try:
    Plain() < Plain()
except TypeError as e:
    print('TypeError:', e)
p = Plain()
print(p == p, p != p, Plain() == Plain())
