# __slots__: member descriptors, no __dict__, inheritance, conflicts, private slot names.
class S:
    __slots__ = ('a', 'b', '__p')
    def __init__(self):
        self.a = 1
        self.__p = 5
    def p(self):
        return self.__p
s = S()
print(s.a, s.p(), S.a, type(S.a).__name__, hasattr(s, '__dict__'))
for action in ['set c', 'get b', 'vars']:
    try:
        if action == 'set c':
            s.c = 1
        elif action == 'get b':
            s.b
        else:
            vars(s)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
del s.a
try:
    del s.a
except AttributeError as e:
    print('AttributeError', e)
s.b = [1]
print(s.b, getattr(s, 'a', 'unset'))
class U(S):
    __slots__ = ('c',)
u = U()
u.c = 2
print(u.c, u.a, hasattr(u, '__dict__'), U.__slots__)
try:
    class Bad:
        __slots__ = ('x',)
        x = 1
except ValueError as e:
    print('ValueError', e)
try:
    class Bad2:
        __slots__ = (1,)
except TypeError as e:
    print('TypeError', e)
class One:
    __slots__ = 'only'
o = One()
o.only = 'x'
print(o.only, One.__slots__)
try:
    S.a.__get__(One(), One)
except TypeError as e:
    print('TypeError', e)
class Empty:
    __slots__ = ()
try:
    Empty().x = 1
except AttributeError as e:
    print('AttributeError', e)
