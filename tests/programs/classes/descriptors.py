# The descriptor protocol: __get__, __set__, __set_name__.
class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f'{self.name[1:]} must be int')
        setattr(obj, self.name, value)
class Item:
    qty = Typed()
    price = Typed()
    def __init__(self, q, p):
        self.qty, self.price = q, p
i = Item(2, 50)
print(i.qty * i.price, type(Item.qty).__name__)
try:
    i.qty = 'many'
except TypeError as e:
    print('TypeError:', e)
class Const:
    def __get__(self, obj, typ):
        return 'const from ' + typ.__name__
class Use:
    c = Const()
print(Use.c, Use().c)
u = Use()
u.__dict__['c'] = 'instance wins over non-data descriptor'
print(u.c)
class Method:
    def f(self):
        return self
m = Method()
bound = Method.__dict__['f'].__get__(m, Method)
print(bound() is m, type(bound).__name__)
