# iter(), next() with default, iter(callable, sentinel).
it = iter([10, 20])
print(next(it), next(it), next(it, 'done'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e))
try:
    next([1])
except TypeError as e:
    print('TypeError:', e)
d = iter({'a': 1, 'b': 2})
print(next(d), list(d))
s = iter('xyz')
print(list(s), type(iter('')).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter(range(1))).__name__)
data = [3, 2, 1, 0, 5]
pos = iter(data)
print(list(iter(lambda: next(pos), 0)))
class Count:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(Count()), sum(Count()))
