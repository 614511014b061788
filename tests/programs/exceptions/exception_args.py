# str() and repr() of builtin exceptions built with various arguments.
for e in [ValueError(), ValueError('one'), ValueError('a', 'b'), ValueError(42),
          KeyError('key'), KeyError(1, 2), KeyError(), IndexError('list index out of range'),
          OSError(2, 'No such file'), OSError('just text'), StopIteration(5),
          SystemExit(3), UnicodeError('u'), Exception(None), Exception([1, 2])]:
    print(type(e).__name__, '|', str(e), '|', repr(e), '|', e.args)
print(StopIteration(7).value, SystemExit(4).code, SystemExit().code)
e = Exception('a')
e.args = ('changed', 1)
print(e)
print(KeyError('x').__str__(), LookupError('x').__str__())
