# bool is a subclass of int.
print(True, False, type(True).__name__)
print(isinstance(True, int), issubclass(bool, int))
print(True == 1, False == 0, True + 1, True * 3.5)
print(int(True), float(False), str(True), repr(False))
print(bool(0), bool(2), bool(''), bool('False'))
print(True & False, True | False, True ^ True, ~True)
print(sum([True, True, False, True]))
print({True: 'a', 1: 'b'})
print(sorted([True, False, 2, -1]))
print(True.__class__.__mro__)
print(bool.__name__, bool(None), bool([[]]))
try:
    class B(bool):
        pass
except TypeError as e:
    print('TypeError:', e)
