# vars() and dir() of user classes and instances (dunders filtered out).
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Thing(Base):
    kind = 'thing'
    def __init__(self):
        self.x = 1
        self._private = 2
    def method(self):
        pass
    @property
    def prop(self):
        return 3
t = Thing()
print(vars(t))
print([n for n in dir(t) if not n.startswith('__')])
print([n for n in dir(Thing) if not n.startswith('__')])
print(sorted(k for k in vars(Thing) if not k.startswith('__')))
t.y = 'new'
print(vars(t), t.__dict__ is vars(t))
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
def f():
    a = 1
    b = 2
    return sorted(dir())
print(f())
import math
print('sqrt' in dir(math), 'pi' in vars(math))
