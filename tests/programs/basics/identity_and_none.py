# None, identity and equality.
print(None, repr(None), type(None).__name__)
print(None is None, None == None, None is not False)
def f():
    pass
print(f() is None, f())
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(id(a) == id(b), id(a) == id(c))
print(True is True, (1 == 1) is True)
x = None
if not x:
    print('None is falsy')
print([None] * 3, {None: 'n'}[None])
print(bool(None), str(None), None.__class__ is type(None))
print(sorted([3, 1, 2]) == [1, 2, 3])
