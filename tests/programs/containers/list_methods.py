# list methods: append, extend, insert, remove, pop, index, count, reverse, copy, clear.
l = [3, 1, 4]
l.append(1); print(l)
l.extend([5, 9]); print(l)
l.extend('ab'); print(l)
l.insert(0, 'first'); l.insert(100, 'last'); l.insert(-1, 'before-last'); print(l)
l.remove(1); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
print(l.index(4), l.count(1), l.count('zz'))
l.reverse(); print(l)
c = l.copy(); c.append('only in copy'); print(l, c)
l.clear(); print(l, len(l))
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
try:
    [1].remove(2)
except ValueError as e:
    print('ValueError:', e)
try:
    [1, 2].index(3)
except ValueError as e:
    print('ValueError:', e)
print([1, 2, 3, 2].index(2, 2), [0] * 3 + [1] * 2, [[]] * 2)
x = [1, 2]
x += (3, 4)
x *= 2
print(x)
try:
    x + (1,)
except TypeError as e:
    print('TypeError:', e)
print(list(), list('abc'), list(range(3)), list({'k': 1}))
