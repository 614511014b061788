# Classes created with type() and simple metaclasses.
def hello(self):
    return 'hello from ' + type(self).__name__
Dyn = type('Dyn', (object,), {'hello': hello, 'x': 5})
d = Dyn()
print(d.hello(), d.x, Dyn.__name__, type(Dyn).__name__)
Sub = type('Sub', (Dyn,), {})
print(Sub().hello(), Sub.__mro__)
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns['created_by'] = 'Meta'
        print('Meta creating', name, sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a):
        print('Meta call', cls.__name__, a)
        return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v
w = WithMeta(3)
print(w.v, w.created_by, type(WithMeta).__name__, isinstance(WithMeta, type))
class Child(WithMeta):
    pass
print(type(Child).__name__)
print(type(type), type(object), type(int), isinstance(object, type), isinstance(type, object))
class Registry:
    classes = []
    def __init_subclass__(cls, tag='none', **kw):
        super().__init_subclass__(**kw)
        Registry.classes.append((cls.__name__, tag))
class R1(Registry): pass
class R2(Registry, tag='two'): pass
print(Registry.classes)
