# __hash__ and __eq__ interplay; objects as dict keys and set members.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f'P({self.x},{self.y})'
d = {Point(1, 2): 'a'}
print(d[Point(1, 2)], Point(1, 2) in d)
s = {Point(0, 0), Point(0, 0), Point(1, 1)}
print(len(s))
print(hash(Point(1, 2)) == hash(Point(1, 2)))
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
try:
    {EqOnly()}
except TypeError as e:
    print('TypeError:', e)
class Default: pass
x = Default()
print(hash(x) == hash(x), {x: 1}[x])
print(hash(1) == hash(1.0) == hash(True), hash(7), hash(-1), hash(0))
print(hash((1, 2)) == hash((1, 2)))
try:
    hash([1])
except TypeError as e:
    print('TypeError:', e)
class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print('TypeError:', e)
