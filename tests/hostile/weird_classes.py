class Meta(type):
    def __new__(mcs, *a):
        raise RuntimeError('no classes today')
try:
    class A(metaclass=Meta):
        pass
except RuntimeError:
    print('metaclass refused')
class B:
    def __init_subclass__(cls):
        raise ValueError('no subclasses')
try:
    class C(B):
        pass
except ValueError:
    print('subclass refused')
class D:
    __slots__ = ('x',)
    x = 5
