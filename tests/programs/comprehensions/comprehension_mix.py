# Comprehensions: scoping, nesting, walrus, closures, class bodies, unpacking, constant set iterables.
print([x * y for x in range(3) for y in range(x)])
print({x: x ** 2 for x in range(5) if x % 2})
print({x % 3 for x in range(10)})
print(list(x for x in 'abc'), tuple(c.upper() for c in 'xy'))
g = (i for i in range(3)); print(next(g), list(g), list(g))
print([y for x in [[1, 2], [3]] for y in x if y != 2])
print([(lambda: i)() for i in range(3)])
fs = [lambda: i for i in range(3)]; print([f() for f in fs])
print([n for n in range(20) if (m := n % 7) == 3], m)
x = 10; print([x for x in range(3)], x)
print(sum(i * i for i in range(10)), max(len(w) for w in ['a', 'abc']), sorted((v, k) for k, v in {'a': 2, 'b': 1}.items()))
print([[j for j in range(i)] for i in range(4)])
print({k: v for k, v in zip('abc', range(3))}, dict((i, i) for i in range(2)))
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
try:
    print([1 / 0 for _ in range(1)])
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print([*range(3), *'ab'], {**{'a': 1}, **{'b': 2}}, {*range(3), 5})
print([i for i in range(5)][::-1], [i if i % 2 else -i for i in range(5)])
gen = (x * 2 for x in range(3)); print(type(gen).__name__, gen.__name__ if hasattr(gen, '__name__') else '', sum(gen))
print(all(x < 5 for x in range(5)), any(x > 3 for x in range(3)))
nested = [[1, 2], [3, 4]]; print([row[i] for i in range(2) for row in nested])
print({frozenset({1, 2}): 'a'}[frozenset({2, 1})], {(1, 2): 3}[1, 2])
print([x for x in {10, 5, 1000, 64, 8}], {x for x in [100, 3, 64, 1000, 7]})
