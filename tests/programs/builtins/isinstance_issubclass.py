# isinstance and issubclass with classes and tuples.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(A, A), issubclass(bool, object))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, (int, float)), isinstance('s', str), isinstance(None, type(None)))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(int, type), isinstance(len, type))
try:
    isinstance(1, 'int')
except TypeError as e:
    print('TypeError:', e)
try:
    issubclass(b, A)
except TypeError as e:
    print('TypeError:', e)
print(isinstance(b, ((C,), (A,))), type(b) is B, type(b) == A)
