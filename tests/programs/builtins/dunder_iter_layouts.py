# tuple, bytes, bytearray, set and frozenset have __iter__ (super().__iter__() in subclasses)
class T(tuple):
    def __iter__(self):
        yield from super().__iter__()
        yield 'extra'
class S(frozenset):
    def __iter__(self):
        return iter(sorted(super().__iter__()))
print(list(T((1, 2))), list(S({3, 1, 2})), list(tuple.__iter__((4, 5))), list(bytes.__iter__(b'ab')), list(bytearray.__iter__(bytearray(b'c'))))
print(sorted(set.__iter__({1, 2})), type(iter((1,))).__name__, type(tuple.__iter__(())).__name__, type(set.__iter__(set())).__name__)
for t in (tuple, bytes, bytearray, set, frozenset):
    print(t.__name__, hasattr(t, '__iter__'))
try:
    tuple.__iter__([1])
except TypeError as e:
    print('TypeError', e)
