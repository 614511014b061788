# property getters, setters, deleters and computed attributes.
class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError('too cold')
        self._c = v
    @celsius.deleter
    def celsius(self):
        print('deleting')
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print('ValueError:', e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print('AttributeError:', e)
del t.celsius
print(hasattr(t, '_c'))
class P:
    def get(self):
        return 'got'
    x = property(get, doc='the x')
print(P().x, P.x.__doc__, type(P.x).__name__)
class Lazy:
    @property
    def value(self):
        print('computing')
        return 7
l = Lazy()
print(l.value + l.value)
