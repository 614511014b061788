# __getattr__, __getattribute__, __setattr__, __delattr__.
class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith('x_'):
            return name[2:] * 2
        raise AttributeError(f'no {name}')
d = Dyn()
print(d.real, d.x_ab, getattr(d, 'missing', 'default'), hasattr(d, 'x_'), hasattr(d, 'y'))
class Logged:
    def __setattr__(self, name, value):
        print('set', name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print('del', name)
        super().__delattr__(name)
l = Logged()
l.a = 1
l.a += 1
del l.a
print(vars(l))
class Spy:
    def __init__(self):
        self.v = 5
    def __getattribute__(self, name):
        if name == 'secret':
            return 'intercepted'
        return object.__getattribute__(self, name)
s = Spy()
print(s.v, s.secret)
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, 'x', x)
    def __setattr__(self, n, v):
        raise AttributeError('frozen')
f = Frozen(3)
try:
    f.x = 4
except AttributeError as e:
    print(f.x, e)
