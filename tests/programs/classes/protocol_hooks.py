# Class hooks the lib/ modules rely on: __instancecheck__/__subclasscheck__, __set_name__, __missing__, __init_subclass__, __prepare__, metaclass __call__, abc.
class Meta(type):
    def __instancecheck__(cls, inst):
        return hasattr(inst, 'quack')
    def __subclasscheck__(cls, sub):
        return hasattr(sub, 'quack')
class Duck(metaclass=Meta): pass
class D:
    quack = 1
print(isinstance(D(), Duck), isinstance(1, Duck), issubclass(D, Duck), issubclass(int, Duck))
class Desc:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, typ=None):
        if obj is None: return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, v):
        setattr(obj, self.name, v * 2)
class H:
    x = Desc()
h = H(); print(h.x); h.x = 5; print(h.x, H.x.name)
class Dm(dict):
    def __missing__(self, k):
        return k * 2
d = Dm(a=1)
print(d['a'], d['zz'], d.get('zz'), 'zz' in d)
class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class S1(Base, tag='one'): pass
class S2(S1): pass
print(Base.subs)
print((1024).to_bytes(2, 'big'), int.from_bytes(b'\x04\x00', 'big'), (-1).to_bytes(2, 'little', signed=True))
class M2(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['added'] = name.lower()
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print('M2 call', cls.__name__, a)
        return super().__call__(*a)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name)
        return {'pre': 1}
class K(metaclass=M2):
    def __init__(self, v): self.v = v
k = K(3); print(k.v, K.added, K.pre, type(K).__name__)
class OD(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
o = OD(); o['a'] = 1; print(o)
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
try: A()
except TypeError as e: print(e)
class Reg(abc.ABC): pass
Reg.register(int)
print(isinstance(3, Reg), issubclass(bool, Reg))
