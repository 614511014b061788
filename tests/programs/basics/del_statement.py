# The del statement on names, items, slices and attributes.
x = 5
del x
try:
    print(x)
except NameError as e:
    print('NameError:', e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError:', e)
class C:
    pass
c = C()
c.attr = 1
c.other = 2
del c.attr
print(hasattr(c, 'attr'), c.other)
try:
    del c.attr
except AttributeError as e:
    print('AttributeError:', e)
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return 'UnboundLocalError: ' + str(e)
print(f())
