# id() equality and hash() of ints / equal values only.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c))
print(hash(1) == hash(1.0), hash(0) == hash(False), hash(1) == 1, hash(12345) == 12345)
print(hash(-1) == -2, hash(-2) == -2, hash((1, 2)) == hash((1, 2)), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(1.5) == hash(1.5), hash(0.0) == hash(-0.0))
x = object()
print(hash(x) == hash(x), id(x) == id(x))
s1 = 'some text'
s2 = ''.join(['some', ' ', 'text'])
print(hash(s1) == hash(s2), s1 == s2)
def f():
    pass
print(id(f) == id(f), hash(f) == hash(f))
print(hash(None) == hash(None), hash(True))
