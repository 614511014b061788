# getattr, setattr, hasattr, delattr.
class Obj:
    cls_attr = 'class level'
o = Obj()
setattr(o, 'x', 10)
print(getattr(o, 'x'), o.x, hasattr(o, 'x'), hasattr(o, 'y'), getattr(o, 'y', 'dflt'), getattr(o, 'cls_attr'))
delattr(o, 'x')
print(hasattr(o, 'x'))
try:
    getattr(o, 'x')
except AttributeError as e:
    print('AttributeError:', e)
try:
    delattr(o, 'nothing')
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(o, 5)
except TypeError as e:
    print('TypeError:', e)
setattr(o, 'with space', 1)
print(getattr(o, 'with space'), sorted(vars(o)))
print(getattr([1, 2], 'count')(1), getattr('s', 'upper')(), hasattr(len, '__call__'))
try:
    setattr(5, 'x', 1)
except AttributeError as e:
    print('AttributeError:', e)
try:
    object().x = 1
except AttributeError as e:
    print('AttributeError:', e)
for name in ['a', 'b']:
    setattr(Obj, name, name * 3)
print(Obj.a, o.b)
