# collections.namedtuple and OrderedDict.
from collections import namedtuple, OrderedDict
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), Point._fields, len(p))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), Point._make([5, 6]))
P3 = namedtuple('P3', 'a b c', defaults=[0])
print(P3(1, 2), P3._field_defaults)
try:
    Point(1)
except TypeError as e:
    print('TypeError:', e)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)
class Vec(namedtuple('Vec', 'dx dy')):
    def norm1(self):
        return abs(self.dx) + abs(self.dy)
print(Vec(3, -4).norm1(), Vec(3, -4))
od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
print(od, list(od))
od.move_to_end('b'); print(list(od))
od.move_to_end('c', last=False); print(list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))
