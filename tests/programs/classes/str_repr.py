# __str__, __repr__, __format__ and their fallbacks.
class Both:
    def __str__(self): return 'str-form'
    def __repr__(self): return 'repr-form'
class ReprOnly:
    def __repr__(self): return 'ReprOnly()'
class Fmt:
    def __format__(self, spec):
        return f'<{spec}>'
b, r = Both(), ReprOnly()
print(b, repr(b), str(b), [b], (b,), {'k': b})
print(r, str(r), f'{r}', f'{r!r}', f'{b!s}/{b!r}')
print(format(Fmt(), 'xyz'), f'{Fmt():>10}', '{:abc}'.format(Fmt()))
print('%s %r' % (b, b))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError:', e)
class Sub(str):
    pass
s = Sub('text')
print(s, repr(s), type(s).__name__, s.upper(), type(s.upper()).__name__)
try:
    format(object(), 'd')
except TypeError as e:
    print('TypeError:', e)
