# Tuples: creation, immutability, methods, comparison, hashing.
t = (1, 'two', 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3])
print((), (1,), tuple(), tuple('ab'), tuple([1, 2]), (1, 2) + (3,), (0,) * 3)
print(t.count(1), t.index('two'), 3.0 in t)
try:
    t[0] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    t.index('missing')
except ValueError as e:
    print('ValueError:', e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1, 2))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'pair'}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError:', e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
inner = [1]
tt = (inner, 2)
inner.append(3)
print(tt)
a = 1, 2, 3
print(type(a).__name__, a)
print(repr((1,)), str(('a',)), max((3, 1), (2, 9)))
